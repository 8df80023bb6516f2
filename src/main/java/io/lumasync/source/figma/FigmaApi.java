package io.lumasync.source.figma;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;
import io.lumasync.source.JsonApi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * The Figma REST API calls we make (developers.figma.com/docs/rest-api): GET files, GET file nodes and GET images,
 * with a personal access token in the {@code X-Figma-Token} header (the "Authentication" page). Errors come as
 * {@code {"status": 403, "err": "Invalid token"}} ("Errors" page); 429 carries Retry-After ("Rate limits" page).
 */
final class FigmaApi extends JsonApi {
    private final String token;

    FigmaApi(HttpClient http, URI base, String token, Retrier retrier) {
        super(http, base, retrier);
        this.token = token;
    }

    @Override
    public JsonNode getOnce(String pathAndQuery, String what) throws LumasyncException {
        HttpResponse<String> r;
        try {
            r = Http.send(http(), HttpRequest.newBuilder(base().resolve(pathAndQuery)).timeout(Duration.ofSeconds(90))
                    .header("X-Figma-Token", token).header("User-Agent", Http.USER_AGENT).GET().build(),
                    BodyLimits.ofString(BodyLimits.PAGE));
        } catch (IOException e) {
            throw HttpErrors.fromIo("Figma (" + what + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, "Figma: reading " + what + " was interrupted.", e);
        }
        JsonNode body = read(r.body());
        if (r.statusCode() == 200) {
            return body;
        }
        throw failure(r, body.path("err").asText(body.path("message").asText("")), what);
    }

    private static LumasyncException failure(HttpResponse<String> r, String err, String what) {
        int status = r.statusCode();
        String detail = err.length() > 200 ? err.substring(0, 200) + "…" : err;
        if (status == 403 && detail.toLowerCase(Locale.ROOT).contains("token")) {
            return new LumasyncException(ErrorKind.REAUTH, "Figma refused the personal access token (" + detail
                    + "): it expired or was revoked. The source needs reconnect: create a new token in Figma "
                    + "(Settings → Security → Personal access tokens, scope file_content:read) and enter it.");
        }
        if (status == 403) {
            return new LumasyncException(ErrorKind.GIVE_UP, "Figma: the token's account may not view " + what
                    + ". Ask the file's owner to share it with you.");
        }
        if (status == 404) {
            return new LumasyncException(ErrorKind.GIVE_UP, "Figma: " + what + " was not found (deleted, or the "
                    + "key is mistyped).");
        }
        if (status == 400) {
            return new LumasyncException(ErrorKind.GIVE_UP, "Figma did not accept the request for " + what + " ("
                    + detail + ").");
        }
        return HttpErrors.fromResponse("Figma (" + what + ")", r, detail);
    }
}
