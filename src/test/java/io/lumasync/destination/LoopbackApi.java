package io.lumasync.destination;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plumbing of a vendor fake served on 127.0.0.1 by the JDK's HTTP server: one handler for every path, each
 * exchange closed after it, helpers for answers and query parameters. A subclass holds the vendor's state and rules.
 */
public abstract class LoopbackApi implements AutoCloseable {
    private final HttpServer server;

    // The handler reaches the subclass only through requests, and none comes before its address is handed out.
    @SuppressWarnings("this-escape")
    protected LoopbackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            try (x) {
                serve(x, x.getRequestURI().getRawPath(), x.getRequestMethod());
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Answers one request. */
    protected abstract void serve(HttpExchange x, String path, String method) throws IOException;

    /** {@code http://127.0.0.1:port}. */
    protected final String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** True (and one fewer left) while {@code left} is positive: for "the next n requests fail". */
    protected static boolean takeOne(AtomicInteger left) {
        return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    protected static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            x.getResponseBody().write(body);
        }
    }

    protected static int intParam(HttpExchange x, String name, int dflt) {
        String q = x.getRequestURI().getRawQuery();
        for (String kv : q == null ? new String[0] : q.split("&")) {
            if (kv.startsWith(name + "=")) {
                try {
                    return Integer.parseInt(kv.substring(name.length() + 1));
                } catch (NumberFormatException e) {
                    return dflt;
                }
            }
        }
        return dflt;
    }
}
