package io.lumasync.source.figma;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.OAuthApiFake.Reply;
import io.lumasync.source.TokenApiFake;
import io.lumasync.testing.TestImages;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Figma's REST API as its reference describes it (developers.figma.com/docs/rest-api): "Authentication" (a
 * personal access token in {@code X-Figma-Token}; a bad one is 403 {@code {"status":403,"err":"Invalid token"}}),
 * "File endpoints" (GET /v1/files/:key with {@code depth}, whose frames at the depth limit come without their
 * children; GET /v1/files/:key/nodes?ids= with the full subtrees, {@code null} for an id the file lacks; the
 * file's {@code version} and {@code lastModified} move with every edit), "GET image" (GET /v1/images/:key?ids=
 * &amp;format=&amp;scale= with scale 0.01–4, answering {@code {"err":null,"images":{id: url|null}}}, a null where
 * the node could not be rendered, URLs on storage that expire), "Errors" and "Rate limits" (429 with Retry-After).
 * The answers' shapes are checked against Figma's own types in {@link FigmaConformanceTest}.
 */
final class FakeFigma extends TokenApiFake {
    static final String TOKEN = "figd_test-personal-access-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Frame(String id, String page, String name, byte[] bytes) {
    }

    /** One Figma file: pages of top-level frames. */
    static final class File {
        final String name;
        final Map<String, Frame> frames = new LinkedHashMap<>(); // by frame name
        int version = 100;
        Instant modified = Instant.parse("2026-05-01T10:00:00Z");

        File(String name) {
            this.name = name;
        }
    }

    final Map<String, File> files = new LinkedHashMap<>();
    final Set<String> unrenderable = new HashSet<>();
    final AtomicInteger fileCalls = new AtomicInteger();
    final AtomicInteger nodeCalls = new AtomicInteger();
    final AtomicInteger imageCalls = new AtomicInteger();
    private int ids = 1;

    synchronized String put(String key, String page, String name, byte[] bytes) {
        File f = files.computeIfAbsent(key, k -> new File("Brand " + k));
        Frame old = f.frames.get(name);
        String id = old == null ? "1:" + (++ids) : old.id();
        f.frames.put(name, new Frame(id, page, name, bytes.clone()));
        f.version++;
        f.modified = f.modified.plusSeconds(60);
        return id;
    }

    synchronized void remove(String key, String name) {
        File f = files.get(key);
        f.frames.remove(name);
        f.version++;
        f.modified = f.modified.plusSeconds(60);
    }

    @Override
    protected boolean authorized(Request request) {
        return TOKEN.equals(request.getHeader("X-Figma-Token"));
    }

    @Override
    protected Reply unauthorized() {
        return error(403, "Invalid token");
    }

    @Override
    protected Reply tooManyRequests(int seconds) {
        Reply r = error(429, "Rate limit exceeded");
        return new Reply(429, Map.of("Content-Type", "application/json", "X-Figma-Rate-Limit-Type", "low",
                "X-Figma-Plan-Tier", "starter"), r.body());
    }

    static Reply error(int status, String err) {
        return Reply.json(status, "{\"status\":" + status + ",\"err\":\"" + err + "\"}");
    }

    @Override
    protected synchronized Reply api(Request request, String path) {
        if (!request.getMethod().getName().equals("GET")) {
            return error(405, "Method not allowed");
        }
        Map<String, String> q = OAuthApiFake.form(URI.create(request.getUrl()).getRawQuery());
        String[] parts = path.split("/");
        if (parts.length == 4 && parts[2].equals("files")) {
            fileCalls.incrementAndGet();
            File f = files.get(parts[3]);
            return f == null ? error(404, "Not found") : json(file(f, q.get("depth")));
        }
        if (parts.length == 5 && parts[2].equals("files") && parts[4].equals("nodes")) {
            nodeCalls.incrementAndGet();
            File f = files.get(parts[3]);
            return f == null ? error(404, "Not found") : json(nodes(f, q.getOrDefault("ids", "")));
        }
        if (parts.length == 4 && parts[2].equals("images")) {
            imageCalls.incrementAndGet();
            File f = files.get(parts[3]);
            return f == null ? error(404, "Not found") : images(f, q);
        }
        return error(404, "Not found");
    }

    private ObjectNode file(File f, String depth) {
        ObjectNode out = header(f);
        out.put("thumbnailUrl", links.issue(TestImages.png(0)));
        ObjectNode doc = out.putObject("document");
        doc.put("id", "0:0").put("name", "Document").put("type", "DOCUMENT").put("scrollBehavior", "SCROLLS");
        ArrayNode pages = doc.putArray("children");
        Map<String, ArrayNode> byPage = new LinkedHashMap<>();
        for (Frame fr : f.frames.values()) {
            ArrayNode children = byPage.computeIfAbsent(fr.page(), p -> {
                ObjectNode page = pages.addObject();
                page.put("id", "0:" + (byPage.size() + 1)).put("name", p).put("type", "CANVAS")
                        .put("scrollBehavior", "SCROLLS");
                page.set("backgroundColor", color(0.9));
                page.putNull("prototypeStartNodeID");
                page.putArray("flowStartingPoints");
                page.putObject("prototypeDevice").put("type", "NONE").put("rotation", "NONE");
                return page.putArray("children");
            });
            // At depth 2 a top-level frame comes without its children: its contents are not in this answer.
            children.add(frame(fr, depth == null));
        }
        out.putObject("components");
        out.putObject("componentSets");
        out.put("schemaVersion", 0);
        out.putObject("styles");
        return out;
    }

    private ObjectNode nodes(File f, String idList) {
        ObjectNode out = header(f);
        out.put("thumbnailUrl", links.issue(TestImages.png(0)));
        ObjectNode nodes = out.putObject("nodes");
        for (String id : idList.split(",")) {
            Frame fr = byId(f, id);
            if (fr == null) {
                nodes.putNull(id);
                continue;
            }
            ObjectNode n = nodes.putObject(id);
            n.set("document", frame(fr, true));
            n.putObject("components");
            n.putObject("componentSets");
            n.put("schemaVersion", 0);
            n.putObject("styles");
        }
        return out;
    }

    private Reply images(File f, Map<String, String> q) {
        String format = q.getOrDefault("format", "png");
        double scale;
        try {
            scale = Double.parseDouble(q.getOrDefault("scale", "1"));
        } catch (NumberFormatException e) {
            return error(400, "Invalid parameter: scale");
        }
        if (!List.of("jpg", "png", "svg", "pdf").contains(format) || scale < 0.01 || scale > 4) {
            return error(400, "Invalid parameter: format or scale");
        }
        if (!q.containsKey("ids") || q.get("ids").isBlank()) {
            return error(400, "Missing parameter: ids");
        }
        ObjectNode out = JSON.createObjectNode();
        out.putNull("err");
        ObjectNode images = out.putObject("images");
        for (String id : q.get("ids").split(",")) {
            Frame fr = byId(f, id);
            if (fr == null || unrenderable.contains(fr.name())) {
                images.putNull(id);
            } else {
                images.put(id, links.issue(scale < 1 ? TestImages.png(1) : fr.bytes()));
            }
        }
        return json(out);
    }

    private ObjectNode header(File f) {
        ObjectNode out = JSON.createObjectNode();
        out.put("name", f.name).put("role", "viewer").put("lastModified", f.modified.toString())
                .put("editorType", "figma").put("version", Integer.toString(f.version));
        return out;
    }

    /** A frame as Figma describes it; its one child's fill stands for whatever the designer drew. */
    private static ObjectNode frame(Frame fr, boolean withChildren) {
        ObjectNode n = layer(fr.id(), fr.name(), "FRAME");
        n.put("clipsContent", true);
        n.putArray("fills").addObject().put("type", "SOLID").put("blendMode", "NORMAL").set("color", color(1));
        ArrayNode children = n.putArray("children");
        if (withChildren) {
            ObjectNode art = layer(fr.id().replace("1:", "2:"), "Artwork", "RECTANGLE");
            art.putArray("fills").addObject().put("type", "SOLID").put("blendMode", "NORMAL")
                    .set("color", color(shade(fr.bytes())));
            art.putArray("strokes");
            art.put("strokeWeight", 0).put("strokeAlign", "INSIDE");
            children.add(art);
        }
        return n;
    }

    private static ObjectNode layer(String id, String name, String type) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id).put("name", name).put("type", type).put("scrollBehavior", "SCROLLS").put("blendMode", "PASS_THROUGH");
        n.set("absoluteBoundingBox", box());
        n.set("absoluteRenderBounds", box());
        n.putArray("effects");
        return n;
    }

    private static ObjectNode box() {
        return JSON.createObjectNode().put("x", 0).put("y", 0).put("width", 1440).put("height", 900);
    }

    private static ObjectNode color(double v) {
        return JSON.createObjectNode().put("r", v).put("g", v).put("b", v).put("a", 1);
    }

    private static double shade(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return ((d[0] & 0xff) * 256 + (d[1] & 0xff)) / 65535.0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Frame byId(File f, String id) {
        return f.frames.values().stream().filter(fr -> fr.id().equals(id)).findFirst().orElse(null);
    }

    private static Reply json(ObjectNode body) {
        return Reply.json(200, body.toString());
    }

    /** Frames of every file, for tests. */
    synchronized List<Frame> allFrames() {
        List<Frame> out = new ArrayList<>();
        files.values().forEach(f -> out.addAll(f.frames.values()));
        return out;
    }
}
