package io.lumasync.destination.contentful;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.lumasync.destination.LoopbackApi;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Contentful Content Management API on 127.0.0.1, one space, built from Contentful's published reference
 * (https://www.contentful.com/developers/docs/references/content-management-api/): uploads
 * ({@code POST /spaces/{s}/environments/{e}/uploads}, octet-stream, on the upload host), assets created with a
 * chosen id ({@code PUT …/assets/{id}}; 409 {@code VersionMismatch} when it exists and no or a stale
 * {@code X-Contentful-Version} is sent), processing ({@code PUT …/files/{locale}/process}: the file gets its
 * protocol-relative {@code url} a poll later and the version moves on), publishing ({@code PUT/DELETE …/published}),
 * deletion, {@code skip}/{@code limit} collections, error bodies {@code {"sys":{"type":"Error","id":…},"message":…}}
 * and 429 {@code RateLimitExceeded} with {@code X-Contentful-RateLimit-Reset}. Files are served without a token
 * under {@code /files/…} as Contentful's asset CDN does. The upload and API hosts are this one server.
 */
public final class FakeContentful extends LoopbackApi {
    public static final String SPACE = "lumaspace1";
    public static final String ENV = "master";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENV_PATH = Pattern.compile("/spaces/([^/]+)/environments/([^/]+)(/.*)");

    private final String token;
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> assets = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> processing = new ConcurrentHashMap<>();
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final List<Served> served = new CopyOnWriteArrayList<>();
    private final Map<String, Long> order = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicInteger rateLimitNext = new AtomicInteger();
    private final AtomicInteger conflictNext = new AtomicInteger();

    public FakeContentful(String token) throws IOException {
        this.token = token;
    }

    public URI uri() {
        return URI.create(root());
    }

    /** Requests that changed something (method and path), in order. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    /** A JSON answer: the request that got it (method and path under the environment), its status and body. */
    public record Served(String request, int status, String body) {
    }

    public List<Served> served() {
        return List.copyOf(served);
    }

    public int assetCount() {
        return assets.size();
    }

    public Map<String, ObjectNode> assets() {
        return Map.copyOf(assets);
    }

    /** The next {@code n} API requests answer 429 as Contentful does when the rate limit is reached. */
    public void rateLimitNext(int n) {
        rateLimitNext.set(n);
    }

    /** The next asset update (PUT with a version) finds the asset changed by someone else: 409 VersionMismatch. */
    public void conflictNext(int n) {
        conflictNext.set(n);
    }

    @Override
    protected void serve(HttpExchange x, String path, String method) throws IOException {
        if (path.startsWith("/files/") && method.equals("GET")) {
            byte[] b = files.get(path);
            if (b == null) {
                send(x, 404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8));
            } else {
                send(x, 200, "application/octet-stream", b);
            }
            return;
        }
        if (!("Bearer " + token).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            error(x, 401, "AccessTokenInvalid", "The access token you sent could not be found or is invalid.");
            return;
        }
        if (takeOne(rateLimitNext)) {
            x.getResponseHeaders().add("X-Contentful-RateLimit-Reset", "1");
            error(x, 429, "RateLimitExceeded", "You have exceeded the rate limit of the Organization this Space"
                    + " belongs to by making too many API requests within a short timespan.");
            return;
        }
        Matcher m = ENV_PATH.matcher(path);
        if (!m.matches() || !m.group(1).equals(SPACE) || !m.group(2).equals(ENV)) {
            error(x, 404, "NotFound", "The resource could not be found.");
            return;
        }
        if (!method.equals("GET")) {
            writes.add(method + " " + m.group(3));
        }
        route(x, method, m.group(3));
    }

    private void route(HttpExchange x, String method, String rest) throws IOException {
        String[] p = rest.substring(1).split("/");
        if (p[0].equals("locales") && method.equals("GET")) {
            ArrayNode items = JSON.createArrayNode();
            for (String code : List.of("en-US", "de")) {
                ObjectNode l = items.addObject();
                l.put("name", code).put("code", code).put("internal_code", code).putNull("fallbackCode");
                l.put("contentDeliveryApi", true).put("contentManagementApi", true).put("default", code.equals("en-US"))
                        .put("optional", false);
                ObjectNode sys = l.putObject("sys");
                sys.put("type", "Locale").put("id", "loc-" + code).put("version", 1)
                        .put("createdAt", Instant.EPOCH.toString()).put("updatedAt", Instant.EPOCH.toString());
                link(sys, "space", "Space", SPACE);
                link(sys, "environment", "Environment", ENV);
            }
            json(x, 200, collection(items, 0, 100, items.size()));
        } else if (p[0].equals("uploads") && p.length == 1 && method.equals("POST")) {
            if (!"application/octet-stream".equals(x.getRequestHeaders().getFirst("Content-Type"))) {
                error(x, 400, "BadRequest", "Uploads must be sent as application/octet-stream.");
                return;
            }
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
            uploads.put(id, x.getRequestBody().readAllBytes());
            ObjectNode sys = JSON.createObjectNode();
            sys.putObject("sys").put("type", "Upload").put("id", id)
                    .put("createdAt", Instant.now().toString()).put("expiresAt", Instant.now().plusSeconds(86400).toString())
                    .putObject("space").putObject("sys").put("type", "Link").put("linkType", "Space").put("id", SPACE);
            json(x, 201, sys);
        } else if (p[0].equals("assets") && p.length == 1 && method.equals("GET")) {
            int skip = intParam(x, "skip", 0);
            int limit = Math.min(1000, intParam(x, "limit", 100));
            List<ObjectNode> all = new ArrayList<>(assets.values());
            all.sort(java.util.Comparator.comparing(a -> order.getOrDefault(a.path("sys").path("id").asText(), 0L)));
            ArrayNode items = JSON.createArrayNode();
            all.stream().skip(skip).limit(limit).forEach(a -> items.add(view(a)));
            json(x, 200, collection(items, skip, limit, all.size()));
        } else if (p[0].equals("assets") && p.length >= 2) {
            asset(x, method, p);
        } else {
            error(x, 404, "NotFound", "The resource could not be found.");
        }
    }

    private void asset(HttpExchange x, String method, String[] p) throws IOException {
        String id = p[1];
        ObjectNode a = assets.get(id);
        String tail = p.length == 2 ? "" : String.join("/", java.util.Arrays.copyOfRange(p, 2, p.length));
        if (tail.isEmpty() && method.equals("PUT")) {
            putAsset(x, id, a);
            return;
        }
        if (a == null) {
            error(x, 404, "NotFound", "The resource could not be found.");
            return;
        }
        switch (method + " " + (tail.startsWith("files/") ? "files" : tail)) {
            case "GET " -> {
                tickProcessing(id, a);
                json(x, 200, view(a));
            }
            case "DELETE " -> {
                if (a.path("sys").path("publishedVersion").asLong(0) > 0) {
                    error(x, 400, "BadRequest", "Cannot delete published");
                    return;
                }
                assets.remove(id);
                x.sendResponseHeaders(204, -1);
            }
            case "PUT files" -> {
                String locale = p[3];
                if (!versionMatches(x, a)) {
                    error(x, 409, "VersionMismatch", "Version mismatch error. The version you specified was incorrect.");
                    return;
                }
                JsonNode file = a.path("fields").path("file").path(locale);
                if (!file.has("uploadFrom") || !p[4].equals("process")) {
                    error(x, 422, "ValidationFailed", "Validation error");
                    return;
                }
                processing.put(id + "/" + locale, 1);
                x.sendResponseHeaders(204, -1);
            }
            case "PUT published" -> {
                if (!versionMatches(x, a)) {
                    error(x, 409, "VersionMismatch", "Version mismatch error. The version you specified was incorrect.");
                    return;
                }
                ObjectNode sys = (ObjectNode) a.get("sys");
                sys.put("publishedVersion", sys.path("version").asLong());
                sys.put("version", sys.path("version").asLong() + 1);
                sys.put("publishedAt", Instant.now().toString());
                json(x, 200, view(a));
            }
            case "DELETE published" -> {
                ObjectNode sys = (ObjectNode) a.get("sys");
                if (!sys.has("publishedVersion")) {
                    error(x, 400, "BadRequest", "Not published");
                    return;
                }
                sys.remove("publishedVersion");
                sys.put("version", sys.path("version").asLong() + 1);
                json(x, 200, view(a));
            }
            default -> error(x, 404, "NotFound", "The resource could not be found.");
        }
    }

    private void putAsset(HttpExchange x, String id, ObjectNode existing) throws IOException {
        if (!id.matches("[a-zA-Z0-9-_.]{1,64}")) {
            error(x, 422, "InvalidId", "Invalid resource id");
            return;
        }
        JsonNode body = JSON.readTree(x.getRequestBody());
        String version = x.getRequestHeaders().getFirst("X-Contentful-Version");
        if (existing == null && version != null) {
            error(x, 404, "NotFound", "The resource could not be found.");
            return;
        }
        if (existing != null && (version == null || !versionMatches(x, existing)
                || takeOne(conflictNext))) {
            if (version != null && versionMatches(x, existing)) {
                bump(existing); // someone else saved it in between
            }
            error(x, 409, "VersionMismatch", "Version mismatch error. The version you specified was incorrect.");
            return;
        }
        ObjectNode fields = body.path("fields").isObject() ? (ObjectNode) body.get("fields").deepCopy()
                : JSON.createObjectNode();
        for (var e : fields.path("file").properties()) {
            JsonNode up = e.getValue().path("uploadFrom").path("sys");
            if (up.path("id").isTextual() && !uploads.containsKey(up.path("id").asText())) {
                error(x, 422, "ValidationFailed", "Validation error: unknown upload");
                return;
            }
        }
        ObjectNode a;
        if (existing == null) {
            a = JSON.createObjectNode();
            ObjectNode sys = a.putObject("sys");
            sys.put("type", "Asset").put("id", id).put("version", 1).put("createdAt", Instant.now().toString());
            order.put(id, sequence.incrementAndGet());
            link(sys, "space", "Space", SPACE);
            link(sys, "environment", "Environment", ENV);
            a.set("fields", fields);
            assets.put(id, a);
        } else {
            a = existing;
            a.set("fields", fields);
            bump(a);
        }
        ((ObjectNode) a.get("sys")).put("updatedAt", Instant.now().toString());
        json(x, existing == null ? 201 : 200, view(a));
    }

    /** Processing ends at the next read: the file gets its address and details; the asset's version moves on. */
    private void tickProcessing(String id, ObjectNode a) {
        for (var e : a.path("fields").path("file").properties()) {
            String key = id + "/" + e.getKey();
            Integer left = processing.get(key);
            if (left == null) {
                continue;
            }
            if (left > 1) {
                processing.put(key, left - 1);
                continue;
            }
            processing.remove(key);
            ObjectNode f = (ObjectNode) e.getValue();
            byte[] bytes = uploads.get(f.path("uploadFrom").path("sys").path("id").asText());
            String path = "/files/" + SPACE + "/" + id + "/" + UUID.randomUUID().toString().substring(0, 8) + "/"
                    + f.path("fileName").asText("file");
            files.put(path, bytes);
            f.remove("uploadFrom");
            f.put("url", root().substring("http:".length()) + path);
            ObjectNode details = f.putObject("details");
            details.put("size", bytes.length);
            details.putObject("image").put("width", 1).put("height", 1);
            bump(a);
        }
    }

    private static void link(ObjectNode sys, String name, String type, String id) {
        sys.putObject(name).putObject("sys").put("type", "Link").put("linkType", type).put("id", id);
    }

    private static void bump(ObjectNode a) {
        ObjectNode sys = (ObjectNode) a.get("sys");
        sys.put("version", sys.path("version").asLong() + 1);
    }

    private static boolean versionMatches(HttpExchange x, ObjectNode a) {
        return String.valueOf(a.path("sys").path("version").asLong()).equals(x.getRequestHeaders().getFirst("X-Contentful-Version"));
    }

    private static ObjectNode view(ObjectNode a) {
        return a.deepCopy();
    }

    private static ObjectNode collection(ArrayNode items, int skip, int limit, int total) {
        ObjectNode c = JSON.createObjectNode();
        c.putObject("sys").put("type", "Array");
        c.put("total", total).put("skip", skip).put("limit", limit);
        c.set("items", items);
        return c;
    }

    private void error(HttpExchange x, int status, String id, String message) throws IOException {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("sys").put("type", "Error").put("id", id);
        e.put("message", message);
        e.putObject("details");
        e.put("requestId", UUID.randomUUID().toString());
        json(x, status, e);
    }

    private void json(HttpExchange x, int status, JsonNode body) throws IOException {
        Matcher m = ENV_PATH.matcher(x.getRequestURI().getRawPath());
        served.add(new Served(x.getRequestMethod() + " " + (m.matches() ? m.group(3) : x.getRequestURI().getRawPath()),
                status, body.toString()));
        x.getResponseHeaders().add("X-Contentful-RateLimit-Second-Limit", "7");
        x.getResponseHeaders().add("X-Contentful-RateLimit-Second-Remaining", "6");
        send(x, status, ContentfulApi.MEDIA_TYPE, JSON.writeValueAsBytes(body));
    }

}
