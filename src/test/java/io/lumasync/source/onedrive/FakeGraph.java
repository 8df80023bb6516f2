package io.lumasync.source.onedrive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.OAuthServerRules;
import io.lumasync.source.SourceContract;
import io.lumasync.testing.TestImages;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OneDrive and SharePoint as Microsoft Graph v1.0 documents them (learn.microsoft.com/graph/api/...):
 * driveitem-get by id and by path ({@code /me/drive/root:/Photos:}, a shared folder added to My files carrying a
 * {@code remoteItem}); driveitem-delta on a folder (personal) or the root (work accounts: "delta is only supported
 * on the root folder" of OneDrive for Business and SharePoint), pages of {@code $top} items with
 * {@code @odata.nextLink}, then {@code @odata.deltaLink}; delta items carry {@code parentReference} without a path,
 * a {@code deleted} facet for removals, and changed items come with their ancestors; an expired token is
 * {@code 410 Gone} {@code resyncRequired}; {@code file.hashes.quickXorHash} in Base64 (every drive type; sha1Hash
 * and sha256Hash only where switched on); {@code @microsoft.graph.downloadUrl}, pre-authenticated and short-lived,
 * honouring Range with 206; {@code /content} as a 302 to it; driveitem-list-thumbnails (small, medium, large, each
 * a pre-authenticated URL; none for RAW files); errors as {@code {"error":{"code","message","innerError"}}}
 * (401 InvalidAuthenticationToken, 404 itemNotFound, 429 with Retry-After per the throttling guidance).
 * A folder someone else shares and the user adds to "My files" ({@link #shareFolder}) lives in the owner's drive
 * ({@link #SHARED_DRIVE_ID}); the user's drive holds an item whose {@code remoteItem} (resources/remoteitem: id,
 * name, folder, parentReference with the owner's driveId and driveType) points there, and the folder's items, delta
 * and downloads are reached through {@code /drives/{owner's drive}/items/...} only.
 */
final class FakeGraph extends OAuthApiFake {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
    static final String DRIVE_ID = "b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7";
    private static final String ROOT_ID = "01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ";
    /** The drive of the person who shares a folder with the user (a personal drive id: 16 hex digits). */
    static final String SHARED_DRIVE_ID = "8c1f0e3a7b2d4e95";
    private static final String SHARED_ROOT_ID = "8C1F0E3A7B2D4E95!101";
    private static final Pattern ITEM = Pattern.compile("/v1\\.0/drives/([^/]+)/items/([^/]+)(/delta|/thumbnails|/content)?");

    record Node(String id, String name, String parent, byte[] bytes, Instant modified, String quickXor) {
        boolean folder() {
            return bytes == null;
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, String> lastParent = new ConcurrentHashMap<>();
    private final List<String> changeLog = new ArrayList<>();
    private final Map<String, String> tempAuth = new ConcurrentHashMap<>(); // tempauth -> item id
    private final Map<String, String> remotes = new LinkedHashMap<>(); // item in My files -> folder in the owner's drive
    private final String driveType;
    private final String scopeId;
    private final int pageSize;
    private int epoch = 1;
    private int ids;
    private Instant clock = Instant.parse("2026-05-01T10:00:00Z");
    volatile boolean linksInDelta = true;
    volatile boolean shaHashes;

    /** A drive ("personal" or "business") holding the folder {@code scope} (e.g. "Photos") the source syncs. */
    FakeGraph(String driveType, String scope, int pageSize) {
        super(new OAuthServerRules.Registration(CLIENT_ID, Optional.empty(),
                u -> OAuthServerRules.anyLoopbackPort(u) && "/callback".equals(u.getPath())));
        this.driveType = driveType;
        this.pageSize = pageSize;
        nodes.put(ROOT_ID, new Node(ROOT_ID, "root", "", null, clock, ""));
        nodes.put(SHARED_ROOT_ID, new Node(SHARED_ROOT_ID, "root", "", null, clock, ""));
        scopeId = scope.isEmpty() ? ROOT_ID : folderFor(scope);
    }

    /** Puts a file at a path below the synced folder. */
    synchronized String put(String path, byte[] bytes) {
        return putBelow(scopeId == null ? ROOT_ID : scopeId, path, bytes);
    }

    /**
     * Someone shares their folder {@code name} with the user, who adds it to "My files": the folder is made in the
     * owner's drive, and the user's drive root gets an item of the same name whose remoteItem points to it.
     */
    synchronized String shareFolder(String name) {
        String owned = folderFor(SHARED_ROOT_ID, name);
        String shortcut = newId();
        nodes.put(shortcut, new Node(shortcut, name, ROOT_ID, null, clock, ""));
        remotes.put(shortcut, owned);
        changeLog.add(shortcut);
        return owned;
    }

    /** Puts (or replaces) a file at a path below the shared folder {@code folder} in its owner's drive. */
    synchronized String putShared(String folder, String path, byte[] bytes) {
        return putBelow(folderFor(SHARED_ROOT_ID, folder), path, bytes);
    }

    /** Removes a file from the shared folder {@code folder}. */
    synchronized void deleteShared(String folder, String path) {
        String parent = folderFor(folderFor(SHARED_ROOT_ID, folder), parentOf(path));
        Node n = child(parent, path.substring(path.lastIndexOf('/') + 1));
        nodes.remove(n.id());
        lastParent.put(n.id(), n.parent());
        changeLog.add(n.id());
    }

    private String putBelow(String folder, String path, byte[] bytes) {
        String parent = folderFor(folder, parentOf(path));
        String name = path.substring(path.lastIndexOf('/') + 1);
        Node old = child(parent, name);
        String id = old == null ? newId() : old.id();
        clock = clock.plusSeconds(61);
        nodes.put(id, new Node(id, name, parent, bytes.clone(), clock, hash("quickxor:", bytes)));
        changeLog.add(id);
        return id;
    }

    /** Puts a file at a path from the drive's root, outside the synced folder. */
    synchronized String putAtRoot(String path, byte[] bytes) {
        String parent = folderFor(ROOT_ID, parentOf(path));
        String id = newId();
        String name = path.substring(path.lastIndexOf('/') + 1);
        nodes.put(id, new Node(id, name, parent, bytes.clone(), clock, hash("quickxor:", bytes)));
        changeLog.add(id);
        return id;
    }

    synchronized void delete(String path) {
        Node n = child(folderFor(parentOf(path)), path.substring(path.lastIndexOf('/') + 1));
        nodes.remove(n.id());
        lastParent.put(n.id(), n.parent());
        changeLog.add(n.id());
    }

    /** Moves a file or folder to another folder below the synced one (null: out of it, to the drive's root). */
    synchronized void move(String path, String toFolder) {
        Node n = child(folderFor(parentOf(path)), path.substring(path.lastIndexOf('/') + 1));
        String to = toFolder == null ? ROOT_ID : folderFor(toFolder);
        nodes.put(n.id(), new Node(n.id(), n.name(), to, n.bytes(), n.modified(), n.quickXor()));
        changeLog.add(n.id());
    }

    /** Every delta token handed out so far is answered with 410 resyncRequired. */
    synchronized void expireDeltaTokens() {
        epoch++;
    }

    /** Every pre-authenticated download URL handed out so far stops working. */
    void expireDownloadUrls() {
        tempAuth.clear();
    }

    String scopeId() {
        return scopeId;
    }

    private static String parentOf(String path) {
        return path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    }

    private String newId() {
        return String.format(Locale.ROOT, "01BYE5RZ%026dX", ++ids).substring(0, 34);
    }

    private String folderFor(String path) {
        return folderFor(scopeId == null ? ROOT_ID : scopeId, path);
    }

    /** The folder at {@code path} below {@code from}, made (and logged as a change) where missing. */
    private String folderFor(String from, String path) {
        String parent = from;
        if (path.isEmpty()) {
            return parent;
        }
        for (String part : path.split("/")) {
            Node f = child(parent, part);
            if (f == null) {
                String id = newId();
                nodes.put(id, new Node(id, part, parent, null, clock, ""));
                changeLog.add(id);
                f = nodes.get(id);
            }
            parent = f.id();
        }
        return parent;
    }

    private Node child(String parent, String name) {
        return nodes.values().stream().filter(n -> n.parent().equals(parent) && n.name().equals(name)).findFirst()
                .orElse(null);
    }

    private boolean under(String id, String ancestor) {
        for (Node n = nodes.get(id); n != null; n = nodes.get(n.parent())) {
            if (n.id().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected synchronized Reply api(Request r, String path) {
        String base = baseOf(r);
        Map<String, String> q = query(r.getUrl());
        if (path.equals("/v1.0/me/drive/root")) {
            return Reply.json(200, item(nodes.get(ROOT_ID), base, false).toString());
        }
        if (path.startsWith("/v1.0/me/drive/root:/") || path.startsWith("/v1.0/drives/" + DRIVE_ID + "/root:/")) {
            String p = path.substring(path.indexOf("root:/") + 6).replaceAll(":$", "");
            String at = ROOT_ID;
            for (String part : p.split("/")) {
                Node c = child(at, part);
                if (c == null) {
                    return error(404, "itemNotFound", "The resource could not be found.");
                }
                at = c.id();
            }
            return Reply.json(200, item(nodes.get(at), base, false).toString());
        }
        if (path.equals("/v1.0/drives/" + DRIVE_ID + "/root/delta")) {
            return delta(ROOT_ID, q, base, path);
        }
        Matcher m = ITEM.matcher(path);
        if (!m.matches() || !m.group(1).equals(DRIVE_ID) && !m.group(1).equals(SHARED_DRIVE_ID)) {
            return error(404, "itemNotFound", "The resource could not be found.");
        }
        Node n = nodes.get(m.group(2));
        if (n == null || !driveOf(n.id()).equals(m.group(1))) {
            return error(404, "itemNotFound", "The resource could not be found.");
        }
        String what = m.group(3) == null ? "" : m.group(3);
        return switch (what) {
            case "/delta" -> !driveType.equals("personal") && !n.id().equals(ROOT_ID)
                    ? error(400, "invalidRequest", "Delta is only supported on the root of a drive.")
                    : delta(n.id(), q, base, path);
            case "/thumbnails" -> thumbnails(n, base);
            case "/content" -> n.folder() ? error(400, "invalidRequest", "The item is a folder.")
                    : new Reply(302, Map.of("Location", downloadUrl(n, base)), new byte[0]);
            default -> Reply.json(200, item(n, base, false).toString());
        };
    }

    /** The pre-authenticated hosts: file bytes (with Range) and thumbnails. No bearer token is needed or checked. */
    @Override
    protected Reply unauthenticated(Request r, String path) {
        if (!path.startsWith("/download/") && !path.startsWith("/thumbs/")) {
            return null;
        }
        String id = tempAuth.get(query(r.getUrl()).getOrDefault("tempauth", ""));
        Node n;
        synchronized (this) {
            n = id == null ? null : nodes.get(id);
        }
        if (id == null) {
            return new Reply(401, Map.of("Content-Type", "text/plain"), "Unauthorized".getBytes(StandardCharsets.UTF_8));
        }
        if (n == null) {
            return new Reply(404, Map.of("Content-Type", "text/plain"), "Not Found".getBytes(StandardCharsets.UTF_8));
        }
        if (path.startsWith("/thumbs/")) {
            return new Reply(200, Map.of("Content-Type", "image/jpeg"), TestImages.jpeg(n.name().hashCode()));
        }
        byte[] b = n.bytes().clone();
        if (corruptNext && b.length > 0) {
            corruptNext = false;
            b[b.length / 2] ^= 0x33;
        }
        String range = r.getHeader("Range");
        if (range != null && range.matches("bytes=\\d+-")) {
            int from = Integer.parseInt(range.substring(6, range.length() - 1));
            if (from >= b.length) {
                return new Reply(416, Map.of("Content-Range", "bytes */" + b.length), new byte[0]);
            }
            byte[] rest = java.util.Arrays.copyOfRange(b, from, b.length);
            return new Reply(206, Map.of("Content-Type", "application/octet-stream",
                    "Content-Range", "bytes " + from + "-" + (b.length - 1) + "/" + b.length), rest);
        }
        return new Reply(200, Map.of("Content-Type", "application/octet-stream"), b);
    }

    /** The address the client used (the fault proxy's, when it stands in front), as Graph builds its links. */
    private static String baseOf(Request r) {
        URI u = URI.create(r.getAbsoluteUrl());
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    private String downloadUrl(Node n, String base) {
        String token = UUID.randomUUID().toString();
        tempAuth.put(token, n.id());
        return base + "/download/" + n.id() + "?tempauth=" + token;
    }

    private Reply thumbnails(Node n, String base) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode value = out.putArray("value");
        if (!n.folder() && !n.name().toLowerCase(Locale.ROOT).endsWith(".nef")) {
            ObjectNode set = value.addObject().put("id", "0");
            int[] edges = {96, 176, 800};
            String[] names = {"small", "medium", "large"};
            for (int i = 0; i < 3; i++) {
                String token = UUID.randomUUID().toString();
                tempAuth.put(token, n.id());
                set.putObject(names[i]).put("height", edges[i]).put("width", edges[i])
                        .put("url", base + "/thumbs/" + n.id() + "/" + names[i] + "?tempauth=" + token);
            }
        }
        return Reply.json(200, out.toString());
    }

    /**
     * Tokens: {@code token=E.P} in a deltaLink (epoch E, change log position P); {@code $skiptoken=E.P.O.F} in a
     * nextLink (offset O into the answer, F = 1 for a full enumeration).
     */
    private Reply delta(String scope, Map<String, String> q, String base, String path) {
        int top = Math.min(pageSize, Integer.parseInt(q.getOrDefault("$top", "200")));
        int tokenEpoch = epoch;
        int pos = changeLog.size();
        int offset = 0;
        boolean full = true;
        try {
            if (q.containsKey("$skiptoken")) {
                String[] t = q.get("$skiptoken").split("\\.");
                tokenEpoch = Integer.parseInt(t[0]);
                pos = Integer.parseInt(t[1]);
                offset = Integer.parseInt(t[2]);
                full = t[3].equals("1");
            } else if (q.containsKey("token")) {
                String[] t = q.get("token").split("\\.");
                tokenEpoch = Integer.parseInt(t[0]);
                pos = Integer.parseInt(t[1]);
                full = false;
            }
        } catch (RuntimeException e) {
            return error(400, "invalidRequest", "Invalid token.");
        }
        if (tokenEpoch != epoch || pos > changeLog.size()) {
            return error(410, "resyncRequired", "Resync required. Replace any local items with the server's version "
                    + "(including deletes) if you're sure that the service was up to date with your local changes "
                    + "when you last sync'd. Upload any local changes that the server doesn't know about.");
        }
        List<ObjectNode> entries = full ? fullEntries(scope, base) : changedEntries(scope, pos, base);
        ObjectNode out = JSON.createObjectNode();
        out.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#Collection(driveItem)");
        ArrayNode value = out.putArray("value");
        entries.subList(Math.min(offset, entries.size()), Math.min(entries.size(), offset + top)).forEach(value::add);
        String link = base + path + "?$top=" + top + "&";
        if (offset + top < entries.size()) {
            out.put("@odata.nextLink", link + "$skiptoken=" + epoch + "." + pos + "." + (offset + top) + "." + (full ? 1 : 0));
        } else {
            out.put("@odata.deltaLink", link + "token=" + epoch + "." + changeLog.size());
        }
        return Reply.json(200, out.toString());
    }

    private List<ObjectNode> fullEntries(String scope, String base) {
        List<ObjectNode> out = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of(scope));
        while (!todo.isEmpty()) {
            Node n = nodes.get(todo.removeFirst());
            out.add(item(n, base, true));
            nodes.values().stream().filter(c -> c.parent().equals(n.id())).forEach(c -> todo.add(c.id()));
        }
        return out;
    }

    private List<ObjectNode> changedEntries(String scope, int pos, String base) {
        Set<String> changed = new LinkedHashSet<>();
        for (String id : changeLog.subList(pos, changeLog.size())) {
            changed.remove(id);
            changed.add(id);
        }
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (String id : changed) {
            Node n = nodes.get(id);
            if (n == null || !under(id, scope)) {
                String parent = n == null ? lastParent.getOrDefault(id, scope) : n.parent();
                ObjectNode d = JSON.createObjectNode().put("id", id);
                d.putObject("parentReference").put("driveId", driveOf(parent)).put("driveType", driveType).put("id", parent);
                d.putObject("deleted").put("state", "deleted");
                out.put(id, d);
                continue;
            }
            // A change is reported with the folders above it (their cTag changed too), parents first.
            List<Node> chain = new ArrayList<>();
            for (Node a = n; a != null; a = nodes.get(a.parent())) {
                chain.addFirst(a);
                if (a.id().equals(scope)) {
                    break;
                }
            }
            chain.forEach(a -> out.put(a.id(), item(a, base, true)));
        }
        return List.copyOf(out.values());
    }

    private ObjectNode item(Node n, String base, boolean inDelta) {
        ObjectNode o = JSON.createObjectNode();
        if (!inDelta || n.folder() || linksInDelta) {
            if (!n.folder()) {
                o.put("@microsoft.graph.downloadUrl", downloadUrl(n, base));
            }
        }
        o.put("id", n.id()).put("name", n.name()).put("eTag", "\"{" + n.id() + "},1\"").put("cTag", "\"c:{" + n.id() + "},1\"")
                .put("createdDateTime", "2026-05-01T10:00:00Z").put("lastModifiedDateTime", n.modified().toString())
                .put("webUrl", "https://onedrive.live.com/?id=" + n.id())
                .put("size", n.folder() ? 0 : n.bytes().length);
        String drive = driveOf(n.id());
        String type = drive.equals(DRIVE_ID) ? driveType : "personal";
        ObjectNode parent = o.putObject("parentReference").put("driveId", drive).put("driveType", type);
        if (!n.parent().isEmpty()) {
            parent.put("id", n.parent());
            if (!inDelta) {
                parent.put("path", (drive.equals(DRIVE_ID) ? "/drive" : "/drives/" + drive) + "/root:" + pathOf(n.parent()));
            }
        }
        if (n.parent().isEmpty()) {
            o.putObject("root");
        }
        String remote = remotes.get(n.id());
        if (remote != null) {
            // resources/remoteitem: the item in My files has no folder facet of its own; its remoteItem has one.
            Node target = nodes.get(remote);
            ObjectNode r = o.putObject("remoteItem").put("id", target.id()).put("name", target.name())
                    .put("size", 0).put("webUrl", "https://onedrive.live.com/?id=" + target.id());
            r.putObject("folder").put("childCount", nodes.values().stream().filter(c -> c.parent().equals(remote)).count());
            r.putObject("parentReference").put("driveId", SHARED_DRIVE_ID).put("driveType", "personal")
                    .put("id", target.parent());
        } else if (n.folder()) {
            o.putObject("folder").put("childCount", nodes.values().stream().filter(c -> c.parent().equals(n.id())).count());
        } else {
            ObjectNode hashes = o.putObject("file").put("mimeType", mime(n.name())).putObject("hashes");
            hashes.put("quickXorHash", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(n.quickXor())));
            if (shaHashes) {
                hashes.put("sha1Hash", hash("sha1:", n.bytes()).toUpperCase(Locale.ROOT));
                hashes.put("sha256Hash", hash("sha256:", n.bytes()).toUpperCase(Locale.ROOT));
            }
        }
        return o;
    }

    /** The drive an item is in: the owner's for everything below the shared drive's root, else the user's. */
    private String driveOf(String id) {
        return under(id, SHARED_ROOT_ID) ? SHARED_DRIVE_ID : DRIVE_ID;
    }

    private String pathOf(String id) {
        StringBuilder sb = new StringBuilder();
        for (Node a = nodes.get(id); a != null && !a.parent().isEmpty(); a = nodes.get(a.parent())) {
            sb.insert(0, "/" + a.name());
        }
        return sb.toString();
    }

    private static String hash(String like, byte[] bytes) {
        try {
            String h = SourceContract.expectedHash(like, bytes);
            return h.substring(h.indexOf(':') + 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mime(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") ? "image/jpeg" : n.endsWith(".png") ? "image/png" : n.endsWith(".txt") ? "text/plain"
                : "application/octet-stream";
    }

    private static Map<String, String> query(String url) {
        String raw = URI.create(url).getRawQuery();
        return raw == null ? new LinkedHashMap<>() : new LinkedHashMap<>(OAuthApiFake.form(raw));
    }

    static Reply error(int status, String code, String message) {
        return Reply.json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\","
                + "\"innerError\":{\"date\":\"2026-05-01T10:00:00\",\"request-id\":\"" + UUID.randomUUID()
                + "\",\"client-request-id\":\"" + UUID.randomUUID() + "\"}}}");
    }

    @Override
    protected Reply unauthorized(boolean expired) {
        return error(401, "InvalidAuthenticationToken", expired ? "Lifetime validation failed, the token is expired."
                : "Access token is empty.");
    }

    @Override
    protected Reply tooManyRequests(int seconds) {
        return error(429, "activityLimitReached", "The request has been throttled");
    }
}
