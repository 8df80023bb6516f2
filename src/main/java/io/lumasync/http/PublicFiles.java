package io.lumasync.http;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Downloads a published file from the address a platform's API gave for it (a CDN): without credentials, only over
 * https (or plain http to this computer, for test servers), bounded like every download ({@link BodyLimits#FILE}).
 */
public final class PublicFiles {
    private PublicFiles() {
    }

    /** {@code what} names the platform ("Shopify"), for messages. */
    public static byte[] download(HttpClient http, String url, String what) throws LumasyncException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw LumasyncException.giveUp(what + " gave '" + url + "' as a file's address, which is not one.");
        }
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && PlainHttp.isLoopback(uri.getHost()))) {
            throw LumasyncException.giveUp(what + " gave '" + url + "' as a file's address, which is not https.");
        }
        String server = what + "'s file server";
        try {
            HttpResponse<InputStream> r = Http.send(http, HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("User-Agent", Http.USER_AGENT).GET().build(), BodyLimits.ofInputStream(BodyLimits.FILE));
            try (InputStream in = r.body()) {
                if (r.statusCode() / 100 != 2) {
                    throw HttpErrors.fromStatus(server, r.statusCode(), r.headers(), "");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw HttpErrors.fromIo(server + " (download " + url + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, "Stopped while downloading " + url + ".", e);
        }
    }
}
