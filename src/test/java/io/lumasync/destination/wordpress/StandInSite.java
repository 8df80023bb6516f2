package io.lumasync.destination.wordpress;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local server standing in for a site or a CDN: answers every path with one fixed JSON body and remembers, per
 * request, the path and the Authorization header it carried.
 */
final class StandInSite implements AutoCloseable {
    /** One request as received. */
    record Seen(String path, Optional<String> authorization) {
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile String json = "{}";

    private StandInSite(HttpServer server) {
        this.server = server;
    }

    static StandInSite start() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StandInSite site = new StandInSite(s);
        s.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            site.seen.add(new Seen(exchange.getRequestURI().toString(),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))));
            byte[] body = site.json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        s.start();
        return site;
    }

    void answer(String json) {
        this.json = json;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
