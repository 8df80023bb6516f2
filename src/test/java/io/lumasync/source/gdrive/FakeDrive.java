package io.lumasync.source.gdrive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.OAuthServerRules;
import io.lumasync.source.SourceContract;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Drive as the Drive API v3 reference describes it (developers.google.com/drive/api/reference/rest/v3):
 * files.list with {@code q="'id' in parents and trashed = false"}, {@code fields} projection, pageSize and
 * nextPageToken; supportsAllDrives / includeItemsFromAllDrives (the latter refused without the former);
 * changes.getStartPageToken and changes.list (nextPageToken / newStartPageToken, removed, file.trashed; page tokens
 * do not expire, an unknown one is 400 invalid, location pageToken); files.get with alt=media (403
 * fileNotDownloadable for Google Docs types, 403 cannotDownloadAbusiveFile unless acknowledgeAbuse=true, 404
 * notFound); 401 authError, and 429 rateLimitExceeded / 403 userRateLimitExceeded with domain usageLimits as in the
 * "Resolve errors" guide. thumbnailLink points at another host ({@link ThumbnailHost}), as Drive's do.
 */
final class FakeDrive extends OAuthApiFake {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IN_PARENTS = Pattern.compile("'([^']+)' in parents and trashed = false");

    record Node(String id, String name, String parent, String mime, byte[] bytes, Instant modified, boolean trashed) {
    }

    static final String ROOT_ID = "0ARootFakeUk9PVA";
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<String> changeLog = new ArrayList<>(); // fileIds, in order
    private final java.util.Set<String> abusive = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final ThumbnailHost thumbnails = new ThumbnailHost(this::validAccessToken);
    private final int pageSize;
    private int ids;
    private Instant clock = Instant.parse("2026-05-01T10:00:00Z");
    private volatile Reply refuseNext;

    static final String CLIENT_ID = "test.apps.googleusercontent.com";
    static final String CLIENT_SECRET = "GOCSPX-test-desktop-secret";

    FakeDrive(int pageSize) {
        super(new OAuthServerRules.Registration(CLIENT_ID, Optional.of(CLIENT_SECRET), OAuthServerRules::anyLoopbackPort));
        this.pageSize = pageSize;
        // "root" is only an alias: parents and ids carry the real id, as in Drive.
        nodes.put(ROOT_ID, new Node(ROOT_ID, "My Drive", "", DriveSource.FOLDER, null, clock, false));
    }

    synchronized String put(String path, byte[] bytes) {
        return put(path, bytes, mimeOf(path));
    }

    synchronized String put(String path, byte[] bytes, String mime) {
        String parent = folderFor(path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        Node old = find(parent, name);
        String id = old == null ? "1Fake" + (++ids) + "xYz" : old.id();
        clock = clock.plusSeconds(61);
        nodes.put(id, new Node(id, name, parent, mime, bytes.clone(), clock, false));
        changeLog.add(id);
        return id;
    }

    synchronized void delete(String path) {
        String parent = folderFor(path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "");
        Node n = find(parent, path.substring(path.lastIndexOf('/') + 1));
        nodes.remove(n.id());
        changeLog.add(n.id());
    }

    /** Moves a node to the trash (the change says file.trashed = true). */
    synchronized void trash(String path) {
        String parent = folderFor(path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "");
        Node n = find(parent, path.substring(path.lastIndexOf('/') + 1));
        nodes.put(n.id(), new Node(n.id(), n.name(), n.parent(), n.mime(), n.bytes(), n.modified(), true));
        changeLog.add(n.id());
    }

    /** The next API call is refused with this documented 403/429 reason. */
    void refuseNext(int status, String reason, String message) {
        refuseNext = error(status, reason, "", message);
    }

    /** Google flagged the file: downloads need acknowledgeAbuse=true. */
    synchronized void flagAbusive(String path) {
        String parent = folderFor(path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "");
        abusive.add(find(parent, path.substring(path.lastIndexOf('/') + 1)).id());
    }

    private String folderFor(String path) {
        String parent = ROOT_ID;
        if (path.isEmpty()) {
            return parent;
        }
        for (String part : path.split("/")) {
            Node f = find(parent, part);
            if (f == null) {
                String id = "0Folder" + (++ids);
                nodes.put(id, new Node(id, part, parent, DriveSource.FOLDER, null, clock, false));
                changeLog.add(id);
                f = nodes.get(id);
            }
            parent = f.id();
        }
        return parent;
    }

    private Node find(String parent, String name) {
        return nodes.values().stream().filter(n -> n.parent().equals(parent) && n.name().equals(name)).findFirst()
                .orElse(null);
    }

    private static String mimeOf(String name) {
        String n = name.toLowerCase();
        return n.endsWith(".jpg") ? "image/jpeg" : n.endsWith(".png") ? "image/png" : n.endsWith(".txt") ? "text/plain"
                : "application/octet-stream";
    }

    @Override
    protected synchronized Reply api(Request r, String path) {
        Reply refused = refuseNext;
        if (refused != null) {
            refuseNext = null;
            return refused;
        }
        Map<String, String> q = query(r.getUrl());
        if ("true".equals(q.get("includeItemsFromAllDrives")) && !"true".equals(q.get("supportsAllDrives"))) {
            return error(403, "teamDrivesParameterNotSupported", "includeItemsFromAllDrives",
                    "The includeItemsFromAllDrives parameter can only be set when supportsAllDrives is true.");
        }
        if (path.equals("/drive/v3/files")) {
            return list(q);
        }
        if (path.equals("/drive/v3/changes/startPageToken")) {
            return Reply.json(200, "{\"kind\":\"drive#startPageToken\",\"startPageToken\":\"" + (changeLog.size() + 1) + "\"}");
        }
        if (path.equals("/drive/v3/changes")) {
            return changes(q);
        }
        if (path.startsWith("/drive/v3/files/")) {
            return get(path.substring("/drive/v3/files/".length()), q);
        }
        return error(404, "notFound", "", "Not Found");
    }

    private Reply list(Map<String, String> q) {
        Matcher m = IN_PARENTS.matcher(q.getOrDefault("q", ""));
        if (!m.matches()) {
            return error(400, "invalid", "q", "Invalid Value");
        }
        String fields = q.getOrDefault("fields", "");
        String parent = m.group(1).equals("root") ? ROOT_ID : m.group(1);
        List<Node> children = nodes.values().stream().filter(n -> n.parent().equals(parent) && !n.trashed()).toList();
        int size = Math.min(pageSize, Integer.parseInt(q.getOrDefault("pageSize", "100")));
        int from = q.containsKey("pageToken") ? Integer.parseInt(q.get("pageToken").substring(1)) : 0;
        ObjectNode out = JSON.createObjectNode().put("kind", "drive#fileList");
        ArrayNode files = out.putArray("files");
        children.subList(from, Math.min(children.size(), from + size)).forEach(n -> files.add(meta(n, fields)));
        if (from + size < children.size()) {
            out.put("nextPageToken", "p" + (from + size));
        }
        return Reply.json(200, out.toString());
    }

    private Reply changes(Map<String, String> q) {
        int token;
        try {
            token = Integer.parseInt(q.getOrDefault("pageToken", "x"));
        } catch (NumberFormatException e) {
            return error(400, "invalid", "pageToken", "Invalid Value");
        }
        if (token < 1 || token > changeLog.size() + 1) {
            return error(400, "invalid", "pageToken", "Invalid Value");
        }
        int from = token - 1;
        int size = Math.min(pageSize, Integer.parseInt(q.getOrDefault("pageSize", "100")));
        int to = Math.min(changeLog.size(), from + size);
        ObjectNode out = JSON.createObjectNode().put("kind", "drive#changeList");
        ArrayNode arr = out.putArray("changes");
        for (String id : changeLog.subList(Math.max(0, from), Math.max(0, to))) {
            Node n = nodes.get(id);
            ObjectNode c = arr.addObject().put("kind", "drive#change").put("changeType", "file").put("fileId", id)
                    .put("removed", n == null);
            if (n != null) {
                c.set("file", meta(n, q.getOrDefault("fields", "")));
            }
        }
        if (to < changeLog.size()) {
            out.put("nextPageToken", Integer.toString(to + 1));
        } else {
            out.put("newStartPageToken", Integer.toString(changeLog.size() + 1));
        }
        return Reply.json(200, out.toString());
    }

    private Reply get(String idOrAlias, Map<String, String> q) {
        String id = idOrAlias.equals("root") ? ROOT_ID : idOrAlias;
        Node n = nodes.get(id);
        if (n == null || n.trashed()) {
            return error(404, "notFound", "fileId", "File not found: " + id + ".");
        }
        if ("media".equals(q.get("alt"))) {
            if (n.mime().startsWith("application/vnd.google-apps.")) {
                return error(403, "fileNotDownloadable", "alt",
                        "Only files with binary content can be downloaded. Use Export with Docs Editors files.");
            }
            if (abusive.contains(id) && !"true".equals(q.get("acknowledgeAbuse"))) {
                return error(403, "cannotDownloadAbusiveFile", "acknowledgeAbuse", "This file has been identified as "
                        + "malware or spam and cannot be downloaded.");
            }
            byte[] b = n.bytes().clone();
            if (corruptNext && b.length > 0) {
                corruptNext = false;
                b[b.length / 2] ^= 0x33;
            }
            return new Reply(200, Map.of("Content-Type", n.mime()), b);
        }
        ObjectNode out = JSON.createObjectNode().put("kind", "drive#file").put("id", id);
        if (q.getOrDefault("fields", "").contains("thumbnailLink")) {
            out.put("thumbnailLink", thumbnails.link(id));
        }
        return Reply.json(200, out.toString());
    }

    private ObjectNode meta(Node n, String fields) {
        ObjectNode o = JSON.createObjectNode().put("kind", "drive#file").put("id", n.id()).put("name", n.name())
                .put("mimeType", n.mime());
        if (fields.contains("parents")) {
            o.putArray("parents").add(n.parent());
        }
        if (fields.contains("trashed")) {
            o.put("trashed", n.trashed());
        }
        if (fields.contains("modifiedTime")) {
            o.put("modifiedTime", n.modified().toString());
        }
        if (n.bytes() != null && !n.mime().startsWith("application/vnd.google-apps.")) {
            if (fields.contains("size")) {
                o.put("size", Integer.toString(n.bytes().length)); // int64 is a JSON string in Google APIs
            }
            if (fields.contains("md5Checksum")) {
                try {
                    o.put("md5Checksum", SourceContract.expectedHash("md5:", n.bytes()).substring(4));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return o;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw != null) {
            out.putAll(OAuthApiFake.form(raw));
        }
        return out;
    }

    /** Quota and rate refusals come from the usageLimits domain, everything else from global. */
    private static Reply error(int code, String reason, String location, String message) {
        String domain = reason.endsWith("RateLimitExceeded") || reason.equals("rateLimitExceeded")
                || reason.equals("dailyLimitExceeded") ? "usageLimits" : "global";
        return Reply.json(code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"errors\":[{"
                + "\"domain\":\"" + domain + "\",\"reason\":\"" + reason + "\",\"message\":\"" + message + "\","
                + "\"locationType\":\"parameter\",\"location\":\"" + location + "\"}]}}");
    }

    @Override
    protected Reply unauthorized(boolean expired) {
        return Reply.json(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials."
                + "\",\"errors\":[{\"message\":\"Invalid Credentials\",\"domain\":\"global\",\"reason\":\"authError\","
                + "\"location\":\"Authorization\",\"locationType\":\"header\"}],\"status\":\"UNAUTHENTICATED\"}}");
    }

    @Override
    protected Reply tooManyRequests(int seconds) {
        return error(429, "rateLimitExceeded", "", "Rate Limit Exceeded");
    }

    @Override
    public void close() {
        thumbnails.close();
        super.close();
    }

}
