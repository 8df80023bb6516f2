package io.lumasync.source;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;
import io.lumasync.http.PlainHttp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Downloads from the short-lived, signed addresses that rendering and export APIs hand out (Figma's image renders,
 * Canva's export files, Shutterstock's licensed downloads). The address itself is the credential: it is fetched
 * without the account's token, only over https (or on this computer, for tests), capped in bytes and time, and
 * staged to disk before anyone reads it. A refused or expired address is a RETRY, because the caller asks the
 * service for a fresh one on the next attempt.
 */
public final class ExpiringLinks {
    private ExpiringLinks() {
    }

    /**
     * Fetches {@code link} into the staging folder and hands out the staged bytes. {@code what} names the item in
     * messages ("Figma frame 'Hero'"); the address never appears in a message, as its signature grants access.
     */
    public static InputStream download(HttpClient http, URI link, Path stagingDir, String what, BodyLimits.Limits limits)
            throws LumasyncException {
        requireSafe(link, what);
        HttpResponse<InputStream> r;
        try {
            r = Http.send(http, HttpRequest.newBuilder(link).timeout(Duration.ofMinutes(2))
                    .header("User-Agent", Http.USER_AGENT).GET().build(), BodyLimits.ofInputStream(limits));
        } catch (IOException e) {
            throw HttpErrors.fromIo(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, what + ": the download was interrupted.", e);
        }
        int status = r.statusCode();
        if (status == 200) {
            return StagedDownload.verify(r.body(), stagingDir, "", what);
        }
        discard(r.body());
        if (status == 403 || status == 404 || status == 410) {
            // Signed storage answers 403/404 once the address has expired; a fresh one is asked for on the retry.
            throw new LumasyncException(ErrorKind.RETRY, what + ": the download address had expired (HTTP " + status
                    + "). A fresh one is requested.");
        }
        throw HttpErrors.fromStatus(what, status, r.headers(), "");
    }

    /** Reads a small preview from a signed address within the thumbnail limits. */
    public static byte[] preview(HttpClient http, URI link, String what) throws LumasyncException {
        try (InputStream in = download(http, link, Path.of(System.getProperty("java.io.tmpdir"), "lumasync-previews"),
                what, BodyLimits.THUMBNAIL)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw HttpErrors.fromIo(what, e);
        }
    }

    private static void requireSafe(URI link, String what) throws LumasyncException {
        String scheme = String.valueOf(link.getScheme()).toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        boolean local = scheme.equals("http") && PlainHttp.isLoopback(link.getHost());
        if (!https && !local) {
            throw new LumasyncException(ErrorKind.GIVE_UP, what + ": the service gave a download address that is not "
                    + "https; Lumasync does not fetch it unencrypted.");
        }
    }

    private static void discard(InputStream body) {
        try (body) {
            body.readNBytes(64 * 1024);
        } catch (IOException ignored) {
            // the connection is dropped instead of reused: harmless
        }
    }
}
