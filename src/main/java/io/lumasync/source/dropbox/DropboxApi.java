package io.lumasync.source.dropbox;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The few Dropbox HTTP API v2 calls we make (www.dropbox.com/developers/documentation/http/documentation): RPC
 * endpoints on the API host take and return JSON; content endpoints on the content host take their argument as
 * JSON in the {@code Dropbox-API-Arg} header (non-ASCII escaped, as the docs require) and return bytes.
 * Endpoint-specific errors come as 409 with an {@code error_summary}; that and the HTTP status classify failures.
 */
final class DropboxApi {
    static final ObjectMapper JSON = new ObjectMapper();
    /** For the Dropbox-API-Arg header: an HTTP header must stay ASCII, so every other character is \\u-escaped. */
    private static final ObjectMapper HEADER_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final OAuthSession session;
    private final URI apiBase;
    private final URI contentBase;
    private final URI notifyBase;
    private final java.net.http.HttpClient http;
    private final Retrier retrier;

    DropboxApi(OAuthSession session, URI apiBase, URI contentBase, URI notifyBase, java.net.http.HttpClient http,
               Retrier retrier) {
        this.session = session;
        this.apiBase = apiBase;
        this.contentBase = contentBase;
        this.notifyBase = notifyBase;
        this.http = http;
        this.retrier = retrier;
    }

    /** Runs a download and its checks again while they fail with RETRY (content calls are not retried alone). */
    <T> T retried(Retrier.Call<T, EndpointError> call) throws LumasyncException, EndpointError {
        return retrier.call(call);
    }

    /**
     * files/list_folder/longpoll: blocks up to {@code timeoutSeconds} until something changed after the cursor.
     * The notify endpoint takes no token (the docs: "This endpoint does not require an access token").
     */
    JsonNode longpoll(String cursor, int timeoutSeconds) throws LumasyncException, EndpointError {
        String body = write(JSON, java.util.Map.of("cursor", cursor, "timeout", timeoutSeconds));
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(notifyBase.resolve("/2/files/list_folder/longpoll"))
                    .timeout(Duration.ofSeconds(timeoutSeconds + 90)) // Dropbox adds up to 90 s of jitter
                    .header("Content-Type", "application/json")
                    .header("User-Agent", Http.USER_AGENT)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), BodyLimits.ofString(BodyLimits.PAGE));
        } catch (IOException e) {
            throw HttpErrors.fromIo("Dropbox (waiting for changes)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, "Dropbox: waiting for changes was interrupted.", e);
        }
        if (r.statusCode() == 200) {
            return read(r.body());
        }
        throw failure(r.statusCode(), r, r.body());
    }

    /** The answer of an endpoint that answered 409: its error_summary, e.g. "reset/..." or "path/not_found/...". */
    static final class EndpointError extends Exception {
        final String summary;

        EndpointError(String summary) {
            super(summary, null, false, false);
            this.summary = summary;
        }
    }

    /** An RPC endpoint, retried while it fails with RETRY. */
    JsonNode rpc(String endpoint, Object arg) throws LumasyncException, EndpointError {
        return retrier.call(() -> rpcOnce(endpoint, arg));
    }

    private JsonNode rpcOnce(String endpoint, Object arg) throws LumasyncException, EndpointError {
        String body = write(JSON, arg);
        HttpResponse<String> r = session.send(token -> HttpRequest.newBuilder(apiBase.resolve("/2/" + endpoint))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", Http.USER_AGENT)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                BodyLimits.ofString(BodyLimits.PAGE), "Dropbox", answer -> missingScope(answer.body()));
        if (r.statusCode() == 200) {
            return read(r.body());
        }
        throw failure(r.statusCode(), r, r.body());
    }

    /** A content-download endpoint; the caller closes the stream. */
    HttpResponse<InputStream> content(String endpoint, Object arg) throws LumasyncException, EndpointError {
        String header = write(HEADER_JSON, arg);
        HttpResponse<InputStream> r = session.send(token -> HttpRequest.newBuilder(contentBase.resolve("/2/" + endpoint))
                        .timeout(Duration.ofMinutes(10))
                        .header("Authorization", "Bearer " + token)
                        .header("Dropbox-API-Arg", header)
                        .header("User-Agent", Http.USER_AGENT)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                BodyLimits.ofInputStream(BodyLimits.FILE), "Dropbox", answer -> missingScope(errorText(answer)));
        if (r.statusCode() == 200) {
            return r;
        }
        throw failure(r.statusCode(), r, errorText(r));
    }

    private static String errorText(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A 401 {@code missing_scope}: the token lacks a permission because the app registration lacks it (or lacked it
     * at sign-in). A refresh returns a token with the same scopes, so it is said at once, naming the permission.
     */
    static Optional<LumasyncException> missingScope(String body) {
        JsonNode err = read(body);
        if (!err.path("error_summary").asText("").startsWith("missing_scope")) {
            return Optional.empty();
        }
        String scope = err.path("error").path("required_scope").asText("");
        return Optional.of(new LumasyncException(ErrorKind.UNAVAILABLE, "Dropbox refused: the Dropbox app Lumasync "
                + "signs in with lacks the permission '" + (scope.isEmpty() ? "?" : trim(scope)) + "'. Enable it "
                + "on the app's Permissions tab in the Dropbox App Console, then sign in again "
                + "(lumasync login)."));
    }

    private static LumasyncException failure(int status, HttpResponse<?> r, String body) throws EndpointError {
        JsonNode err = read(body);
        String summary = err.path("error_summary").asText("");
        if (status == 409) {
            throw new EndpointError(summary);
        }
        if (status == 400) {
            // "Bad input parameter": the body is plain text. Our request was wrong for this API version.
            return new LumasyncException(ErrorKind.GIVE_UP, "Dropbox did not understand Lumasync's request ("
                    + trim(body) + "). Update Lumasync; if it persists, report it.");
        }
        return HttpErrors.fromResponse("Dropbox", r, summary);
    }

    private static String trim(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    static JsonNode read(String s) {
        try {
            return JSON.readTree(s == null || s.isBlank() ? "{}" : s);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String write(ObjectMapper m, Object arg) {
        try {
            return m.writeValueAsString(arg);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a Dropbox argument", e);
        }
    }
}
