package io.lumasync.source.shutterstock;

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

/**
 * The Shutterstock API v2 calls we make (api-reference.shutterstock.com): "List image licenses"
 * (GET /v2/images/licenses), "Download image" (POST /v2/images/licenses/{id}/downloads), "List images"
 * (GET /v2/images?id=…&amp;view=full) and "Get details about multiple contributors" (GET /v2/contributors), with the
 * account's token as a bearer token ("Authentication"). Errors come as {@code {"message": "..."}}.
 */
final class ShutterstockApi extends JsonApi {
    private final String token;

    ShutterstockApi(HttpClient http, URI base, String token, Retrier retrier) {
        super(http, base, retrier);
        this.token = token;
    }

    @Override
    public JsonNode getOnce(String pathAndQuery, String what) throws LumasyncException {
        return send(HttpRequest.newBuilder(base().resolve(pathAndQuery)).GET(), what);
    }

    /** One POST of a JSON body; the caller's retry repeats it (asking for a download link again is harmless). */
    JsonNode post(String path, JsonNode body, String what) throws LumasyncException {
        return send(HttpRequest.newBuilder(base().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), what);
    }

    private JsonNode send(HttpRequest.Builder request, String what) throws LumasyncException {
        HttpResponse<String> r;
        try {
            r = Http.send(http(), request.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .header("User-Agent", Http.USER_AGENT).build(), BodyLimits.ofString(BodyLimits.PAGE));
        } catch (IOException e) {
            throw HttpErrors.fromIo("Shutterstock (" + what + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, "Shutterstock: " + what + " was interrupted.", e);
        }
        JsonNode body = read(r.body());
        if (r.statusCode() == 200 || r.statusCode() == 201) {
            return body;
        }
        String message = body.path("message").asText("");
        String detail = message.length() > 200 ? message.substring(0, 200) + "…" : message;
        throw switch (r.statusCode()) {
            case 401 -> new LumasyncException(ErrorKind.REAUTH, "Shutterstock refused the saved token ("
                    + (detail.isEmpty() ? "unauthorized" : detail) + "): it was revoked or has expired. The source "
                    + "needs reconnect: generate a new token in your Shutterstock developer account and enter it.");
            case 403 -> new LumasyncException(ErrorKind.GIVE_UP, "Shutterstock: this account may not get "
                    + what + (detail.isEmpty() ? "" : " (" + detail + ")") + ". Check the token's scopes "
                    + "(licenses.view, licenses.create) and the subscription.");
            case 404 -> new LumasyncException(ErrorKind.GIVE_UP, "Shutterstock: " + what + " was not found "
                    + "(the licence was withdrawn or refunded).");
            default -> HttpErrors.fromResponse("Shutterstock (" + what + ")", r, detail);
        };
    }
}
