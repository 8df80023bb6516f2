package io.lumasync.source.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.auth.OAuthSession;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
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
import java.util.stream.Collectors;

/**
 * The Drive API v3 calls we make (developers.google.com/drive/api/reference/rest/v3). Errors come as
 * {@code {"error":{"code","message","errors":[{"reason","location"}]}}}; Drive signals rate limits as 403
 * {@code userRateLimitExceeded}/{@code rateLimitExceeded} as well as 429 ("Resolve errors" guide), so those are
 * RETRY, not "refused access".
 */
final class DriveApi {
    static final ObjectMapper JSON = new ObjectMapper();

    private final OAuthSession session;
    private final URI base;

    DriveApi(OAuthSession session, URI base) {
        this.session = session;
        this.base = base;
    }

    /** A Drive error that the caller may want to handle (invalid page token, not found). */
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

    JsonNode get(String path, Map<String, String> query) throws LumasyncException, DriveError {
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
        if (status == 400 || status == 404 || status == 410) {
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
