package io.lumasync.destination.webflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.lumasync.destination.LoopbackApi;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webflow's Data API v2 on 127.0.0.1 for one site, with the S3-style upload form and the asset CDN, built from
 * Webflow's reference (https://developers.webflow.com/data/reference): Assets — "Create Asset" ({@code POST
 * /v2/sites/{site_id}/assets} with {@code fileName} and the MD5 {@code fileHash}, answering {@code uploadUrl} and
 * {@code uploadDetails}), "Get/Update/Delete Asset", "List Assets" ({@code offset}/{@code limit} with
 * {@code pagination}); CMS — "List Collections", "Get Collection Details" (fields with {@code type} Image /
 * MultiImage), "List Items", "Update Item" ({@code PATCH …/items/{item_id}}), "Publish Item"
 * ({@code POST …/items/publish}); "Rate limits" (60 a minute, {@code X-RateLimit-Remaining}, 429 with
 * {@code Retry-After}); "Errors" ({@code {"code":…,"message":…}}). The form POST refuses an Authorization header,
 * as S3 does beside a policy signature, so a token that leaks there fails the tests.
 */
public final class FakeWebflow extends LoopbackApi {
    public static final String SITE = "5f0c8c9e1c9d440000e8d8c3";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final Map<String, ObjectNode> assets = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> collections = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ObjectNode>> items = new ConcurrentHashMap<>();
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(0x6a0000);
    private final java.util.concurrent.atomic.AtomicReference<String> missingScope =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final AtomicInteger rateLimitNext = new AtomicInteger();
    private final AtomicInteger remaining = new AtomicInteger(60);

    public FakeWebflow(String token) throws IOException {
        this.token = token;
    }

    /** The Data API's base address, as Lumasync's "API address" setting takes it. */
    public URI api() {
        return URI.create(root() + "/v2");
    }

    public int assetCount() {
        return assets.size();
    }

    public Map<String, ObjectNode> assets() {
        return Map.copyOf(assets);
    }

    /** Requests that changed something (method and path, the upload form included), in order. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    public List<String> publishedItems() {
        return List.copyOf(published);
    }

    /** The next request is refused as Webflow refuses a token without {@code scope}. */
    public void missingScopeNext(String scope) {
        missingScope.set(scope);
    }

    public void rateLimitNext(int n) {
        rateLimitNext.set(n);
    }

    /** Adds a collection with fields ({@code slug → type}). */
    public String addCollection(String slug, Map<String, String> fields) {
        String id = nextId();
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id).put("displayName", slug).put("singularName", slug).put("slug", slug)
                .put("createdOn", Instant.now().toString()).put("lastUpdated", Instant.now().toString());
        ArrayNode fs = c.putArray("fields");
        fields.forEach((s, type) -> fs.addObject().put("id", nextId()).put("isRequired", false).put("isEditable", true)
                .put("type", type).put("slug", s).put("displayName", s));
        collections.put(id, c);
        items.put(id, new ConcurrentHashMap<>());
        return id;
    }

    /** Adds an item whose field {@code field} shows {@code image} (an asset id), or several for a MultiImage. */
    public String addItem(String collection, String name, String field, String... imageIds) {
        String id = nextId();
        ObjectNode item = JSON.createObjectNode();
        item.put("id", id).put("cmsLocaleId", "loc1").put("isArchived", false).put("isDraft", false)
                .put("createdOn", Instant.now().toString()).put("lastUpdated", Instant.now().toString());
        ObjectNode fd = item.putObject("fieldData");
        fd.put("name", name).put("slug", name.toLowerCase().replace(' ', '-'));
        String type = type(collection, field);
        if (type.equals("MultiImage")) {
            ArrayNode arr = fd.putArray(field);
            for (String i : imageIds) {
                arr.add(imageValue(i, "alt of " + name));
            }
        } else if (imageIds.length > 0) {
            fd.set(field, imageValue(imageIds[0], "alt of " + name));
        }
        items.get(collection).put(id, item);
        return id;
    }

    public JsonNode item(String collection, String id) {
        return items.get(collection).get(id).deepCopy();
    }

    // ---- serving ------------------------------------------------------------------------------------------

    @Override
    protected void serve(HttpExchange x, String path, String method) throws IOException {
        if (path.startsWith("/cdn/") && method.equals("GET")) {
            cdn(x, path);
            return;
        }
        if (path.equals("/s3") && method.equals("POST")) {
            writes.add("POST /s3");
            s3(x);
            return;
        }
        if (!("Bearer " + token).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            error(x, 401, "not_authorized", "Request not authorized");
            return;
        }
        String scope = missingScope.getAndSet(null);
        if (scope != null) {
            error(x, 403, "missing_scopes", "OAuthForbidden: You are missing the following scopes - " + scope);
            return;
        }
        if (takeOne(rateLimitNext)) {
            x.getResponseHeaders().add("Retry-After", "60");
            error(x, 429, "too_many_requests", "Too many requests");
            return;
        }
        if (!path.startsWith("/v2/")) {
            error(x, 404, "route_not_found", "Requested route not found");
            return;
        }
        if (!method.equals("GET")) {
            writes.add(method + " " + path.substring(3));
        }
        route(x, method, path.substring(4).split("/"));
    }

    private void route(HttpExchange x, String method, String[] p) throws IOException {
        String r = method + " " + p[0] + (p.length > 2 ? "/" + p[2] : "") + (p.length > 4 ? "/" + p[4] : "");
        boolean siteOk = !p[0].equals("sites") || (p.length > 1 && p[1].equals(SITE));
        if (!siteOk) {
            error(x, 404, "resource_not_found", "Requested resource not found: site");
            return;
        }
        switch (r) {
            case "GET sites" -> {
                ObjectNode s = JSON.createObjectNode();
                s.put("id", SITE).put("workspaceId", "ws1").put("displayName", "Heron Photography")
                        .put("shortName", "heron-photography").put("timeZone", "Europe/Paris")
                        .put("createdOn", Instant.now().toString()).put("lastUpdated", Instant.now().toString());
                s.putArray("customDomains");
                json(x, 200, s);
            }
            case "POST sites/assets" -> createAsset(x);
            case "GET sites/assets" -> page(x, "assets", assets.values());
            case "GET sites/collections" -> {
                ObjectNode out = JSON.createObjectNode();
                ArrayNode arr = out.putArray("collections");
                collections.values().forEach(c -> {
                    ObjectNode s = c.deepCopy();
                    s.remove("fields");
                    arr.add(s);
                });
                json(x, 200, out);
            }
            case "GET assets", "PATCH assets", "DELETE assets" -> asset(x, method, p[1]);
            case "GET collections" -> found(x, collections.get(p[1]));
            case "GET collections/items" -> listItems(x, p[1]);
            case "PATCH collections/items" -> updateItem(x, p[1], p.length > 3 ? p[3] : "");
            default -> {
                if (method.equals("POST") && p.length == 4 && p[0].equals("collections") && p[3].equals("publish")) {
                    publish(x, p[1]);
                } else {
                    error(x, 404, "route_not_found", "Requested route not found");
                }
            }
        }
    }

    private void createAsset(HttpExchange x) throws IOException {
        JsonNode body = JSON.readTree(x.getRequestBody());
        String name = body.path("fileName").asText("");
        String hash = body.path("fileHash").asText("");
        if (name.isEmpty() || !hash.matches("[0-9a-f]{32}")) {
            error(x, 400, "validation_error", "Validation Error: fileName and an MD5 fileHash are required");
            return;
        }
        String id = nextId();
        String type = java.net.URLConnection.guessContentTypeFromName(name);
        type = type != null ? type : name.endsWith(".avif") ? "image/avif" : name.endsWith(".webp") ? "image/webp"
                : "application/octet-stream";
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id).put("contentType", type).put("siteId", SITE)
                .put("hostedUrl", root() + "/cdn/" + SITE + "/" + id + "_" + name)
                .put("originalFileName", name).put("displayName", name)
                .put("lastUpdated", Instant.now().toString()).put("createdOn", Instant.now().toString());
        a.putArray("variants");
        a.putNull("altText");
        a.put("size", 0);
        assets.put(id, a);
        ObjectNode out = JSON.createObjectNode();
        ObjectNode d = out.putObject("uploadDetails");
        d.put("acl", "public-read").put("bucket", "webflow-prod-assets").put("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
                .put("X-Amz-Credential", "AKIAFAKE/20260101/us-east-1/s3/aws4_request").put("X-Amz-Date", "20260101T000000Z")
                .put("key", SITE + "/" + id + "_" + name).put("Policy", "cG9saWN5").put("X-Amz-Signature", sig(id))
                .put("success_action_status", "201").put("content-type", type)
                .put("Cache-Control", "max-age=31536000, must-revalidate");
        out.put("contentType", type).put("id", id).putNull("parentFolder").put("uploadUrl", root() + "/s3")
                .put("assetUrl", a.path("hostedUrl").asText()).put("hostedUrl", a.path("hostedUrl").asText())
                .put("originalFileName", name).put("createdOn", a.path("createdOn").asText())
                .put("lastUpdated", a.path("lastUpdated").asText());
        json(x, 202, out);
    }

    /** The pre-signed form: fields first, then the file; the signature must be the one handed out for the key. */
    private void s3(HttpExchange x) throws IOException {
        if (x.getRequestHeaders().containsKey("Authorization")) {
            xml(x, 400, "InvalidArgument", "Only one auth mechanism allowed");
            return;
        }
        String type = x.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
            xml(x, 412, "PreconditionFailed", "Bucket POST must be of the enclosure-type multipart/form-data");
            return;
        }
        // S3 reads a POST form's field names without regard to case (Webflow's own client sends "policy").
        Map<String, byte[]> form = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        form.putAll(Multipart.parse(x.getRequestBody().readAllBytes(), type.substring(type.indexOf('=') + 1)));
        String key = new String(form.getOrDefault("key", new byte[0]), StandardCharsets.UTF_8);
        String id = key.contains("/") && key.contains("_") ? key.substring(key.indexOf('/') + 1, key.indexOf('_')) : "";
        ObjectNode a = assets.get(id);
        byte[] file = form.get("file");
        if (a == null || file == null || !sig(id).equals(new String(form.getOrDefault("X-Amz-Signature", new byte[0]),
                StandardCharsets.UTF_8)) || !form.containsKey("Policy")) {
            xml(x, 403, "AccessDenied", "Invalid according to Policy: Policy Condition failed");
            return;
        }
        bytes.put(id, file);
        a.put("size", file.length);
        xml(x, 201, null, key);
    }

    private void cdn(HttpExchange x, String path) throws IOException {
        String rest = path.substring(("/cdn/" + SITE + "/").length());
        String id = rest.contains("_") ? rest.substring(0, rest.indexOf('_')) : "";
        byte[] b = assets.containsKey(id) ? bytes.get(id) : null;
        if (b == null) {
            xml(x, 403, "AccessDenied", "Access Denied");
            return;
        }
        send(x, 200, assets.get(id).path("contentType").asText(), b);
    }

    private void asset(HttpExchange x, String method, String id) throws IOException {
        ObjectNode a = assets.get(id);
        if (a == null) {
            error(x, 404, "resource_not_found", "Requested resource not found: asset");
            return;
        }
        switch (method) {
            case "GET" -> json(x, 200, a);
            case "DELETE" -> {
                assets.remove(id);
                bytes.remove(id);
                x.sendResponseHeaders(204, -1);
            }
            default -> {
                JsonNode body = JSON.readTree(x.getRequestBody());
                if (body.has("displayName")) {
                    a.put("displayName", body.path("displayName").asText());
                }
                if (body.has("altText")) {
                    a.put("altText", body.path("altText").asText());
                }
                a.put("lastUpdated", Instant.now().toString());
                json(x, 200, a);
            }
        }
    }

    private void listItems(HttpExchange x, String collection) throws IOException {
        Map<String, ObjectNode> in = items.get(collection);
        if (in == null) {
            error(x, 404, "collection_not_found", "Requested collection not found");
            return;
        }
        page(x, "items", in.values());
    }

    /** One page of a list by {@code offset} and {@code limit} (at most 100), in id order, with its pagination. */
    private void page(HttpExchange x, String name, java.util.Collection<ObjectNode> values) throws IOException {
        int offset = intParam(x, "offset", 0);
        int limit = Math.min(100, intParam(x, "limit", 100));
        List<ObjectNode> all = new ArrayList<>(values);
        all.sort(java.util.Comparator.comparing(i -> i.path("id").asText()));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode arr = out.putArray(name);
        all.stream().skip(offset).limit(limit).forEach(arr::add);
        out.putObject("pagination").put("limit", limit).put("offset", offset).put("total", all.size());
        json(x, 200, out);
    }

    private void updateItem(HttpExchange x, String collection, String itemId) throws IOException {
        ObjectNode item = items.getOrDefault(collection, Map.of()).get(itemId);
        if (item == null) {
            error(x, 404, "item_not_found", "Requested item not found");
            return;
        }
        JsonNode fd = JSON.readTree(x.getRequestBody()).path("fieldData");
        for (var e : fd.properties()) {
            String t = type(collection, e.getKey());
            List<JsonNode> images = t.equals("MultiImage") ? toList(e.getValue())
                    : t.equals("Image") ? List.of(e.getValue()) : List.of();
            for (JsonNode img : images) {
                if (!assets.containsKey(img.path("fileId").asText())) {
                    error(x, 400, "validation_error", "Validation Error: " + e.getKey() + " must reference an asset of the site");
                    return;
                }
            }
        }
        ((ObjectNode) item.get("fieldData")).setAll((ObjectNode) fd);
        item.put("lastUpdated", Instant.now().toString());
        json(x, 200, item);
    }

    private void publish(HttpExchange x, String collection) throws IOException {
        JsonNode ids = JSON.readTree(x.getRequestBody()).path("itemIds");
        ObjectNode out = JSON.createObjectNode();
        ArrayNode ok = out.putArray("publishedItemIds");
        for (JsonNode id : ids) {
            ObjectNode item = items.getOrDefault(collection, Map.of()).get(id.asText());
            if (item != null) {
                item.put("lastPublished", Instant.now().toString());
                published.add(id.asText());
                ok.add(id.asText());
            }
        }
        out.putArray("errors");
        json(x, 202, out);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void found(HttpExchange x, ObjectNode body) throws IOException {
        if (body == null) {
            error(x, 404, "collection_not_found", "Requested collection not found");
        } else {
            json(x, 200, body);
        }
    }

    private String type(String collection, String field) {
        for (JsonNode f : collections.get(collection).path("fields")) {
            if (f.path("slug").asText().equals(field)) {
                return f.path("type").asText();
            }
        }
        return "";
    }

    private ObjectNode imageValue(String assetId, String alt) {
        ObjectNode v = JSON.createObjectNode();
        v.put("fileId", assetId).put("url", assets.get(assetId).path("hostedUrl").asText()).put("alt", alt);
        return v;
    }

    private static List<JsonNode> toList(JsonNode arr) {
        List<JsonNode> out = new ArrayList<>();
        arr.forEach(out::add);
        return out;
    }

    private String nextId() {
        return String.format("%024x", ids.incrementAndGet());
    }

    private static String sig(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("secret:" + id).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void error(HttpExchange x, int status, String code, String message) throws IOException {
        ObjectNode e = JSON.createObjectNode();
        e.put("code", code).put("message", message).putNull("externalReference");
        e.putArray("details");
        json(x, status, e);
    }

    private void json(HttpExchange x, int status, JsonNode body) throws IOException {
        x.getResponseHeaders().add("X-RateLimit-Limit", "60");
        x.getResponseHeaders().add("X-RateLimit-Remaining", Integer.toString(Math.max(1, remaining.decrementAndGet())));
        send(x, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private static void xml(HttpExchange x, int status, String code, String message) throws IOException {
        String body = code == null
                ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><PostResponse><Key>" + message + "</Key></PostResponse>"
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
        send(x, status, "application/xml", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A small multipart/form-data reader: part name → bytes. */
    static final class Multipart {
        private Multipart() {
        }

        static Map<String, byte[]> parse(byte[] body, String boundary) {
            Map<String, byte[]> out = new LinkedHashMap<>();
            byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int pos = indexOf(body, delim, 0);
            while (pos >= 0) {
                int start = pos + delim.length;
                if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                    break;
                }
                int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
                int next = indexOf(body, delim, headersEnd);
                if (headersEnd < 0 || next < 0) {
                    break;
                }
                String headers = new String(body, start, headersEnd - start, StandardCharsets.ISO_8859_1);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
                if (m.find()) {
                    out.put(m.group(1), java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2));
                }
                pos = next;
            }
            return out;
        }

        private static int indexOf(byte[] hay, byte[] needle, int from) {
            outer:
            for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
