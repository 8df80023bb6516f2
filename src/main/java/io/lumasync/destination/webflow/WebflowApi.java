package io.lumasync.destination.webflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BearerApi;
import io.lumasync.http.BearerApi.Answer;
import io.lumasync.http.HttpErrors;
import io.lumasync.http.PlainHttp;
import io.lumasync.http.RateBudget;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Webflow's Data API v2 as Lumasync uses it (https://developers.webflow.com/data/reference): Assets (create with
 * the file's MD5 {@code fileHash}, then a pre-signed form POST of the bytes to {@code uploadUrl}; get, update,
 * delete, list), Collections and their fields, collection items (list, update, publish), with the error bodies
 * {@code {"code":…,"message":…}} of the API's Errors page. The token never appears in a message.
 */
public final class WebflowApi {
    private static final Duration SHORT = Duration.ofSeconds(60);
    private static final Duration UPLOAD = Duration.ofMinutes(5);

    private final BearerApi api;
    private final String site;

    public WebflowApi(HttpClient http, URI base, String site, String token, RateBudget budget, boolean allowPlainHttp) {
        this.api = new BearerApi(http, base, token, budget, allowPlainHttp, "Webflow site '" + site + "'");
        this.site = site;
    }

    String what() {
        return api.what();
    }

    JsonNode site() throws LumasyncException {
        return expect(api.send(get("sites/" + enc(site)), "read the site"), "read the site").json();
    }

    /** Creates the asset's record; the answer holds the pre-signed form to send the bytes with. */
    JsonNode createAsset(String fileName, String md5Hex) throws LumasyncException {
        return expect(api.send(json("POST", "sites/" + enc(site) + "/assets",
                Map.of("fileName", fileName, "fileHash", md5Hex)), "create an asset for " + fileName),
                "create an asset for " + fileName).json();
    }

    /**
     * Sends the bytes with the pre-signed form Webflow returned (its fields first, the file last, as S3 wants);
     * no token goes with it. Only to https, or to this computer.
     */
    void sendFile(JsonNode created, byte[] bytes, String fileName, String contentType) throws LumasyncException {
        URI target;
        try {
            target = URI.create(created.path("uploadUrl").asText(""));
        } catch (IllegalArgumentException e) {
            throw LumasyncException.retry(what() + " gave an upload address Lumasync cannot use.", null);
        }
        boolean https = "https".equalsIgnoreCase(target.getScheme());
        boolean local = "http".equalsIgnoreCase(target.getScheme()) && PlainHttp.isLoopback(target.getHost());
        if (!https && !local) {
            throw LumasyncException.giveUp(what() + " gave '" + target + "' as the upload address, which is not"
                    + " a secure (https) address; the file was not sent.");
        }
        String boundary = "lumasync-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length + 4096);
        for (Map.Entry<String, JsonNode> f : created.path("uploadDetails").properties()) {
            part(body, boundary, "form-data; name=\"" + safe(f.getKey()) + "\"", null);
            body.writeBytes(f.getValue().asText("").getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        part(body, boundary, "form-data; name=\"file\"; filename=\"" + safe(fileName) + "\"", contentType);
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(UPLOAD)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        Answer a = api.sendAnonymous(b, "send " + fileName);
        if (!a.ok()) {
            throw HttpErrors.fromStatus("Webflow's file storage (trying to send " + fileName + ")", a.status(),
                    a.headers(), a.body().length() > 200 ? "" : a.body());
        }
    }

    Optional<JsonNode> asset(String id) throws LumasyncException {
        Answer a = api.send(get("assets/" + enc(id)), "look up asset " + id);
        if (a.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(expect(a, "look up asset " + id).json());
    }

    void updateAsset(String id, String displayName, String altText) throws LumasyncException {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        if (!displayName.isEmpty()) {
            body.put("displayName", displayName);
        }
        body.put("altText", altText);
        expect(api.send(json("PATCH", "assets/" + enc(id), body), "update asset " + id), "update asset " + id);
    }

    /** Deletes an asset; one already gone is fine. */
    void deleteAsset(String id) throws LumasyncException {
        Answer a = api.send(HttpRequest.newBuilder(uri("assets/" + enc(id))).timeout(SHORT).DELETE(),
                "delete asset " + id);
        if (a.status() != 404) {
            expect(a, "delete asset " + id);
        }
    }

    JsonNode assets(int offset, int limit) throws LumasyncException {
        return expect(api.send(get("sites/" + enc(site) + "/assets?offset=" + offset + "&limit=" + limit),
                "list the assets"), "list the assets").json();
    }

    JsonNode collections() throws LumasyncException {
        return expect(api.send(get("sites/" + enc(site) + "/collections"), "list the CMS collections"),
                "list the CMS collections").json();
    }

    JsonNode collection(String id) throws LumasyncException {
        return expect(api.send(get("collections/" + enc(id)), "read collection " + id), "read collection " + id).json();
    }

    JsonNode items(String collection, int offset, int limit) throws LumasyncException {
        return expect(api.send(get("collections/" + enc(collection) + "/items?offset=" + offset + "&limit=" + limit),
                "list the items of collection " + collection), "list the items of collection " + collection).json();
    }

    void updateItem(String collection, String item, Map<String, Object> fieldData) throws LumasyncException {
        String action = "update item " + item + " of collection " + collection;
        expect(api.send(json("PATCH", "collections/" + enc(collection) + "/items/" + enc(item),
                Map.of("fieldData", fieldData)), action), action);
    }

    void publishItems(String collection, List<String> items) throws LumasyncException {
        String action = "publish " + items.size() + " items of collection " + collection;
        expect(api.send(json("POST", "collections/" + enc(collection) + "/items/publish", Map.of("itemIds", items)),
                action), action);
    }

    byte[] download(String url) throws LumasyncException {
        try {
            return api.download(URI.create(url), "download " + url);
        } catch (IllegalArgumentException e) {
            throw LumasyncException.giveUp(what() + " gave '" + url + "' as a file's address, which is not a web address.");
        }
    }

    // ---- plumbing -----------------------------------------------------------------------------------------

    private URI uri(String path) {
        String base = api.base().toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(SHORT).header("Accept", "application/json").GET();
    }

    private HttpRequest.Builder json(String method, String path, Object body) {
        return HttpRequest.newBuilder(uri(path)).timeout(SHORT).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(BearerApi.json(body)));
    }

    private static void part(ByteArrayOutputStream out, String boundary, String disposition, String type) {
        StringBuilder h = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: ").append(disposition);
        if (type != null) {
            h.append("\r\nContent-Type: ").append(type);
        }
        out.writeBytes(h.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A name inside a quoted multipart header: no quote, backslash or line break. */
    private static String safe(String s) {
        return s.replaceAll("[\"\\\\\\r\\n]", "_");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Answer expect(Answer a, String action) throws LumasyncException {
        if (a.ok()) {
            return a;
        }
        throw errors(a, action);
    }

    /** Webflow's errors in plain words: reconnect, the missing scope named, the site not found, 429's wait. */
    private LumasyncException errors(Answer a, String action) {
        String code = a.json().path("code").asText("");
        String message = a.json().path("message").asText("");
        String where = what() + " (trying to " + action + ")";
        return switch (a.status()) {
            case 401 -> new LumasyncException(ErrorKind.REAUTH, what() + " did not accept the saved API token ("
                    + (message.isEmpty() ? code : message) + "). It may have been revoked: make a new site token"
                    + " (Site settings → Apps & integrations → API access) and reconnect.");
            case 403 -> new LumasyncException(ErrorKind.REAUTH, what() + " refused " + action + (code.equals("missing_scopes")
                    ? ": the token lacks a permission (" + message + "). Make a token with Assets, CMS and Sites"
                    + " read and write access, then reconnect." : " (" + message + ")."));
            case 404 -> action.equals("read the site")
                    ? new LumasyncException(ErrorKind.UNAVAILABLE, what() + " was not found. Check the site ID"
                    + " (Site settings → General → Overview) and that the token belongs to this site.")
                    : HttpErrors.fromStatus(where, 404, a.headers(), message);
            case 400, 409, 422 -> LumasyncException.giveUp(where + ": Webflow refused the request ("
                    + (code.isEmpty() ? "HTTP " + a.status() : code) + (message.isEmpty() ? "" : ": " + message) + ").");
            default -> HttpErrors.fromStatus(where, a.status(), a.headers(), message.isEmpty() ? code : message);
        };
    }
}
