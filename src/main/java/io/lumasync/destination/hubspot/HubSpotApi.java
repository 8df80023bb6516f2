package io.lumasync.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;
import io.lumasync.http.MultipartForm;
import io.lumasync.http.PlainHttp;
import io.lumasync.http.PublicFiles;
import io.lumasync.http.RateBudget;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HubSpot's Files API v3 as Lumasync uses it, with a private app's access token as a Bearer token, paced by the
 * account's request window ({@code X-HubSpot-RateLimit-*} headers). Answers are JSON; errors carry HubSpot's
 * {@code category} (INVALID_AUTHENTICATION, MISSING_SCOPES, OBJECT_NOT_FOUND, RATE_LIMITS, VALIDATION_ERROR),
 * which is turned into words here. The token never appears in a message.
 */
final class HubSpotApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SHORT = Duration.ofSeconds(60);
    private static final Duration UPLOAD = Duration.ofMinutes(5);

    /** One answer: status, headers, the body as JSON (a missing node when it was not JSON). */
    record Answer(int status, java.net.http.HttpHeaders headers, JsonNode json) {
    }

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final RateBudget budget;
    private final boolean allowPlainHttp;

    HubSpotApi(HttpClient http, URI base, String token, RateBudget budget, boolean allowPlainHttp) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.budget = budget;
        this.allowPlainHttp = allowPlainHttp;
    }

    String what() {
        return "HubSpot";
    }

    /** GET with query parameters (each value may repeat); the answer as it came. */
    Answer get(String path, Map<String, List<String>> query, String action) throws LumasyncException {
        StringBuilder uri = new StringBuilder(base + path);
        char sep = '?';
        for (var e : query.entrySet()) {
            for (String v : e.getValue()) {
                uri.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
                sep = '&';
            }
        }
        return send(HttpRequest.newBuilder(URI.create(uri.toString())).timeout(SHORT).GET(), action);
    }

    Answer delete(String path, String action) throws LumasyncException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(SHORT).DELETE(), action);
    }

    /** A multipart request (upload: POST, replace: PUT). */
    Answer multipart(String method, String path, MultipartForm form, String action) throws LumasyncException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(UPLOAD)
                .header("Content-Type", form.contentType()).method(method, form.publisher()), action);
    }

    /** A PATCH with a JSON body (file properties). */
    Answer patch(String path, JsonNode body, String action) throws LumasyncException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(SHORT)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())), action);
    }

    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The answer when it is 2xx, else the classified failure. */
    JsonNode ok(Answer a, String action) throws LumasyncException {
        if (a.status() / 100 == 2) {
            return a.json();
        }
        throw error(a, action);
    }

    LumasyncException error(Answer a, String action) {
        String category = a.json().path("category").asText("");
        String message = a.json().path("message").asText("");
        return switch (category) {
            case "INVALID_AUTHENTICATION", "EXPIRED_AUTHENTICATION" -> new LumasyncException(ErrorKind.REAUTH,
                    "HubSpot did not accept the private app's access token (it was rotated, revoked or the app was"
                            + " deleted). Reconnect: in HubSpot, Settings → Integrations → Private Apps → your app →"
                            + " Auth, copy the access token and paste it into this destination.");
            case "MISSING_SCOPES" -> new LumasyncException(ErrorKind.REAUTH, "HubSpot does not let this app " + action
                    + ": the private app needs the 'files' scope" + scopes(a.json()) + ". Add it under Settings →"
                    + " Integrations → Private Apps → your app → Scopes, commit the change and reconnect.");
            case "RATE_LIMITS" -> new LumasyncException(ErrorKind.RETRY, "HubSpot asked Lumasync to slow down ("
                    + (message.isBlank() ? "too many requests" : message) + ").",
                    HttpErrors.retryAfter(a.headers()).orElse(Duration.ofSeconds(10)), null);
            case "OBJECT_NOT_FOUND" -> LumasyncException.giveUp("HubSpot has no such file (trying to " + action
                    + "). It was probably deleted in HubSpot.");
            default -> a.status() == 413 || message.toLowerCase(java.util.Locale.ROOT).contains("too large")
                    ? LumasyncException.giveUp("HubSpot refused the file as too large (trying to " + action + ")"
                    + (message.isBlank() ? "" : ": " + message) + ". Lower the maximum size or quality.")
                    : HttpErrors.fromStatus(what(), a.status(), a.headers(), message);
        };
    }

    private static String scopes(JsonNode body) {
        List<String> s = new ArrayList<>();
        for (JsonNode e : body.path("errors")) {
            e.path("context").path("requiredGranularScopes").forEach(x -> s.add(x.asText()));
            e.path("context").path("requiredScopes").forEach(x -> s.add(x.asText()));
        }
        return s.isEmpty() ? "" : " (it asks for " + String.join(", ", s) + ")";
    }

    /** Downloads a file's public address, without the token (it lives on HubSpot's CDN), bounded. */
    byte[] download(String url) throws LumasyncException {
        return PublicFiles.download(http, url, "HubSpot");
    }

    private Answer send(HttpRequest.Builder b, String action) throws LumasyncException {
        try {
            HttpRequest request = b.header("User-Agent", Http.USER_AGENT).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token).build();
            PlainHttp.requireSafe(request.uri(), allowPlainHttp, "The HubSpot destination");
            budget.acquire(1);
            HttpResponse<String> r = Http.send(http, request, BodyLimits.ofString(BodyLimits.PAGE));
            budget.observe(r.statusCode(), r.headers());
            return new Answer(r.statusCode(), r.headers(), parse(r.body()));
        } catch (IOException e) {
            throw HttpErrors.fromIo("HubSpot (trying to " + action + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, "Stopped while trying to " + action + ".", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
