package io.lumasync.source.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.auth.OAuthSession;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Drive API v3 calls we make (developers.google.com/drive/api/reference/rest/v3). Errors come as
 * {@code {"error":{"code","message","errors":[{"reason","location"}]}}}; Drive signals rate limits as 403
 * {@code userRateLimitExceeded}/{@code rateLimitExceeded} as well as 429 ("Resolve errors" guide), so those are
 * RETRY, not "refused access".
 */
final class DriveApi {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A preview is a few hundred KB; anything far larger is not what we asked for. */
    static final int MAX_THUMBNAIL_BYTES = 8 * 1024 * 1024;

    private final OAuthSession session;
    private final URI base;
    private final java.net.http.HttpClient http;
    private final Retrier retrier;

    DriveApi(OAuthSession session, URI base, java.net.http.HttpClient http, Retrier retrier) {
        this.session = session;
        this.base = base;
        this.http = http;
        this.retrier = retrier;
    }

    /** Runs a download and its checks again while they fail with RETRY ({@link #stream} is not retried alone). */
    <T> T retried(Retrier.Call<T, DriveError> call) throws LumasyncException, DriveError {
        return retrier.call(call);
    }

    /** A Drive error that the caller names the item in (invalid page token, not found, a 403's reason). */
    static final class DriveError extends Exception {
        final int status;
        final String reason;
        final String location;

        DriveError(int status, String reason, String location, String message) {
            super(message, null, false, false);
            this.status = status;
            this.reason = reason;
            this.location = location;
        }
    }

    /** A metadata call, retried while it fails with RETRY. */
    JsonNode get(String path, Map<String, String> query) throws LumasyncException, DriveError {
        return retrier.call(() -> getOnce(path, query));
    }

    private JsonNode getOnce(String path, Map<String, String> query) throws LumasyncException, DriveError {
        HttpResponse<String> r = session.send(token -> request(uri(path, query), token),
                BodyLimits.ofString(BodyLimits.PAGE), "Google Drive");
        if (r.statusCode() == 200) {
            return read(r.body());
        }
        throw failure(r, r.body());
    }

    HttpResponse<InputStream> stream(URI uri) throws LumasyncException, DriveError {
        HttpResponse<InputStream> r = session.send(token -> request(uri, token),
                BodyLimits.ofInputStream(BodyLimits.FILE), "Google Drive");
        if (r.statusCode() == 200) {
            return r;
        }
        String text;
        try (InputStream in = r.body()) {
            text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        throw failure(r, text);
    }

    /**
     * Fetches a {@code thumbnailLink}: a short-lived URL on Google's content host, which wants the user's token
     * for a file not shared publicly, and whose errors are that host's HTML pages, not Drive JSON. The token only
     * goes to Google's own hosts (or the API's host); a refused or expired link means "no preview", since a new
     * link comes with the next listing, and it is not a reason to refresh the sign-in.
     */
    Optional<byte[]> thumbnail(URI link) throws LumasyncException {
        boolean google = "https".equals(link.getScheme()) && link.getHost() != null
                && (link.getHost().endsWith(".googleusercontent.com") || link.getHost().endsWith(".google.com"));
        boolean apiHost = link.getScheme() != null && link.getScheme().equals(base.getScheme())
                && link.getHost() != null && link.getHost().equals(base.getHost());
        if (!google && !apiHost) {
            return Optional.empty();
        }
        HttpRequest request = request(link, session.accessToken());
        HttpResponse<InputStream> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw HttpErrors.fromIo("Google Drive (preview)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, "Google Drive: the preview download was interrupted.", e);
        }
        try (InputStream in = r.body()) {
            if (r.statusCode() == 429 || r.statusCode() >= 500) {
                throw HttpErrors.fromResponse("Google Drive (preview)", r, "");
            }
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            byte[] bytes = in.readNBytes(MAX_THUMBNAIL_BYTES + 1);
            return bytes.length > MAX_THUMBNAIL_BYTES ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.RETRY, "Google Drive: the preview download broke off.", e);
        }
    }

    URI uri(String path, Map<String, String> query) {
        String q = query.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base.toString().replaceAll("/$", "") + path + (q.isEmpty() ? "" : "?" + q));
    }

    private static HttpRequest request(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", Http.USER_AGENT)
                .GET().build();
    }

    private static LumasyncException failure(HttpResponse<?> r, String body) throws DriveError {
        JsonNode err = read(body).path("error");
        JsonNode first = err.path("errors").path(0);
        String reason = first.path("reason").asText("");
        String message = err.path("message").asText("");
        int status = r.statusCode();
        if ((status == 403 || status == 429) && reason.toLowerCase(java.util.Locale.ROOT).contains("ratelimitexceeded")) {
            return new LumasyncException(ErrorKind.RETRY, "Google Drive asked Lumasync to slow down (" + message + ").",
                    HttpErrors.retryAfter(r.headers()).orElse(null), null);
        }
        if (status == 400 || status == 403 || status == 404 || status == 410) {
            throw new DriveError(status, reason, first.path("location").asText(""), message);
        }
        return HttpErrors.fromResponse("Google Drive", r, message);
    }

    static JsonNode read(String s) {
        try {
            return JSON.readTree(s == null || s.isBlank() ? "{}" : s);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
