package io.lumasync.source.canva;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.auth.OAuthSession;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;
import io.lumasync.source.JsonApi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Canva Connect REST calls we make (canva.dev/docs/connect/api-reference): list designs, list folder items,
 * get a design, list design pages, create and get export jobs. Requests carry the user's bearer token through the
 * {@link OAuthSession} (one refresh on a 401). Errors come as {@code {"code": "...", "message": "..."}} (the
 * "Responses" guide); 429 carries Retry-After.
 */
final class CanvaApi extends JsonApi {
    private final OAuthSession session;

    CanvaApi(OAuthSession session, HttpClient http, URI base, Retrier retrier) {
        super(http, base, retrier);
        this.session = session;
    }

    /** One POST with a JSON body, not retried on its own (the caller decides what a repeat means). */
    JsonNode post(String path, JsonNode body, String what) throws LumasyncException {
        return send("POST", path, body.toString(), what);
    }

    @Override
    public JsonNode getOnce(String pathAndQuery, String what) throws LumasyncException {
        return send("GET", pathAndQuery, null, what);
    }

    private JsonNode send(String method, String pathAndQuery, String body, String what) throws LumasyncException {
        URI uri = base().resolve("/rest" + pathAndQuery);
        HttpResponse<String> r = session.send(token -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("User-Agent", Http.USER_AGENT);
            return body == null ? b.GET().build()
                    : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }, BodyLimits.ofString(BodyLimits.PAGE), "Canva (" + what + ")");
        JsonNode answer = read(r.body());
        if (r.statusCode() == 200) {
            return answer;
        }
        throw failure(r, answer, what);
    }

    private static LumasyncException failure(HttpResponse<String> r, JsonNode err, String what) {
        String code = err.path("code").asText("");
        String message = err.path("message").asText("");
        String detail = message.length() > 200 ? message.substring(0, 200) + "…" : message;
        int status = r.statusCode();
        if (status == 404 || code.endsWith("not_found")) {
            return new LumasyncException(ErrorKind.GIVE_UP, "Canva: " + what + " was not found (deleted, or no longer "
                    + "shared with this account).");
        }
        if (status == 403) {
            return new LumasyncException(ErrorKind.GIVE_UP, "Canva: this account may not read " + what
                    + (detail.isEmpty() ? "" : " (" + detail + ")") + ".");
        }
        if (status == 400) {
            return new LumasyncException(ErrorKind.GIVE_UP, "Canva did not accept the request for " + what + " ("
                    + (detail.isEmpty() ? code : detail) + ").");
        }
        return HttpErrors.fromResponse("Canva (" + what + ")", r, detail);
    }
}
