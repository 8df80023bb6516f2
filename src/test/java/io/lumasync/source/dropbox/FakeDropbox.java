package io.lumasync.source.dropbox;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.lumasync.auth.OAuthProvider;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.OAuthServerRules;
import io.lumasync.source.SourceContract;
import io.lumasync.testing.TestImages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dropbox as its HTTP API reference describes it (www.dropbox.com/developers/documentation/http/documentation):
 * files/list_folder (recursive, limit, folder entries too), files/list_folder/continue (has_more pages, then a
 * cursor that returns changes and {@code deleted} entries; an expired cursor is 409 {@code reset}),
 * files/list_folder/get_latest_cursor and files/list_folder/longpoll, files/download and files/get_thumbnail_v2 (argument in the Dropbox-API-Arg header, metadata in
 * Dropbox-API-Result), content_hash per developers/reference/content-hash, 401 expired_access_token /
 * invalid_access_token and 429 too_many_requests with Retry-After ("Errors" section of the same page), 409
 * path/not_found for a missing file, 400 plain-text "Error in call to API function" for malformed calls.
 * Stricter where the service is: get_latest_cursor answers only a cursor; deleted entries keep their path's
 * casing; an existing empty folder lists as 200 with no entries; get_thumbnail_v2 makes thumbnails only of jpg,
 * jpeg, png, tiff, tif, gif, webp, ppm and bmp files up to 20 MB (409 otherwise); a token without a scope an
 * endpoint needs is 401 missing_scope naming it; downloads can fail with the DownloadError tags (unsupported_file,
 * path/locked, path/unsupported_content_type, path/restricted_content).
 */
final class FakeDropbox extends OAuthApiFake {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper HEADER_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    record Entry(String id, String pathDisplay, byte[] bytes, String rev, Instant modified) {
    }

    /** A cursor: pages still to hand out, and the change sequence it stands at. */
    private record Cursor(List<JsonNode> pending, long seq) {
    }

    private static final Set<String> THUMBNAIL_EXTENSIONS = Set.of("jpg", "jpeg", "png", "tiff", "tif", "gif", "webp",
            "ppm", "bmp");
    private static final long THUMBNAIL_MAX_BYTES = 20L * 1024 * 1024;

    private final Map<String, Entry> files = new TreeMap<>(); // path_lower -> entry
    private final Map<String, String> folders = new TreeMap<>(); // path_lower -> path_display
    private final List<String> changeLog = new ArrayList<>(); // index = sequence number - 1, value = path_display
    private final Map<String, String> downloadErrors = new ConcurrentHashMap<>(); // path_lower -> 409 body
    private final Set<String> withdrawnScopes = ConcurrentHashMap.newKeySet();
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final Set<String> expiredCursors = ConcurrentHashMap.newKeySet();
    private final String root;
    private final int pageSize;
    private int ids;
    private Instant clock = Instant.parse("2026-05-01T10:00:00Z");

    static final String APP_KEY = "lumasync-test-app";
    /** Redirect URIs registered in the App Console; Dropbox compares them character for character. */
    private final Set<String> redirects;

    FakeDropbox(String root, int pageSize) {
        this(root, pageSize, registeredRedirects());
    }

    private FakeDropbox(String root, int pageSize, Set<String> registered) {
        super(new OAuthServerRules.Registration(APP_KEY, Optional.empty(), u -> registered.contains(u.toString())));
        this.redirects = registered;
        this.root = root;
        this.pageSize = pageSize;
    }

    private static Set<String> registeredRedirects() {
        Set<String> registered = ConcurrentHashMap.newKeySet();
        registered.add("http://127.0.0.1:" + OAuthProvider.DROPBOX_LOOPBACK_PORT + "/callback");
        return registered;
    }

    synchronized void put(String relative, byte[] bytes) {
        String display = root + "/" + relative;
        String lower = display.toLowerCase(Locale.ROOT);
        Entry old = files.get(lower);
        clock = clock.plusSeconds(61);
        String id = old == null ? "id:fake" + (++ids) + "AAAAAAAAA" : old.id();
        files.put(lower, new Entry(id, display, bytes.clone(), Long.toHexString(clock.getEpochSecond()) + "0" + ids, clock));
        addParents(display);
        changeLog.add(display);
    }

    /** Creates a folder (and its parents), as the Dropbox app does. */
    synchronized void mkdir(String relative) {
        String display = relative.isEmpty() ? root : root + "/" + relative;
        folders.put(display.toLowerCase(Locale.ROOT), display);
        addParents(display);
    }

    private void addParents(String display) {
        for (String p = display.substring(0, display.lastIndexOf('/')); p.length() >= root.length() && !p.isEmpty();
             p = p.substring(0, p.lastIndexOf('/'))) {
            folders.putIfAbsent(p.toLowerCase(Locale.ROOT), p);
        }
    }

    /** The app's token no longer carries this scope: endpoints that need it answer 401 missing_scope. */
    void withdrawScope(String scope) {
        withdrawnScopes.add(scope);
    }

    /** Downloads of this file fail with a DownloadError, given as its error body (".tag" and nested tags). */
    void failDownloads(String relative, String summary, String errorJson) {
        downloadErrors.put((root + "/" + relative).toLowerCase(Locale.ROOT),
                "{\"error_summary\":\"" + summary + "\",\"error\":" + errorJson + "}");
    }

    synchronized void delete(String relative) {
        Entry e = files.remove((root + "/" + relative).toLowerCase(Locale.ROOT));
        if (e != null) {
            changeLog.add(e.pathDisplay());
        }
    }

    /** A move keeps the file id (Dropbox reports a deletion at the old path and the file at the new one). */
    synchronized void move(String from, String to) {
        Entry e = files.remove((root + "/" + from).toLowerCase(Locale.ROOT));
        changeLog.add(e.pathDisplay());
        String display = root + "/" + to;
        files.put(display.toLowerCase(Locale.ROOT), new Entry(e.id(), display, e.bytes(), e.rev(), e.modified()));
        addParents(display);
        changeLog.add(display);
    }

    /** Deleting a folder: the change feed reports one deleted entry for the folder itself. */
    synchronized void deleteFolder(String relative) {
        String lower = (root + "/" + relative).toLowerCase(Locale.ROOT);
        files.keySet().removeIf(k -> k.startsWith(lower + "/"));
        String display = folders.getOrDefault(lower, root + "/" + relative);
        folders.keySet().removeIf(k -> k.equals(lower) || k.startsWith(lower + "/"));
        changeLog.add(display);
    }

    /** Adds a redirect URI to the app's registration, as the App Console's "Redirect URIs" field does. */
    void registerRedirect(String uri) {
        redirects.add(uri);
    }

    void expireCursors() {
        expiredCursors.addAll(cursors.keySet());
    }

    @Override
    protected synchronized Reply api(Request r, String path) {
        String scope = path.equals("/2/files/download") || path.equals("/2/files/get_thumbnail_v2")
                ? "files.content.read" : "files.metadata.read";
        if (withdrawnScopes.contains(scope)) {
            return Reply.json(401, "{\"error_summary\":\"missing_scope/..\",\"error\":{\".tag\":\"missing_scope\","
                    + "\"required_scope\":\"" + scope + "\"}}");
        }
        return switch (path) {
            case "/2/files/list_folder" -> rpc(r, "files/list_folder", this::listFolder);
            case "/2/files/list_folder/continue" -> rpc(r, "files/list_folder/continue", this::listContinue);
            case "/2/files/list_folder/get_latest_cursor" -> rpc(r, "files/list_folder/get_latest_cursor",
                    arg -> Reply.json(200, JSON.createObjectNode().put("cursor", newCursor(new Cursor(List.of(),
                            changeLog.size()))).toString()));
            case "/2/files/download" -> content(r, "files/download", false);
            case "/2/files/get_thumbnail_v2" -> content(r, "files/get_thumbnail_v2", true);
            default -> new Reply(404, Map.of("Content-Type", "text/plain"), "Unknown API function".getBytes());
        };
    }

    private interface Handler {
        Reply handle(JsonNode arg);
    }

    private Reply rpc(Request r, String fn, Handler h) {
        String ct = r.getHeader("Content-Type");
        if (ct == null || !ct.startsWith("application/json")) {
            return badInput(fn, "Bad HTTP \"Content-Type\" header: \"" + ct + "\".  Expecting \"application/json\".");
        }
        try {
            return h.handle(JSON.readTree(r.getBodyAsString()));
        } catch (Exception e) {
            return badInput(fn, "could not decode input as JSON");
        }
    }

    private static Reply badInput(String fn, String why) {
        return new Reply(400, Map.of("Content-Type", "text/plain; charset=utf-8"),
                ("Error in call to API function \"" + fn + "\": " + why).getBytes());
    }

    private Reply listFolder(JsonNode arg) {
        String p = arg.path("path").asText(null);
        if (p == null || p.equals("/") || (!p.isEmpty() && !p.startsWith("/"))) {
            return badInput("files/list_folder", "request body: path: '" + p + "' did not match pattern");
        }
        String lower = p.toLowerCase(Locale.ROOT);
        if (!lower.isEmpty() && !folders.containsKey(lower)) {
            return Reply.json(409, "{\"error_summary\":\"path/not_found/..\","
                    + "\"error\":{\".tag\":\"path\",\"path\":{\".tag\":\"not_found\"}}}");
        }
        List<JsonNode> entries = new ArrayList<>();
        folders.forEach((k, f) -> {
            if (lower.isEmpty() || k.startsWith(lower + "/")) {
                entries.add(JSON.createObjectNode().put(".tag", "folder").put("name", f.substring(f.lastIndexOf('/') + 1))
                        .put("path_lower", k).put("path_display", f).put("id", "id:folder" + Integer.toHexString(k.hashCode())));
            }
        });
        files.forEach((k, e) -> {
            if (lower.isEmpty() || k.startsWith(lower + "/")) {
                entries.add(fileMeta(e));
            }
        });
        int limit = Math.min(pageSize, arg.path("limit").asInt(2000));
        return page(new Cursor(entries, changeLog.size()), limit);
    }

    private Reply listContinue(JsonNode arg) {
        String c = arg.path("cursor").asText("");
        if (expiredCursors.contains(c)) {
            return Reply.json(409, "{\"error_summary\":\"reset/...\",\"error\":{\".tag\":\"reset\"}}");
        }
        Cursor cur = cursors.get(c);
        if (cur == null) {
            return badInput("files/list_folder/continue", "request body: cursor: invalid cursor");
        }
        if (!cur.pending().isEmpty()) {
            return page(cur, pageSize);
        }
        // Changes since the cursor: the latest state of every path touched under the root.
        Map<String, JsonNode> changed = new LinkedHashMap<>();
        for (int i = (int) cur.seq(); i < changeLog.size(); i++) {
            String display = changeLog.get(i);
            String k = display.toLowerCase(Locale.ROOT);
            Entry e = files.get(k);
            changed.remove(k);
            changed.put(k, e != null ? fileMeta(e) : JSON.createObjectNode().put(".tag", "deleted")
                    .put("name", display.substring(display.lastIndexOf('/') + 1)).put("path_lower", k)
                    .put("path_display", display));
        }
        return page(new Cursor(new ArrayList<>(changed.values()), changeLog.size()), pageSize);
    }

    private Reply page(Cursor cur, int limit) {
        List<JsonNode> now = cur.pending().subList(0, Math.min(limit, cur.pending().size()));
        List<JsonNode> rest = new ArrayList<>(cur.pending().subList(now.size(), cur.pending().size()));
        String id = newCursor(new Cursor(rest, cur.seq()));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode arr = out.putArray("entries");
        now.forEach(arr::add);
        out.put("cursor", id).put("has_more", !rest.isEmpty());
        return Reply.json(200, out.toString());
    }

    private String newCursor(Cursor c) {
        String id = "AAG" + Long.toHexString(System.nanoTime()) + cursors.size();
        cursors.put(id, c);
        return id;
    }

    private ObjectNode fileMeta(Entry e) {
        String name = e.pathDisplay().substring(e.pathDisplay().lastIndexOf('/') + 1);
        String hash = dropboxHash(e.bytes());
        return JSON.createObjectNode().put(".tag", "file").put("name", name).put("id", e.id())
                .put("client_modified", e.modified().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("server_modified", e.modified().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("rev", e.rev()).put("size", e.bytes().length)
                .put("path_lower", e.pathDisplay().toLowerCase(Locale.ROOT)).put("path_display", e.pathDisplay())
                .put("is_downloadable", true).put("content_hash", hash);
    }

    private Reply content(Request r, String fn, boolean thumbnail) {
        String argText = r.getHeader("Dropbox-API-Arg");
        if (argText == null) {
            return badInput(fn, "Must provide HTTP header \"Dropbox-API-Arg\" or URL parameter \"arg\".");
        }
        if (!argText.chars().allMatch(ch -> ch < 128)) {
            return badInput(fn, "HTTP header \"Dropbox-API-Arg\": could not decode input as JSON (non-ASCII)");
        }
        JsonNode arg;
        try {
            arg = JSON.readTree(argText);
        } catch (Exception e) {
            return badInput(fn, "HTTP header \"Dropbox-API-Arg\": could not decode input as JSON");
        }
        String p = thumbnail ? arg.path("resource").path("path").asText("") : arg.path("path").asText("");
        Entry e = files.values().stream().filter(x -> x.id().equals(p) || x.pathDisplay().equalsIgnoreCase(p))
                .findFirst().orElse(null);
        if (e == null) {
            return Reply.json(409, "{\"error_summary\":\"path/not_found/..\",\"error\":{\".tag\":\"path\","
                    + "\"path\":{\".tag\":\"not_found\"}}}");
        }
        if (thumbnail) {
            String name = e.pathDisplay().substring(e.pathDisplay().lastIndexOf('/') + 1);
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            if (!THUMBNAIL_EXTENSIONS.contains(ext)) {
                return Reply.json(409, "{\"error_summary\":\"unsupported_extension/..\",\"error\":{\".tag\":\"unsupported_extension\"}}");
            }
            if (e.bytes().length > THUMBNAIL_MAX_BYTES) {
                return Reply.json(409, "{\"error_summary\":\"unsupported_image/..\",\"error\":{\".tag\":\"unsupported_image\"}}");
            }
        } else if (downloadErrors.containsKey(e.pathDisplay().toLowerCase(Locale.ROOT))) {
            return Reply.json(409, downloadErrors.get(e.pathDisplay().toLowerCase(Locale.ROOT)));
        }
        byte[] body = thumbnail ? TestImages.jpeg(99) : e.bytes().clone();
        if (!thumbnail && corruptNext && body.length > 0) {
            corruptNext = false;
            body[body.length / 2] ^= 0x5A;
        }
        String result;
        try {
            // Declared as FileMetadata (not the Metadata union), so Stone serialises it without a ".tag".
            ObjectNode meta = fileMeta(e);
            meta.remove(".tag");
            result = HEADER_JSON.writeValueAsString(thumbnail ? JSON.createObjectNode().set("file_metadata", meta) : meta);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return new Reply(200, Map.of("Content-Type", "application/octet-stream", "Dropbox-API-Result", result), body);
    }

    /**
     * files/list_folder/longpoll (notify host, no Authorization header: the docs say the endpoint takes none):
     * answers {"changes": true} as soon as something changed after the cursor, else {"changes": false} after the
     * timeout. Waits outside the fake's lock so files can change meanwhile.
     */
    @Override
    protected Reply unauthenticated(Request r, String path) {
        if (!path.equals("/2/files/list_folder/longpoll")) {
            return null;
        }
        longpolls.incrementAndGet();
        if (r.getHeader("Authorization") != null) {
            return badInput("files/list_folder/longpoll", "This endpoint does not take an Authorization header.");
        }
        JsonNode arg;
        try {
            arg = JSON.readTree(r.getBodyAsString());
        } catch (Exception e) {
            return badInput("files/list_folder/longpoll", "could not decode input as JSON");
        }
        Cursor c = cursors.get(arg.path("cursor").asText(""));
        if (c == null) {
            return Reply.json(409, "{\"error_summary\":\"reset/..\",\"error\":{\".tag\":\"reset\"}}");
        }
        long deadline = System.nanoTime() + Math.min(arg.path("timeout").asInt(30), 2) * 1_000_000_000L; // short for tests
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (changeLog.size() > c.seq()) {
                    return Reply.json(200, "{\"changes\":true}");
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Reply.json(200, "{\"changes\":false}");
    }

    final java.util.concurrent.atomic.AtomicInteger longpolls = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    protected Reply unauthorized(boolean expired) {
        String tag = expired ? "expired_access_token" : "invalid_access_token";
        return Reply.json(401, "{\"error_summary\":\"" + tag + "/..\",\"error\":{\".tag\":\"" + tag + "\"}}");
    }

    @Override
    protected Reply tooManyRequests(int seconds) {
        return Reply.json(429, "{\"error_summary\":\"too_many_requests/..\",\"error\":{\"reason\":{\".tag\":"
                + "\"too_many_requests\"},\"retry_after\":" + seconds + "}}");
    }

    /** Computed with the contract's own code, independent of the adapter's. */
    private static String dropboxHash(byte[] bytes) {
        try {
            return SourceContract.expectedHash("dropbox:", bytes).substring("dropbox:".length());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
