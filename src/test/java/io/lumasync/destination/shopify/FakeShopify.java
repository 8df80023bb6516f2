package io.lumasync.destination.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.lumasync.destination.VendorFake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Shopify store's Admin GraphQL API, written from shopify.dev's reference for the pinned version:
 * <ul>
 * <li>POST /admin/api/{version}/graphql.json with {@code X-Shopify-Access-Token}; a wrong token is 401
 * {@code {"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}}
 * (docs/api/usage/authentication, "Errors" of docs/api/admin-graphql).</li>
 * <li>Calculated query cost (docs/api/usage/limits#graphql-admin-api-rate-limits): a bucket of
 * {@code maximumAvailable} points refilled at {@code restoreRate} a second, each answer carrying
 * {@code extensions.cost} with {@code requestedQueryCost}, {@code actualQueryCost} and {@code throttleStatus}; a
 * request dearer than what is left is answered 200 with {@code errors[].extensions.code = "THROTTLED"}.</li>
 * <li>Files: {@code stagedUploadsCreate} (docs/api/admin-graphql/latest/mutations/stagedUploadsCreate: a POST
 * target with the signed form parameters, then {@code resourceUrl}), {@code fileCreate} (filename taken when given,
 * {@code APPEND_UUID} on a clash; the file starts UPLOADED and is processed asynchronously: UPLOADED → PROCESSING
 * → READY, or FAILED with {@code fileErrors} when the bytes are no image), {@code fileUpdate} (new
 * {@code originalSource} replaces the bytes in place: same file and URL, a new {@code ?v=}; the URL's name
 * follows the new extension when the format changes, as the stored file name does), {@code fileDelete}
 * ({@code FILE_DOES_NOT_EXIST} for an unknown id), {@code node(id:)}, {@code files(first, after, query,
 * sortKey)} with {@code filename:} and {@code media_type:} search terms, {@code first} at most 250.</li>
 * <li>Access scopes: {@code files} without {@code read_files} (or {@code write_files}) is an ACCESS_DENIED error;
 * {@code pages} needs {@code read_online_store_pages}.</li>
 * </ul>
 */
public final class FakeShopify extends VendorFake {
    public static final String TOKEN = "shpat_" + "0123456789abcdef0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation)\\s+(\\w+)");
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "image/gif",
            "image/heic", "image/heif");

    public static final class StoredFile {
        final String id;
        String name;
        byte[] bytes;
        String mime;
        String alt;
        String status = "UPLOADED";
        int version = 1;
        int pollsUntilReady;
        List<String[]> errors = List.of();

        StoredFile(String id) {
            this.id = id;
        }
    }

    private record Page(String title, String handle, String body) {
    }

    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final Map<String, byte[]> staged = new ConcurrentHashMap<>();
    private final Map<String, String> stagedTypes = new ConcurrentHashMap<>();
    private final List<Page> pages = new ArrayList<>();
    private final Set<String> scopes = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger(30_000_000);
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final int processingPolls;
    private double maximum = 2000;
    private double restoreRate = 100;
    private double available = maximum;
    private long refilledAt = System.nanoTime();

    public FakeShopify(int processingPolls) {
        super("fake-shopify");
        this.processingPolls = processingPolls;
        scopes.addAll(List.of("write_files", "read_files", "read_online_store_pages"));
    }

    String apiPath() {
        return "/admin/api/" + ShopifyApi.API_VERSION + "/graphql.json";
    }

    synchronized void bucket(double max, double rate) {
        maximum = max;
        restoreRate = rate;
        available = max;
        refilledAt = System.nanoTime();
    }

    /** Another app on the shop spends the bucket. */
    synchronized void drain() {
        refill();
        available = 0;
    }

    int throttledAnswers() {
        return throttled.get();
    }

    void withdrawScope(String scope) {
        scopes.remove(scope);
    }

    public synchronized void addPage(String title, String body) {
        pages.add(new Page(title, title.toLowerCase(Locale.ROOT).replace(' ', '-'), body));
    }

    /** Requests that change something: mutations and uploads to storage. */
    public int writes() {
        return writes.get();
    }

    /** Every file's current name (as in its URL) and id. */
    public synchronized Map<String, String> idsByName() {
        Map<String, String> m = new LinkedHashMap<>();
        files.values().forEach(f -> m.put(f.name, f.id));
        return m;
    }

    public synchronized byte[] bytes(String id) {
        return files.get(id).bytes.clone();
    }

    public synchronized int fileCount() {
        return files.size();
    }

    public synchronized StoredFile file(String id) {
        return files.get(id);
    }

    public synchronized String cdnUrl(StoredFile f) {
        return baseUri() + "/cdn/shop/files/" + f.name + "?v=" + f.version;
    }

    @Override
    protected synchronized Reply answer(Request r) {
        String path = r.getUrl().contains("?") ? r.getUrl().substring(0, r.getUrl().indexOf('?')) : r.getUrl();
        if (path.startsWith("/cdn/shop/files/") && r.getMethod().getName().equals("GET")) {
            String name = path.substring("/cdn/shop/files/".length());
            return files.values().stream().filter(f -> f.name.equals(name) && f.status.equals("READY")).findFirst()
                    .map(f -> new Reply(200, Map.of("Content-Type", f.mime), f.bytes))
                    .orElse(new Reply(404, Map.of("Content-Type", "text/plain"), "Not Found".getBytes(StandardCharsets.UTF_8)));
        }
        if (path.equals("/staged-uploads") && r.getMethod().getName().equals("POST")) {
            writes.incrementAndGet();
            return stagedPost(r);
        }
        if (!path.equals(apiPath()) || !r.getMethod().getName().equals("POST")) {
            return Reply.json(404, "{\"errors\":\"Not Found\"}");
        }
        if (!TOKEN.equals(r.getHeader("X-Shopify-Access-Token"))) {
            return Reply.json(401, "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}");
        }
        if (!String.valueOf(r.getHeader("Content-Type")).startsWith("application/json")) {
            return Reply.json(415, "{\"errors\":\"Unsupported Media Type\"}");
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.getBodyAsString());
        } catch (Exception e) {
            return Reply.json(400, "{\"errors\":{\"query\":\"Required parameter missing or invalid\"}}");
        }
        String query = body.path("query").asText("");
        JsonNode vars = body.path("variables");
        Matcher m = OPERATION.matcher(query);
        if (!m.find()) {
            return error("Parse error: this fake takes named operations only", "PARSE_ERROR", 0);
        }
        String op = m.group(2);
        if (m.group(1).equals("mutation")) {
            writes.incrementAndGet();
        }
        double cost = cost(op, vars);
        refill();
        if (cost > available) {
            throttled.incrementAndGet();
            ObjectNode answer = JSON.createObjectNode();
            ObjectNode err = answer.putArray("errors").addObject().put("message", "Throttled");
            err.putObject("extensions").put("code", "THROTTLED")
                    .put("documentation", "https://shopify.dev/api/usage/rate-limits");
            answer.putObject("extensions").set("cost", costNode(cost, null));
            return Reply.json(200, answer.toString());
        }
        available -= cost;
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode data = answer.putObject("data");
        String denied = switch (op) {
            case "ShopProbe" -> probe(data);
            case "StagedUploadsCreate" -> stagedUploadsCreate(data, vars);
            case "FileCreate" -> fileCreate(data, vars);
            case "FileUpdate" -> fileUpdate(data, vars);
            case "FileDelete" -> fileDelete(data, vars);
            case "FileStatus" -> node(data, vars);
            case "Files" -> scopes.contains("read_files") || scopes.contains("write_files") ? filesPage(data, vars)
                    : "`read_files` access scope.";
            case "PagesLinking" -> scopes.contains("read_online_store_pages") ? pagesPage(data, vars)
                    : "`read_online_store_pages` access scope.";
            default -> null;
        };
        if (denied != null) {
            ObjectNode e = answer.putArray("errors").addObject()
                    .put("message", "Access denied for " + op + " field. Required access: " + denied);
            e.putObject("extensions").put("code", "ACCESS_DENIED").put("requiredAccess", denied);
        }
        answer.putObject("extensions").set("cost", costNode(cost, cost));
        return Reply.json(200, answer.toString());
    }

    private Reply error(String message, String code, double cost) {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode err = answer.putArray("errors").addObject().put("message", message);
        err.putObject("extensions").put("code", code);
        return Reply.json(200, answer.toString());
    }

    private static double cost(String op, JsonNode vars) {
        return switch (op) {
            case "StagedUploadsCreate", "FileCreate", "FileUpdate", "FileDelete" -> 10;
            case "Files" -> 2 + 2.0 * Math.min(250, vars.path("first").asInt(1));
            case "PagesLinking" -> 2 + 1.0 * Math.min(250, vars.path("first").asInt(1));
            default -> 2;
        };
    }

    private void refill() {
        long now = System.nanoTime();
        available = Math.min(maximum, available + (now - refilledAt) / 1e9 * restoreRate);
        refilledAt = now;
    }

    private ObjectNode costNode(double requested, Double actual) {
        ObjectNode c = JSON.createObjectNode().put("requestedQueryCost", requested);
        if (actual == null) {
            c.putNull("actualQueryCost");
        } else {
            c.put("actualQueryCost", actual);
        }
        c.putObject("throttleStatus").put("maximumAvailable", maximum)
                .put("currentlyAvailable", Math.floor(available)).put("restoreRate", restoreRate);
        return c;
    }

    private String probe(ObjectNode data) {
        data.putObject("shop").put("name", "Heron Prints").put("myshopifyDomain", "heron-prints.myshopify.com")
                .putObject("plan").put("displayName", "Basic");
        ArrayNode s = data.putObject("currentAppInstallation").putArray("accessScopes");
        scopes.stream().sorted().forEach(h -> s.addObject().put("handle", h));
        return null;
    }

    private String stagedUploadsCreate(ObjectNode data, JsonNode vars) {
        ObjectNode payload = data.putObject("stagedUploadsCreate");
        ArrayNode targets = payload.putArray("stagedTargets");
        ArrayNode errors = payload.putArray("userErrors");
        for (JsonNode in : vars.path("input")) {
            String filename = in.path("filename").asText("");
            if (!in.path("resource").asText().equals("IMAGE") || filename.isBlank()
                    || !in.path("httpMethod").asText("PUT").equals("POST")) {
                errors.addObject().put("message", "Invalid staged upload input").putArray("field").add("input");
                continue;
            }
            String key = "tmp/" + UUID.randomUUID() + "/" + filename;
            String signature = Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
            stagedTypes.put(key, in.path("mimeType").asText(""));
            ObjectNode t = targets.addObject().put("url", baseUri() + "/staged-uploads")
                    .put("resourceUrl", baseUri() + "/staged-uploads/" + key);
            ArrayNode params = t.putArray("parameters");
            params.addObject().put("name", "Content-Type").put("value", in.path("mimeType").asText());
            params.addObject().put("name", "success_action_status").put("value", "201");
            params.addObject().put("name", "acl").put("value", "private");
            params.addObject().put("name", "key").put("value", key);
            params.addObject().put("name", "x-goog-signature").put("value", signature);
        }
        return null;
    }

    /** The storage service: a signed form POST, fields first, the file last; 201 with an XML receipt. */
    private Reply stagedPost(Request r) {
        Map<String, String> fields = new HashMap<>();
        byte[] file = null;
        boolean fileLast = false;
        for (Request.Part p : r.getParts()) {
            if (p.getName().equals("file")) {
                file = p.getBody().asBytes();
                fileLast = true;
            } else {
                fields.put(p.getName(), p.getBody().asString());
                fileLast = false;
            }
        }
        String key = fields.getOrDefault("key", "");
        String expected = Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        if (file == null || !fileLast || !expected.equals(fields.get("x-goog-signature")) || !stagedTypes.containsKey(key)) {
            return new Reply(403, Map.of("Content-Type", "application/xml"),
                    "<Error><Code>AccessDenied</Code></Error>".getBytes(StandardCharsets.UTF_8));
        }
        staged.put(key, file);
        return new Reply(201, Map.of("Content-Type", "application/xml"), ("<PostResponse><Key>" + key
                + "</Key></PostResponse>").getBytes(StandardCharsets.UTF_8));
    }

    private String fileCreate(ObjectNode data, JsonNode vars) {
        ObjectNode payload = data.putObject("fileCreate");
        ArrayNode out = payload.putArray("files");
        payload.putArray("userErrors");
        for (JsonNode in : vars.path("files")) {
            StoredFile f = new StoredFile("gid://shopify/MediaImage/" + ids.incrementAndGet());
            String source = in.path("originalSource").asText();
            String key = stagedKey(source);
            String wanted = in.path("filename").asText(key == null ? "file" : key.substring(key.lastIndexOf('/') + 1));
            f.name = unique(wanted);
            f.alt = in.path("alt").asText("");
            load(f, key);
            files.put(f.id, f);
            write(out.addObject(), f);
        }
        return null;
    }

    private String fileUpdate(ObjectNode data, JsonNode vars) {
        ObjectNode payload = data.putObject("fileUpdate");
        ArrayNode out = payload.putArray("files");
        ArrayNode errors = payload.putArray("userErrors");
        for (JsonNode in : vars.path("files")) {
            StoredFile f = files.get(in.path("id").asText());
            if (f == null) {
                errors.addObject().put("message", "File id " + in.path("id").asText() + " does not exist.")
                        .put("code", "FILE_DOES_NOT_EXIST").putArray("field").add("files");
                continue;
            }
            if (!f.status.equals("READY") && !f.status.equals("FAILED")) {
                errors.addObject().put("message", "Non-ready files cannot be updated.")
                        .put("code", "NON_READY_STATE").putArray("field").add("files");
                continue;
            }
            if (in.has("filename") && !renamed(f, in.path("filename").asText(), errors)) {
                continue;
            }
            if (in.has("alt")) {
                f.alt = in.path("alt").asText();
            }
            if (in.has("originalSource")) {
                String key = stagedKey(in.path("originalSource").asText());
                String newName = key == null ? f.name : key.substring(key.lastIndexOf('/') + 1);
                String oldExt = f.name.substring(f.name.lastIndexOf('.'));
                String newExt = newName.substring(newName.lastIndexOf('.'));
                if (!oldExt.equalsIgnoreCase(newExt)) {
                    f.name = unique(f.name.substring(0, f.name.lastIndexOf('.')) + newExt);
                }
                f.version++;
                load(f, key);
            }
            write(out.addObject(), f);
        }
        return null;
    }

    private void load(StoredFile f, String key) {
        byte[] bytes = key == null ? null : staged.get(key);
        f.status = "UPLOADED";
        f.pollsUntilReady = processingPolls;
        f.mime = key == null ? "" : stagedTypes.getOrDefault(key, "");
        if (bytes == null) {
            f.bytes = new byte[0];
            f.errors = List.<String[]>of(new String[]{"IMAGE_DOWNLOAD_FAILURE", "Image could not be downloaded.", ""});
        } else if (!IMAGE_TYPES.contains(f.mime) || !looksLike(f.mime, bytes)) {
            f.bytes = bytes;
            f.errors = List.<String[]>of(new String[]{"UNSUPPORTED_IMAGE_FILE_TYPE",
                    "Image processing failed: the file is not a supported image.", f.mime});
        } else {
            f.bytes = bytes;
            f.errors = List.of();
        }
    }

    private static boolean looksLike(String mime, byte[] b) {
        return switch (mime) {
            case "image/png" -> b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P';
            case "image/jpeg" -> b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
            case "image/gif" -> b.length > 6 && b[0] == 'G' && b[1] == 'I';
            case "image/webp" -> b.length > 12 && b[8] == 'W' && b[9] == 'E';
            default -> b.length > 12;
        };
    }

    private String stagedKey(String url) {
        String prefix = baseUri() + "/staged-uploads/";
        return url.startsWith(prefix) ? url.substring(prefix.length()) : null;
    }

    /**
     * fileUpdate's {@code filename} (API 2023-07 on): the extension must stay the original's
     * (INVALID_FILENAME_EXTENSION), a name another file has is refused (FILENAME_ALREADY_EXISTS), and the file's
     * address follows its new name.
     */
    private boolean renamed(StoredFile f, String wanted, ArrayNode errors) {
        int dot = wanted.lastIndexOf('.');
        String code = null;
        if (dot <= 0 || wanted.contains("/")) {
            code = "INVALID_FILENAME";
        } else if (!wanted.substring(dot).equalsIgnoreCase(f.name.substring(f.name.lastIndexOf('.')))) {
            code = "INVALID_FILENAME_EXTENSION";
        } else if (files.values().stream().anyMatch(o -> o != f && o.name.equalsIgnoreCase(wanted))) {
            code = "FILENAME_ALREADY_EXISTS";
        }
        if (code != null) {
            errors.addObject().put("message", "Filename " + wanted + " cannot be used (" + code + ").")
                    .put("code", code).putArray("field").add("files").add("0").add("filename");
            return false;
        }
        f.name = wanted;
        return true;
    }

    private String unique(String name) {
        boolean taken = files.values().stream().anyMatch(f -> f.name.equalsIgnoreCase(name));
        if (!taken) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot) + "_" + UUID.randomUUID() + name.substring(dot);
    }

    private String fileDelete(ObjectNode data, JsonNode vars) {
        ObjectNode payload = data.putObject("fileDelete");
        ArrayNode deleted = JSON.createArrayNode();
        ArrayNode errors = payload.putArray("userErrors");
        for (JsonNode id : vars.path("fileIds")) {
            if (files.remove(id.asText()) == null) {
                errors.addObject().put("message", "File id " + id.asText() + " does not exist.")
                        .put("code", "FILE_DOES_NOT_EXIST").putArray("field").add("fileIds");
            } else {
                deleted.add(id.asText());
            }
        }
        if (errors.isEmpty()) {
            payload.set("deletedFileIds", deleted);
        } else {
            payload.putNull("deletedFileIds");
        }
        return null;
    }

    /** A status check moves processing on, as time does at Shopify. */
    private String node(ObjectNode data, JsonNode vars) {
        StoredFile f = files.get(vars.path("id").asText());
        if (f == null) {
            data.putNull("node");
            return null;
        }
        if (f.status.equals("UPLOADED") || f.status.equals("PROCESSING")) {
            if (f.pollsUntilReady-- <= 0) {
                f.status = f.errors.isEmpty() ? "READY" : "FAILED";
            } else {
                f.status = "PROCESSING";
            }
        }
        write(data.putObject("node"), f);
        return null;
    }

    private void write(ObjectNode n, StoredFile f) {
        n.put("id", f.id).put("fileStatus", f.status).put("alt", f.alt).put("mimeType", f.mime);
        ArrayNode errs = n.putArray("fileErrors");
        if (f.status.equals("FAILED")) {
            for (String[] e : f.errors) {
                errs.addObject().put("code", e[0]).put("message", e[1]).put("details", e[2]);
            }
        }
        if (f.status.equals("READY")) {
            n.putObject("image").put("url", cdnUrl(f)).put("width", 16).put("height", 16);
        } else {
            n.putNull("image");
        }
        n.putObject("originalSource").put("fileSize", f.bytes.length).put("url", baseUri() + "/originals/" + f.name);
    }

    private String filesPage(ObjectNode data, JsonNode vars) {
        int first = vars.path("first").asInt(0);
        if (first < 1 || first > 250) {
            throw new IllegalArgumentException("first must be 1..250");
        }
        String q = vars.path("query").asText("");
        List<StoredFile> matching = new ArrayList<>();
        for (StoredFile f : files.values()) {
            if (matches(f, q)) {
                matching.add(f);
            }
        }
        int start = 0;
        if (vars.hasNonNull("after")) {
            String after = new String(Base64.getDecoder().decode(vars.path("after").asText()), StandardCharsets.UTF_8);
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).id.equals(after)) {
                    start = i + 1;
                }
            }
        }
        ObjectNode conn = data.putObject("files");
        ArrayNode edges = conn.putArray("edges");
        int end = Math.min(matching.size(), start + first);
        String last = null;
        for (int i = start; i < end; i++) {
            StoredFile f = matching.get(i);
            last = Base64.getEncoder().encodeToString(f.id.getBytes(StandardCharsets.UTF_8));
            ObjectNode e = edges.addObject().put("cursor", last);
            write(e.putObject("node"), f);
        }
        ObjectNode info = conn.putObject("pageInfo").put("hasNextPage", end < matching.size());
        if (last == null) {
            info.putNull("endCursor");
        } else {
            info.put("endCursor", last);
        }
        return null;
    }

    private static boolean matches(StoredFile f, String query) {
        for (String term : query.trim().split("\\s+")) {
            if (term.isEmpty()) {
                continue;
            }
            int colon = term.indexOf(':');
            String field = colon < 0 ? "" : term.substring(0, colon);
            String value = colon < 0 ? term : term.substring(colon + 1).toLowerCase(Locale.ROOT);
            boolean ok = switch (field) {
                case "media_type" -> value.equalsIgnoreCase("IMAGE");
                case "filename" -> value.endsWith("*") ? f.name.toLowerCase(Locale.ROOT).startsWith(value.substring(0,
                        value.length() - 1)) : f.name.equalsIgnoreCase(value);
                default -> f.name.toLowerCase(Locale.ROOT).contains(value);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private String pagesPage(ObjectNode data, JsonNode vars) {
        int first = Math.min(250, Math.max(1, vars.path("first").asInt(1)));
        int start = vars.hasNonNull("after") ? Integer.parseInt(vars.path("after").asText()) : 0;
        ObjectNode conn = data.putObject("pages");
        ArrayNode nodes = conn.putArray("nodes");
        int end = Math.min(pages.size(), start + first);
        for (int i = start; i < end; i++) {
            Page p = pages.get(i);
            nodes.addObject().put("id", "gid://shopify/Page/" + (i + 1)).put("title", p.title()).put("handle", p.handle())
                    .put("body", p.body());
        }
        conn.putObject("pageInfo").put("hasNextPage", end < pages.size()).put("endCursor", Integer.toString(end));
        return null;
    }
}
