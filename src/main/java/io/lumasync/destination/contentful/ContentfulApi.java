package io.lumasync.destination.contentful;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BearerApi;
import io.lumasync.http.BearerApi.Answer;
import io.lumasync.http.HttpErrors;
import io.lumasync.http.RateBudget;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Contentful's Content Management API as Lumasync uses it: uploads on the upload host, assets in one space and
 * environment, with the version in {@code X-Contentful-Version} on every change. Reference:
 * https://www.contentful.com/developers/docs/references/content-management-api/ (Uploads, Assets, Asset
 * processing, Publishing, Errors, API rate limits). The token never appears in a message.
 */
public final class ContentfulApi {
    static final String MEDIA_TYPE = "application/vnd.contentful.management.v1+json";
    private static final Duration SHORT = Duration.ofSeconds(60);
    private static final Duration UPLOAD = Duration.ofMinutes(5);

    private final BearerApi api;
    private final BearerApi uploads;
    private final String space;
    private final String environment;

    /** An asset as read: its id, version, whether its latest version is published, and the file of the locale asked for. */
    public record Asset(String id, long version, boolean published, JsonNode fields, Optional<String> fileUrl,
                        boolean hasPendingUpload, long size) {
    }

    public ContentfulApi(HttpClient http, URI apiBase, URI uploadBase, String space, String environment,
                         String token, RateBudget budget, boolean allowPlainHttp) {
        String what = "Contentful space '" + space + "'";
        this.api = new BearerApi(http, apiBase, token, budget, allowPlainHttp, what);
        this.uploads = new BearerApi(http, uploadBase, token, budget, allowPlainHttp, what);
        this.space = space;
        this.environment = environment;
    }

    String what() {
        return api.what();
    }

    /** The API's scheme, for file addresses Contentful gives without one ({@code //images.ctfassets.net/…}). */
    String scheme() {
        return api.base().getScheme();
    }

    /** The space's locales, checking the token and the space on the way. */
    JsonNode locales() throws LumasyncException {
        return expect(api.send(get(env("/locales?limit=100")), "read the locales"), "read the locales").json();
    }

    /** Sends the bytes to the upload host; returns the upload's id. */
    String upload(byte[] bytes, String fileName) throws LumasyncException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uploads.base().resolve(spacePath() + "/environments/"
                        + enc(environment) + "/uploads"))
                .timeout(UPLOAD).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        Answer a = expect(uploads.send(b, "upload " + fileName), "upload " + fileName);
        String id = a.json().path("sys").path("id").asText("");
        if (id.isEmpty()) {
            throw LumasyncException.retry(what() + " answered the upload of " + fileName + " without an upload id.", null);
        }
        return id;
    }

    /** The asset, or empty when there is none with this id. */
    Optional<Asset> asset(String id, String locale) throws LumasyncException {
        Answer a = api.send(get(env("/assets/" + enc(id))), "look up asset " + id);
        if (a.status() == 404 && errorId(a).equals("NotFound")) {
            return Optional.empty();
        }
        return Optional.of(read(expect(a, "look up asset " + id).json(), locale));
    }

    /** Creates ({@code version} 0: no version header) or updates an asset with these fields. 409 on a stale version. */
    Answer putAsset(String id, long version, Object body, String action) throws LumasyncException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(env("/assets/" + enc(id)))).timeout(SHORT)
                .header("Content-Type", MEDIA_TYPE).PUT(HttpRequest.BodyPublishers.ofByteArray(BearerApi.json(body)));
        if (version > 0) {
            b.header("X-Contentful-Version", Long.toString(version));
        }
        return api.send(b, action);
    }

    Asset expectAsset(Answer a, String action, String locale) throws LumasyncException {
        return read(expect(a, action).json(), locale);
    }

    /** Asks Contentful to process the uploaded file of {@code locale}; the URL appears when it is done. */
    void process(String id, long version, String locale) throws LumasyncException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(env("/assets/" + enc(id) + "/files/" + enc(locale)
                        + "/process"))).timeout(SHORT).header("X-Contentful-Version", Long.toString(version))
                .PUT(HttpRequest.BodyPublishers.noBody());
        expect(api.send(b, "process asset " + id), "process asset " + id);
    }

    Asset publish(String id, long version, String locale) throws LumasyncException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(env("/assets/" + enc(id) + "/published"))).timeout(SHORT)
                .header("X-Contentful-Version", Long.toString(version)).PUT(HttpRequest.BodyPublishers.noBody());
        return expectAsset(api.send(b, "publish asset " + id), "publish asset " + id, locale);
    }

    /** Unpublishes (when published) and deletes; an asset already gone is fine. */
    void delete(String id) throws LumasyncException {
        Answer u = api.send(HttpRequest.newBuilder(uri(env("/assets/" + enc(id) + "/published"))).timeout(SHORT)
                .DELETE(), "unpublish asset " + id);
        if (!u.ok() && u.status() != 404 && !(u.status() == 400 && errorId(u).equals("BadRequest"))) {
            throw errors(u, "unpublish asset " + id);
        }
        Answer d = api.send(HttpRequest.newBuilder(uri(env("/assets/" + enc(id)))).timeout(SHORT).DELETE(),
                "delete asset " + id);
        if (d.status() == 404) {
            return;
        }
        expect(d, "delete asset " + id);
    }

    /** One page of assets, oldest first. */
    JsonNode assets(int skip, int limit) throws LumasyncException {
        return expect(api.send(get(env("/assets?order=sys.createdAt&skip=" + skip + "&limit=" + limit)),
                "list the assets"), "list the assets").json();
    }

    byte[] download(URI file) throws LumasyncException {
        return api.download(file, "download " + file);
    }

    Asset read(JsonNode n, String locale) {
        JsonNode sys = n.path("sys");
        JsonNode file = n.path("fields").path("file").path(locale);
        String url = file.path("url").asText("");
        return new Asset(sys.path("id").asText(""), sys.path("version").asLong(0),
                // Published and unchanged since: Contentful counts a publish as one version.
                sys.path("publishedVersion").asLong(0) > 0
                        && sys.path("publishedVersion").asLong(0) + 1 == sys.path("version").asLong(0), n.path("fields"),
                url.isEmpty() ? Optional.empty() : Optional.of(url), file.has("uploadFrom") && url.isEmpty(),
                file.path("details").path("size").asLong(0));
    }

    // ---- plumbing -----------------------------------------------------------------------------------------

    private String spacePath() {
        return "/spaces/" + enc(space);
    }

    private String env(String path) {
        return spacePath() + "/environments/" + enc(environment) + path;
    }

    private URI uri(String path) {
        return api.base().resolve(path);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(SHORT).header("Accept", MEDIA_TYPE).GET();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    Answer expect(Answer a, String action) throws LumasyncException {
        if (a.ok()) {
            return a;
        }
        throw errors(a, action);
    }

    static String errorId(Answer a) {
        return a.json().path("sys").path("id").asText("");
    }

    /**
     * Contentful's errors in plain words: a refused token means reconnect, a missing space or environment is named,
     * a 429 waits as long as {@code X-Contentful-RateLimit-Reset} says.
     */
    LumasyncException errors(Answer a, String action) {
        String id = errorId(a);
        String message = a.json().path("message").asText("");
        String where = what() + " (trying to " + action + ")";
        return switch (a.status()) {
            case 401 -> new LumasyncException(ErrorKind.REAUTH, what() + " did not accept the saved access token ("
                    + (message.isEmpty() ? id : message) + "). It may have been revoked: make a new content"
                    + " management token (Settings → CMA tokens) and reconnect.");
            case 403 -> new LumasyncException(ErrorKind.REAUTH, what() + " refused " + action + " (" + message
                    + "). The token's user needs a role that may create and publish assets in this space.");
            case 404 -> id.equals("NotFound") && !action.startsWith("look up")
                    ? new LumasyncException(ErrorKind.UNAVAILABLE, what() + " or its environment '" + environment
                    + "' was not found. Check the space id and the environment in the settings.")
                    : HttpErrors.fromStatus(where, 404, a.headers(), message);
            case 409 -> new LumasyncException(ErrorKind.RETRY, what() + ": someone changed the asset while Lumasync"
                    + " was updating it (" + action + "); trying again.");
            case 413 -> LumasyncException.giveUp(where + ": Contentful refused the file as too large. Lower the"
                    + " maximum size or quality.");
            case 422 -> LumasyncException.giveUp(where + ": Contentful refused the request (" + id + ": " + message + ").");
            case 429 -> new LumasyncException(ErrorKind.RETRY, what() + " asked Lumasync to slow down (too many"
                    + " requests).", HttpErrors.retryAfter(a.headers()).or(() -> reset(a)).orElse(null), null);
            default -> HttpErrors.fromStatus(where, a.status(), a.headers(), message.isEmpty() ? id : message);
        };
    }

    private static Optional<Duration> reset(Answer a) {
        return a.headers().firstValue("X-Contentful-RateLimit-Reset").flatMap(HttpErrors::parseRetryAfter);
    }
}
