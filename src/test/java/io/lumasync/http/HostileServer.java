package io.lumasync.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

/** A local server whose answers misbehave: endless bodies, bodies that trickle, lying lengths. */
final class HostileServer implements AutoCloseable {
    private final HttpServer server;

    HostileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/forever", ex -> stream(ex, 0, new byte[64 * 1024], 0));
        server.createContext("/trickle", ex -> stream(ex, 0, new byte[1], 200));
        server.createContext("/declared-huge", ex -> stream(ex, 50L << 30, new byte[1024], 0));
        server.createContext("/small", ex -> {
            byte[] body = "{\"ok\":true}".getBytes();
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    void handle(String path, HttpHandler h) {
        server.createContext(path, h);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void stream(HttpExchange ex, long declared, byte[] chunk, long pauseMillis) throws IOException {
        ex.sendResponseHeaders(200, declared);
        try (OutputStream out = ex.getResponseBody()) {
            while (true) {
                out.write(chunk);
                out.flush();
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (IOException | InterruptedException stopped) {
            // the client hung up, as it should
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
