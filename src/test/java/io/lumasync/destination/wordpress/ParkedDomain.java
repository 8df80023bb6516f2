package io.lumasync.destination.wordpress;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A web server that is not WordPress — like a hosting provider's "this domain is parked" page answering every path
 * with HTML: what Lumasync meets when the site address is wrong.
 */
final class ParkedDomain implements AutoCloseable {
    private final HttpServer server;

    private ParkedDomain(HttpServer server) {
        this.server = server;
    }

    static ParkedDomain start() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", exchange -> {
            byte[] page = "<!DOCTYPE html><html><head><title>Parked</title></head><body>This domain is parked.</body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        s.start();
        return new ParkedDomain(s);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
