package io.lumasync.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import io.lumasync.destination.VendorFake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HubSpot's Files API v3 as developers.hubspot.com/docs/api-reference/files-files-v3/guide and the endpoint
 * reference describe it (and as the {@code @hubspot/api-client} models type it):
 * <ul>
 * <li>Bearer private-app token; a wrong one is 401 {@code category: INVALID_AUTHENTICATION}; a token without the
 * {@code files} scope is 403 {@code MISSING_SCOPES} naming it in {@code errors[].context.requiredGranularScopes}.</li>
 * <li>POST /files/v3/files, multipart: {@code file}, {@code folderPath} or {@code folderId} (one of them, not both),
 * {@code fileName}, {@code options} (JSON, {@code access} required; {@code overwrite}); the folder is made when
 * missing; a taken name gets "-1", "-2"…; 201 with the File.</li>
 * <li>PUT /files/v3/files/{fileId}, multipart {@code file} and {@code options}: new bytes, same ID, path and URL.</li>
 * <li>GET and DELETE /files/v3/files/{fileId} (404 {@code OBJECT_NOT_FOUND}); GET /files/v3/files/search with
 * {@code limit} (at most 100), {@code after}, {@code parentFolderIds}, {@code fileMd5}, paging.next.after;
 * GET /files/v3/folders/search?path=.</li>
 * <li>Rate limits (developers.hubspot.com/docs/guides/apps/api-usage/usage-details): every answer has
 * {@code X-HubSpot-RateLimit-Max}, {@code -Remaining} and {@code -Interval-Milliseconds} for a 10-second rolling
 * window; past it, 429 {@code errorType: RATE_LIMIT, policyName: TEN_SECONDLY_ROLLING}.</li>
 * </ul>
 */
public final class FakeHubSpot extends VendorFake {
    public static final String TOKEN = "pat-na1-" + "11111111-2222-3333-4444-555555555555";
    static final long PORTAL = 2_456_789L;
    private static final ObjectMapper JSON = new ObjectMapper();

    static final class StoredFile {
        final String id;
        final String folderId;
        String name;
        final String extension;
        byte[] bytes;
        String access;
        boolean archived;
        Instant updated = Instant.now();

        StoredFile(String id, String folderId, String name, String extension) {
            this.id = id;
            this.folderId = folderId;
            this.name = name;
            this.extension = extension;
        }
    }

    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final Map<String, String> folders = new LinkedHashMap<>(); // path (lower case) -> id
    private final Map<String, String> folderPaths = new ConcurrentHashMap<>(); // id -> path as made
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private final Set<String> scopes = ConcurrentHashMap.newKeySet();
    private int windowMax = 100;
    private long nextId = 180_000_000_000L;
    private int refused;
    private int writes;

    public FakeHubSpot() {
        super("fake-hubspot");
        scopes.add("files");
    }

    synchronized void windowMax(int max) {
        windowMax = max;
        window.clear();
    }

    synchronized int refusedForRate() {
        return refused;
    }

    void withdrawScope(String scope) {
        scopes.remove(scope);
    }

    /** Requests that change something: POST, PUT, PATCH and DELETE to the API. */
    public synchronized int writes() {
        return writes;
    }

    /** Every file's current name with its extension, and id. */
    public synchronized Map<String, String> idsByName() {
        Map<String, String> m = new LinkedHashMap<>();
        files.values().stream().filter(f -> !f.archived).forEach(f -> m.put(f.name + "." + f.extension, f.id));
        return m;
    }

    public synchronized byte[] bytes(String id) {
        return files.get(id).bytes.clone();
    }

    public synchronized int fileCount() {
        return (int) files.values().stream().filter(f -> !f.archived).count();
    }

    synchronized StoredFile file(String id) {
        return files.get(id);
    }

    @Override
    protected synchronized Reply answer(Request r) {
        String url = r.getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String method = r.getMethod().getName();
        if (path.startsWith("/hubfs/") && method.equals("GET")) {
            return files.values().stream().filter(f -> !f.archived && path.equals("/hubfs/" + PORTAL + filePath(f)))
                    .findFirst().map(f -> new Reply(200, Map.of("Content-Type", mime(f.extension)), f.bytes))
                    .orElse(new Reply(404, Map.of("Content-Type", "text/html"), "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8)));
        }
        if (!("Bearer " + TOKEN).equals(r.getHeader("Authorization"))) {
            return headers(error(401, "INVALID_AUTHENTICATION", "Authentication credentials not found. This API"
                    + " supports OAuth 2.0 authentication and you can find more details at"
                    + " https://developers.hubspot.com/docs/methods/auth/oauth-overview"));
        }
        long now = System.nanoTime();
        while (!window.isEmpty() && now - window.peekFirst() >= 10_000_000_000L) {
            window.pollFirst();
        }
        if (window.size() >= windowMax) {
            refused++;
            return headers(Reply.json(429, "{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling"
                    + " limit.\",\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"" + UUID.randomUUID()
                    + "\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}"));
        }
        window.addLast(now);
        if (!method.equals("GET")) {
            writes++;
        }
        if (!scopes.contains("files")) {
            return headers(Reply.json(403, "{\"status\":\"error\",\"message\":\"This app hasn't been granted all required"
                    + " scopes to make this call. Read more about required scopes here:"
                    + " https://developers.hubspot.com/scopes.\",\"correlationId\":\"" + UUID.randomUUID()
                    + "\",\"errors\":[{\"message\":\"One or more of the following scopes are required.\",\"context\":"
                    + "{\"requiredGranularScopes\":[\"files\"]}}],\"category\":\"MISSING_SCOPES\"}"));
        }
        Reply reply;
        if (path.equals("/files/v3/files") && method.equals("POST")) {
            reply = upload(r);
        } else if (path.equals("/files/v3/files/search") && method.equals("GET")) {
            reply = search(r);
        } else if (path.equals("/files/v3/folders/search") && method.equals("GET")) {
            reply = folderSearch(r);
        } else if (path.matches("/files/v3/files/\\d+")) {
            StoredFile f = files.get(path.substring("/files/v3/files/".length()));
            if (f == null || f.archived) {
                reply = error(404, "OBJECT_NOT_FOUND", "File not found");
            } else {
                reply = switch (method) {
                    case "GET" -> Reply.json(200, json(f).toString());
                    case "DELETE" -> {
                        files.remove(f.id);
                        yield new Reply(204, Map.of(), new byte[0]);
                    }
                    case "PUT" -> replace(r, f);
                    case "PATCH" -> patch(r, f);
                    default -> error(405, "VALIDATION_ERROR", "Method not allowed");
                };
            }
        } else {
            reply = error(404, "OBJECT_NOT_FOUND", "Resource not found");
        }
        return headers(reply);
    }

    private Reply headers(Reply r) {
        return r.with("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
                .with("X-HubSpot-RateLimit-Max", Integer.toString(windowMax))
                .with("X-HubSpot-RateLimit-Remaining", Integer.toString(Math.max(0, windowMax - window.size())));
    }

    private static Reply error(int status, String category, String message) {
        ObjectNode e = JSON.createObjectNode().put("status", "error").put("message", message)
                .put("correlationId", UUID.randomUUID().toString()).put("category", category);
        return Reply.json(status, e.toString());
    }

    private Map<String, Request.Part> parts(Request r) {
        Map<String, Request.Part> parts = new LinkedHashMap<>();
        if (r.isMultipart()) {
            for (Request.Part p : r.getParts()) {
                parts.put(p.getName(), p);
            }
        }
        return parts;
    }

    private JsonNode options(Map<String, Request.Part> parts) {
        try {
            return parts.containsKey("options") ? JSON.readTree(parts.get("options").getBody().asString()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private Reply upload(Request r) {
        Map<String, Request.Part> parts = parts(r);
        JsonNode options = options(parts);
        boolean hasPath = parts.containsKey("folderPath");
        boolean hasId = parts.containsKey("folderId");
        if (!parts.containsKey("file") || options == null || !options.hasNonNull("access") || hasPath == hasId) {
            return error(400, "VALIDATION_ERROR", "Invalid input: file, options.access and one of folderId or"
                    + " folderPath are required");
        }
        String folderId;
        if (hasPath) {
            folderId = folder(parts.get("folderPath").getBody().asString());
        } else {
            folderId = parts.get("folderId").getBody().asString();
            if (!folderPaths.containsKey(folderId)) {
                return error(404, "OBJECT_NOT_FOUND", "Folder not found");
            }
        }
        Request.Part file = parts.get("file");
        String original = String.valueOf(file.getFileName());
        int dot = original.lastIndexOf('.');
        String extension = dot < 0 ? "" : original.substring(dot + 1).toLowerCase(Locale.ROOT);
        String name = parts.containsKey("fileName") ? parts.get("fileName").getBody().asString()
                : dot < 0 ? original : original.substring(0, dot);
        String base = name;
        boolean overwrite = options.path("overwrite").asBoolean(false);
        StoredFile existing = byPath(folderId, name, extension);
        if (existing != null && overwrite) {
            existing.bytes = file.getBody().asBytes();
            existing.updated = Instant.now();
            return Reply.json(201, json(existing).toString());
        }
        for (int i = 1; byPath(folderId, name, extension) != null; i++) {
            name = base + "-" + i;
        }
        StoredFile f = new StoredFile(Long.toString(nextId++), folderId, name, extension);
        f.bytes = file.getBody().asBytes();
        f.access = options.path("access").asText();
        files.put(f.id, f);
        return Reply.json(201, json(f).toString());
    }

    private Reply replace(Request r, StoredFile f) {
        Map<String, Request.Part> parts = parts(r);
        if (!parts.containsKey("file")) {
            return error(400, "VALIDATION_ERROR", "Invalid input: file is required");
        }
        f.bytes = parts.get("file").getBody().asBytes();
        JsonNode options = options(parts);
        if (options != null && options.hasNonNull("access")) {
            f.access = options.path("access").asText();
        }
        f.updated = Instant.now();
        return Reply.json(200, json(f).toString());
    }

    /**
     * Update file properties (PATCH /files/v3/files/{fileId}): a new {@code name} (without extension) moves the file's
     * path and address; a name another file of the folder has is refused.
     */
    private Reply patch(Request r, StoredFile f) {
        JsonNode body;
        try {
            body = JSON.readTree(r.getBodyAsString());
        } catch (java.io.IOException | RuntimeException e) {
            return error(400, "VALIDATION_ERROR", "Invalid input JSON");
        }
        if (body.has("name")) {
            String name = body.path("name").asText("");
            if (name.isBlank() || name.contains("/")) {
                return error(400, "VALIDATION_ERROR", "Invalid input: name");
            }
            StoredFile other = byPath(f.folderId, name, f.extension);
            if (other != null && other != f) {
                return error(409, "CONFLICT", "A file named " + name + "." + f.extension + " already exists in this folder");
            }
            f.name = name;
        }
        f.updated = Instant.now();
        return Reply.json(200, json(f).toString());
    }

    private StoredFile byPath(String folderId, String name, String extension) {
        return files.values().stream().filter(f -> !f.archived && f.folderId.equals(folderId)
                && f.name.equalsIgnoreCase(name) && f.extension.equalsIgnoreCase(extension)).findFirst().orElse(null);
    }

    private String folder(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return folders.computeIfAbsent(p.toLowerCase(Locale.ROOT), k -> {
            String id = Long.toString(nextId++);
            folderPaths.put(id, p);
            return id;
        });
    }

    private Reply search(Request r) {
        int limit = Integer.parseInt(param(r, "limit", List.of("10")).get(0));
        if (limit < 1 || limit > 100) {
            return error(400, "VALIDATION_ERROR", "limit must be between 1 and 100");
        }
        List<String> parents = param(r, "parentFolderIds", List.of());
        List<String> md5 = param(r, "fileMd5", List.of());
        List<StoredFile> matching = new ArrayList<>();
        for (StoredFile f : files.values()) {
            if (!f.archived && (parents.isEmpty() || parents.contains(f.folderId))
                    && (md5.isEmpty() || md5.get(0).equalsIgnoreCase(HubSpotDestination.md5Hex(f.bytes)))) {
                matching.add(f);
            }
        }
        int start = Integer.parseInt(param(r, "after", List.of("0")).get(0));
        int end = Math.min(matching.size(), start + limit);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("results");
        for (int i = start; i < end; i++) {
            results.add(json(matching.get(i)));
        }
        if (end < matching.size()) {
            out.putObject("paging").putObject("next").put("after", Integer.toString(end))
                    .put("link", baseUri() + "/files/v3/files/search?after=" + end);
        }
        return Reply.json(200, out.toString());
    }

    private Reply folderSearch(Request r) {
        String wanted = param(r, "path", List.of("")).get(0).toLowerCase(Locale.ROOT);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("results");
        String id = folders.get(wanted);
        if (id != null) {
            String p = folderPaths.get(id);
            results.addObject().put("id", id).put("path", p).put("name", p.substring(p.lastIndexOf('/') + 1))
                    .put("archived", false).put("createdAt", Instant.now().toString())
                    .put("updatedAt", Instant.now().toString());
        }
        return Reply.json(200, out.toString());
    }

    private static List<String> param(Request r, String name, List<String> dflt) {
        QueryParameter q = r.queryParameter(name);
        return q == null || !q.isPresent() ? dflt : q.values();
    }

    private String filePath(StoredFile f) {
        return folderPaths.get(f.folderId) + "/" + f.name + (f.extension.isEmpty() ? "" : "." + f.extension);
    }

    private ObjectNode json(StoredFile f) {
        String url = baseUri() + "/hubfs/" + PORTAL + filePath(f);
        return JSON.createObjectNode().put("id", f.id).put("createdAt", "2026-12-01T10:00:00.000Z")
                .put("updatedAt", f.updated.toString()).put("archived", false).put("parentFolderId", f.folderId)
                .put("name", f.name).put("path", filePath(f)).put("size", f.bytes.length).put("height", 4)
                .put("width", 4).put("encoding", f.extension).put("type", "IMG").put("extension", f.extension)
                .put("defaultHostingUrl", url).put("url", url).put("isUsableInContent", true)
                .put("access", f.access).put("fileMd5", HubSpotDestination.md5Hex(f.bytes));
    }

    private static String mime(String extension) {
        return switch (extension) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "gif" -> "image/gif";
            default -> "application/octet-stream";
        };
    }
}
