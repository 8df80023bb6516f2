package io.lumasync.source.lightroom;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.auth.OAuthSession;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;
import io.lumasync.source.CloudCalls;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Lightroom Partner API calls the source makes (developer.adobe.com/lightroom/lightroom-api-docs/api: Catalogs,
 * Albums, Assets, Renditions). Every call carries the Adobe API key ({@code X-API-Key}, the client id) and the
 * IMS token. JSON answers start with {@code while (1) {}} against JSON hijacking ("Getting started": "the returned
 * JSON is prefixed"), which is cut off before parsing. Paged answers give {@code links.next.href} relative to the
 * answer's {@code base}. Errors are {@code {"code","description"}}.
 */
final class LightroomApi {
    private static final String PREFIX = "while (1) {}";

    /** A refusal the caller words for its item (404 not found, 403 forbidden, 202 still generating). */
    static final class LightroomError extends Exception {
        final int status;

        LightroomError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private final OAuthSession session;
    private final URI base;
    private final String apiKey;
    private final Retrier retrier;

    LightroomApi(OAuthSession session, URI base, String apiKey, Retrier retrier) {
        this.session = session;
        this.base = base;
        this.apiKey = apiKey;
        this.retrier = retrier;
    }

    <T> T retried(Retrier.Call<T, LightroomError> call) throws LumasyncException, LightroomError {
        return retrier.call(call);
    }

    URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    /** A page's next link, resolved against the answer's {@code base}; empty at the end or when it leaves the API host. */
    java.util.Optional<URI> next(JsonNode page, URI asked) {
        String href = page.path("links").path("next").path("href").asText("");
        if (href.isEmpty()) {
            return java.util.Optional.empty();
        }
        URI from = page.hasNonNull("base") ? URI.create(page.path("base").asText()) : asked;
        URI next = from.resolve(href);
        return Http.sameOrigin(base, next) ? java.util.Optional.of(next) : java.util.Optional.empty();
    }

    /** A JSON GET, retried while it fails with RETRY. */
    JsonNode get(URI uri) throws LumasyncException, LightroomError {
        return retrier.call(() -> {
            HttpResponse<String> r = session.send(token -> request(uri, token).GET().build(),
                    BodyLimits.ofString(BodyLimits.PAGE), "Adobe Lightroom");
            if (r.statusCode() == 200) {
                return parse(r.body());
            }
            throw failure(r, r.body());
        });
    }

    /** A rendition's bytes (one attempt); 404 when Lightroom has none of that size (yet). */
    HttpResponse<InputStream> rendition(URI uri, BodyLimits.Limits limits) throws LumasyncException, LightroomError {
        HttpResponse<InputStream> r = session.send(token -> request(uri, token).GET().build(),
                BodyLimits.ofInputStream(limits), "Adobe Lightroom");
        if (r.statusCode() == 200) {
            return r;
        }
        throw failure(r, CloudCalls.errorText(r));
    }

    /** Asks Lightroom to generate renditions ({@code X-Generate-Renditions}); 202 = accepted, being made. */
    void generate(URI uri, String type) throws LumasyncException, LightroomError {
        HttpResponse<String> r = session.send(token -> request(uri, token).header("X-Generate-Renditions", type)
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                BodyLimits.ofString(BodyLimits.PAGE), "Adobe Lightroom");
        if (r.statusCode() != 202 && r.statusCode() != 200) {
            throw failure(r, r.body());
        }
    }

    private HttpRequest.Builder request(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token)
                .header("X-API-Key", apiKey)
                .header("User-Agent", Http.USER_AGENT);
    }

    static JsonNode parse(String body) {
        String s = body == null ? "" : body.strip();
        if (s.startsWith(PREFIX)) {
            s = s.substring(PREFIX.length());
        }
        return CloudCalls.read(s);
    }

    private static LumasyncException failure(HttpResponse<?> r, String body) throws LightroomError {
        JsonNode err = parse(body);
        String message = CloudCalls.trim(err.path("description").asText(err.path("message").asText("")));
        int status = r.statusCode();
        if (status == 403 || status == 404 || status == 202) {
            throw new LightroomError(status, message);
        }
        if (status == 400) {
            return new LumasyncException(ErrorKind.GIVE_UP, "Adobe Lightroom did not understand Lumasync's request ("
                    + message + "). Update Lumasync; if it persists, report it.");
        }
        return HttpErrors.fromResponse("Adobe Lightroom", r, message);
    }
}
