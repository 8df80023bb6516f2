package io.lumasync.source.lightroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.lumasync.core.ImageFormat;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.OAuthServerRules;
import io.lumasync.testing.TestImages;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adobe Lightroom (cloud) as the Lightroom Partner API reference describes it
 * (developer.adobe.com/lightroom/lightroom-api-docs/api and "Getting started"): every answer prefixed with
 * {@code while (1) {}}; {@code X-API-Key} required beside the bearer token (403 "Api Key is invalid" otherwise);
 * GET /v2/catalog; albums of subtype collection (holding assets) and collection_set (holding albums), nested through
 * {@code payload.parent.id}; album assets with {@code embed=asset}; catalog assets; pages as {@code links.next.href}
 * relative to the answer's {@code base}; assets with {@code updated}, {@code payload.importSource} (fileName,
 * fileSize), {@code payload.develop.userUpdated} and {@code payload.xmp} (dc:title, dc:description,
 * lr:hierarchicalSubject); renditions thumbnail2x and 2048 ready, fullsize only after
 * {@code POST .../renditions} with {@code X-Generate-Renditions: fullsize} (202, or 403 for an account without
 * that access); 404 for a removed asset; the Adobe gateway's 401 {@code error_code} answer for a bad token.
 */
final class FakeLightroom extends OAuthApiFake {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CLIENT_ID = "lumasync-test-native-app";
    static final String CATALOG = "8a8d3a4bf2e04a8f9a6e3f0c9d1b2e3f";
    private static final Pattern ASSET = Pattern.compile("/v2/catalogs/" + CATALOG + "/assets/([^/]+)/renditions(?:/(.+))?");
    private static final Pattern ALBUM_ASSETS = Pattern.compile("/v2/catalogs/" + CATALOG + "/albums/([^/]+)/assets");

    record Album(String id, String name, String parent, boolean set) {
    }

    static final class Asset {
        final String id;
        final String name;
        String album;
        byte[] bytes;
        Instant captured;
        Instant updated;
        Instant developed;
        String title = "";
        String caption = "";
        List<String> keywords = List.of();

        Asset(String id, String name, String album, byte[] bytes, Instant at) {
            this.id = id;
            this.name = name;
            this.album = album;
            this.bytes = bytes;
            this.captured = at;
            this.updated = at;
            this.developed = at;
        }
    }

    private final Map<String, Album> albums = new LinkedHashMap<>();
    private final Map<String, Asset> assets = new LinkedHashMap<>();
    private final Set<String> generated = ConcurrentHashMap.newKeySet();
    private final int pageSize;
    private int ids;
    private Instant clock = Instant.parse("2026-05-01T10:00:00Z");
    volatile boolean fullsizeAllowed = true;
    volatile int generateRequests;

    FakeLightroom(int pageSize) {
        super(new OAuthServerRules.Registration(CLIENT_ID, Optional.empty(),
                u -> u.toString().equals("http://127.0.0.1:53688/callback") || OAuthServerRules.anyLoopbackPort(u)));
        this.pageSize = pageSize;
    }

    /** A photo at "folder/album/name": the last folder is its album, those above it collection sets. */
    synchronized String put(String path, byte[] bytes) {
        String album = albumFor(path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        clock = clock.plusSeconds(61);
        Asset a = find(album, name);
        if (a == null) {
            a = new Asset(String.format("%032x", ++ids), name, album, bytes.clone(), clock);
            assets.put(a.id, a);
        } else {
            a.bytes = bytes.clone();
            a.updated = clock;
            a.developed = clock;
            generated.remove(a.id);
        }
        return a.id;
    }

    /** An edit in Lightroom: only the develop settings change (the original stays). */
    synchronized void develop(String path, byte[] rendered) {
        Asset a = at(path);
        clock = clock.plusSeconds(61);
        a.bytes = rendered.clone();
        a.developed = clock;
        generated.remove(a.id);
    }

    synchronized void describe(String path, String title, String caption, List<String> keywords) {
        Asset a = at(path);
        a.title = title;
        a.caption = caption;
        a.keywords = List.copyOf(keywords);
    }

    synchronized void delete(String path) {
        assets.remove(at(path).id);
    }

    private Asset at(String path) {
        String album = albumFor(path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "");
        return find(album, path.substring(path.lastIndexOf('/') + 1));
    }

    private Asset find(String album, String name) {
        return assets.values().stream().filter(a -> a.album.equals(album) && a.name.equals(name)).findFirst().orElse(null);
    }

    private String albumFor(String folder) {
        if (folder.isEmpty()) {
            return "";
        }
        String[] parts = folder.split("/");
        String parent = "";
        for (int i = 0; i < parts.length; i++) {
            boolean set = i < parts.length - 1;
            String p = parent;
            String name = parts[i];
            Album found = albums.values().stream().filter(a -> a.parent().equals(p) && a.name().equals(name)
                    && a.set() == set).findFirst().orElse(null);
            if (found == null) {
                found = new Album(String.format("a%031x", ++ids), name, parent, set);
                albums.put(found.id(), found);
            }
            parent = found.id();
        }
        return parent;
    }

    @Override
    protected synchronized Reply api(Request r, String path) {
        if (!CLIENT_ID.equals(r.getHeader("X-API-Key"))) {
            return gateway(403, "403000", "Api Key is invalid");
        }
        String base = baseOf(r);
        Map<String, String> q = query(r.getUrl());
        String catalog = "/v2/catalogs/" + CATALOG;
        if (path.equals("/v2/catalog")) {
            ObjectNode c = JSON.createObjectNode().put("base", base + "/v2/").put("id", CATALOG).put("type", "catalog")
                    .put("created", "2026-01-01T00:00:00.000Z").put("updated", clock.toString());
            c.putObject("payload").put("name", "Lightroom catalog");
            return lr(200, c);
        }
        if (path.equals(catalog + "/albums")) {
            List<ObjectNode> all = albums.values().stream().sorted(Comparator.comparing(Album::name).thenComparing(Album::id))
                    .map(this::album).toList();
            return page(all, q, base + catalog + "/", "albums", "subtype=collection%3Bcollection_set");
        }
        Matcher m = ALBUM_ASSETS.matcher(path);
        if (m.matches()) {
            String album = m.group(1);
            if (!albums.containsKey(album)) {
                return error(404, 1001, "Resource not found");
            }
            List<ObjectNode> in = assets.values().stream().filter(a -> a.album.equals(album) && image(a)
                    || a.album.equals(album) && !"image".equals(q.get("subtype"))).map(a -> {
                        ObjectNode o = JSON.createObjectNode().put("id", "aa" + a.id).put("type", "album_asset");
                        o.set("asset", asset(a));
                        return o;
                    }).toList();
            return page(in, q, base + catalog + "/", "albums/" + album + "/assets", "embed=asset&subtype=image");
        }
        if (path.equals(catalog + "/assets")) {
            List<ObjectNode> all = assets.values().stream().filter(a -> image(a) || !"image".equals(q.get("subtype")))
                    .map(this::asset).toList();
            return page(all, q, base + catalog + "/", "assets", "subtype=image");
        }
        m = ASSET.matcher(path);
        if (m.matches()) {
            Asset a = assets.get(m.group(1));
            if (a == null) {
                return error(404, 1001, "Resource not found");
            }
            if (r.getMethod().getName().equals("POST") && m.group(2) == null) {
                generateRequests++;
                if (!fullsizeAllowed) {
                    return error(403, 1002, "Access is forbidden");
                }
                if ("fullsize".equals(r.getHeader("X-Generate-Renditions"))) {
                    generated.add(a.id);
                }
                return lr(202, JSON.createObjectNode());
            }
            return switch (String.valueOf(m.group(2))) {
                case "thumbnail2x" -> new Reply(200, Map.of("Content-Type", "image/jpeg"), TestImages.jpeg(a.name.hashCode()));
                case "2048" -> rendition(a.bytes);
                case "fullsize" -> generated.contains(a.id) ? rendition(a.bytes) : error(404, 1001, "Resource not found");
                default -> error(404, 1001, "Resource not found");
            };
        }
        return error(404, 1001, "Resource not found");
    }

    private Reply rendition(byte[] b) {
        byte[] out = b.clone();
        if (corruptNext && out.length > 0) {
            corruptNext = false;
            out[out.length / 2] ^= 0x33;
        }
        // Renditions come with their length (a CDN's fixed-length answer), so a cut-off one is noticed.
        return new Reply(200, Map.of("Content-Type", "image/jpeg", "Content-Length", Integer.toString(out.length)), out);
    }

    private static boolean image(Asset a) {
        return ImageFormat.looksLikeImage(a.name);
    }

    private ObjectNode album(Album a) {
        ObjectNode o = JSON.createObjectNode().put("id", a.id()).put("type", "album")
                .put("subtype", a.set() ? "collection_set" : "collection")
                .put("created", "2026-01-01T00:00:00.000Z").put("updated", clock.toString());
        ObjectNode p = o.putObject("payload").put("name", a.name()).put("userCreated", "2026-01-01T00:00:00.000Z");
        if (!a.parent().isEmpty()) {
            p.putObject("parent").put("id", a.parent());
        }
        return o;
    }

    private ObjectNode asset(Asset a) {
        ObjectNode o = JSON.createObjectNode().put("id", a.id).put("type", "asset")
                .put("subtype", image(a) ? "image" : "video")
                .put("created", a.captured.toString()).put("updated", a.updated.toString());
        ObjectNode p = o.putObject("payload").put("captureDate", a.captured.toString())
                .put("userCreated", a.captured.toString()).put("userUpdated", a.updated.toString());
        p.putObject("importSource").put("fileName", a.name).put("fileSize", a.bytes.length)
                .put("importedOnDevice", "Lumasync test").put("contentType", "image/jpeg");
        p.putObject("develop").put("userUpdated", a.developed.toString()).put("device", "Lightroom web");
        ObjectNode xmp = p.putObject("xmp");
        ObjectNode dc = xmp.putObject("dc");
        if (!a.title.isEmpty()) {
            dc.put("title", a.title);
        }
        if (!a.caption.isEmpty()) {
            dc.put("description", a.caption);
        }
        if (!a.keywords.isEmpty()) {
            ArrayNode k = xmp.putObject("lr").putArray("hierarchicalSubject");
            a.keywords.forEach(k::add);
        }
        return o;
    }

    /** Pages of {@code pageSize}; the next link is relative to {@code base}, as Lightroom's are. */
    private Reply page(List<ObjectNode> all, Map<String, String> q, String base, String path, String keep) {
        int from = Integer.parseInt(q.getOrDefault("offset_token", "0"));
        int limit = Math.min(pageSize, Integer.parseInt(q.getOrDefault("limit", "100")));
        ObjectNode out = JSON.createObjectNode().put("base", base);
        ArrayNode res = out.putArray("resources");
        all.subList(Math.min(from, all.size()), Math.min(all.size(), from + limit)).forEach(res::add);
        if (from + limit < all.size()) {
            out.putObject("links").putObject("next").put("href", path + "?" + keep + "&offset_token=" + (from + limit));
        }
        return lr(200, out);
    }

    private static String baseOf(Request r) {
        URI u = URI.create(r.getAbsoluteUrl());
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    private static Reply lr(int status, ObjectNode body) {
        return new Reply(status, Map.of("Content-Type", "application/json;charset=utf-8"),
                ("while (1) {}\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    private static Reply error(int status, int code, String description) {
        ObjectNode o = JSON.createObjectNode().put("code", code).put("description", description);
        return lr(status, o);
    }

    private static Reply gateway(int status, String code, String message) {
        return Reply.json(status, "{\"error_code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }

    private static Map<String, String> query(String url) {
        String raw = URI.create(url).getRawQuery();
        return raw == null ? new LinkedHashMap<>() : new LinkedHashMap<>(OAuthApiFake.form(raw));
    }

    @Override
    protected Reply unauthorized(boolean expired) {
        return gateway(401, "401013", "Oauth token is not valid");
    }

    @Override
    protected Reply tooManyRequests(int seconds) {
        return error(429, 1003, "Too many requests");
    }

    List<String> albumNames() {
        return new ArrayList<>(albums.values().stream().map(Album::name).toList());
    }
}
