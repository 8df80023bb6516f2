package io.lumasync.source.custom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lumasync.testing.TestImages;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small photo API on 127.0.0.1 (JDK HTTP server) shaped like the ones the presets target: bearer token,
 * {@code GET /api/photos} answering {@code {"photos":[…], "next_page": url, "meta":{"next_cursor"}}} plus a Link
 * header, so each next-page rule can be tried (page=, after=, skip=, Link, next_page); relative download and
 * thumbnail URLs; 401 for a bad token; injectable 429 with Retry-After. Records every request's headers.
 */
final class PhotoApiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Photo(String id, String title, byte[] bytes, Instant updated) {
    }

    record Seen(String path, String authorization) {
    }

    final Map<String, Photo> photos = new LinkedHashMap<>();
    final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    volatile String validToken = "pat-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    volatile int rateLimitSeconds = -1;
    volatile String downloadHostBase; // when set, download URLs point there (a "CDN")
    private int ids;
    private Instant clock = Instant.parse("2026-05-01T10:00:00Z");

    PhotoApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void put(String title, byte[] bytes) {
        Photo old = photos.values().stream().filter(p -> p.title().equals(title)).findFirst().orElse(null);
        clock = clock.plusSeconds(61);
        String id = old == null ? "ph" + (++ids) : old.id();
        photos.put(id, new Photo(id, title, bytes.clone(), clock));
    }

    synchronized void delete(String title) {
        photos.values().removeIf(p -> p.title().equals(title));
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI u = ex.getRequestURI();
            requests.add(new Seen(u.getPath(), ex.getRequestHeaders().getFirst("Authorization")));
            if (u.getPath().startsWith("/cdn/")) { // public CDN: no token needed
                serveFile(ex, u.getPath().substring(5));
                return;
            }
            if (rateLimitSeconds >= 0) {
                ex.getResponseHeaders().set("Retry-After", Integer.toString(rateLimitSeconds));
                rateLimitSeconds = -1;
                send(ex, 429, "application/json", "{\"error\":\"rate limited\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!("Bearer " + validToken).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "application/json", "{\"error\":\"invalid or revoked token\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (u.getPath().equals("/api/photos")) {
                list(ex, u);
            } else if (u.getPath().startsWith("/files/")) {
                serveFile(ex, u.getPath().substring(7));
            } else if (u.getPath().startsWith("/thumbs/")) {
                send(ex, 200, "image/jpeg", TestImages.jpeg(97));
            } else {
                send(ex, 404, "application/json", "{\"error\":\"no such endpoint\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void serveFile(HttpExchange ex, String id) throws IOException {
        Photo p = photos.get(id);
        if (p == null) {
            send(ex, 404, "application/json", "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
        } else {
            send(ex, 200, "image/jpeg", p.bytes());
        }
    }

    private void list(HttpExchange ex, URI u) throws IOException {
        Map<String, String> q = ApiRequests.query(u);
        int per = Integer.parseInt(q.getOrDefault("per_page", "10"));
        int from = q.containsKey("after") ? Integer.parseInt(q.get("after"))
                : q.containsKey("skip") ? Integer.parseInt(q.get("skip"))
                : (Integer.parseInt(q.getOrDefault("page", "1")) - 1) * per;
        List<Photo> all = new ArrayList<>(photos.values());
        List<Photo> page = all.subList(Math.min(from, all.size()), Math.min(all.size(), from + per));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode arr = out.putArray("photos");
        for (Photo p : page) {
            ObjectNode o = arr.addObject().put("id", p.id()).put("title", p.title()).put("bytes", p.bytes().length)
                    .put("updated_at", p.updated().toString());
            o.putObject("urls").put("thumb", "/thumbs/" + p.id())
                    .put("full", downloadHostBase == null ? "/files/" + p.id() : downloadHostBase + "/cdn/" + p.id());
        }
        boolean more = from + per < all.size();
        int pageNo = from / Math.max(per, 1) + 1;
        String next = base() + "/api/photos?per_page=" + per + "&page=" + (pageNo + 1);
        out.put("next_page", more ? next : null);
        out.putObject("meta").put("next_cursor", more ? Integer.toString(from + per) : null);
        if (more) {
            ex.getResponseHeaders().add("Link", "<" + next + ">; rel=\"next\", <" + base() + "/api/photos?page=1>; rel=\"first\"");
        }
        send(ex, 200, "application/json", out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
