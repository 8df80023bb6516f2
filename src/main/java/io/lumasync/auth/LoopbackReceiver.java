package io.lumasync.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives the browser's redirect after sign-in (RFC 8252 §7.3): an HTTP server on the loopback interface only
 * ({@link InetAddress#getLoopbackAddress()}), on a port the system picks unless the provider needs a fixed one.
 * Unlike google-oauth-client's LocalServerReceiver it never listens on other interfaces and never closes and
 * re-binds a probe socket. One callback is accepted; its {@code state} must match, else the attempt fails.
 */
public final class LoopbackReceiver implements AutoCloseable {
    public static final String PATH = "/callback";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String expectedState;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    private LoopbackReceiver(HttpServer server, ExecutorService executor, String expectedState) {
        this.server = server;
        this.executor = executor;
        this.expectedState = expectedState;
    }

    /**
     * Starts listening. {@code port} 0 lets the system choose a free port.
     *
     * @param provider names the service in the message about a busy port
     * @throws LumasyncException UNAVAILABLE when a fixed port is taken by another program
     */
    public static LoopbackReceiver start(int port, String expectedState, String provider) throws LumasyncException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Sign-in needs port " + port + " on this computer, "
                    + "because " + provider + " only sends the answer to the address registered for the app "
                    + "(http://127.0.0.1:" + port + PATH + "), but another program is using it. Close that program "
                    + "(or another Lumasync sign-in window) and try again.", e);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE,
                    "Sign-in cannot listen for the browser's answer on this computer (" + e.getMessage() + ").", e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "oauth-loopback");
            t.setDaemon(true);
            return t;
        });
        LoopbackReceiver receiver = new LoopbackReceiver(server, executor, expectedState);
        server.createContext(PATH, receiver::handle);
        server.setExecutor(executor);
        server.start();
        return receiver;
    }

    /** The redirect URI to register and send: numeric loopback IP, not "localhost" (RFC 8252 §8.3). */
    public URI redirectUri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + PATH);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetAddress boundAddress() {
        return server.getAddress().getAddress();
    }

    /** Waits for the authorization code; fails on denial, wrong state, cancel or timeout. */
    public String awaitCode(Duration timeout) throws LumasyncException {
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "Sign-in timed out: the browser did not come back within "
                    + (timeout.toSeconds() < 120 ? timeout.toSeconds() + " seconds" : timeout.toMinutes() + " minutes")
                    + ". Start the sign-in again and finish it in the browser.");
        } catch (CancellationException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "Sign-in was cancelled.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LumasyncException le) {
                throw le;
            }
            throw new LumasyncException(ErrorKind.GIVE_UP, "Sign-in failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.GIVE_UP, "Sign-in was interrupted.");
        }
    }

    /** Stops waiting (the user pressed Cancel). */
    public void cancel() {
        code.cancel(false);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, page("Not found", "This address only receives the sign-in answer."));
                return;
            }
            if (code.isDone()) {
                respond(exchange, 409, page("Already finished",
                        "This sign-in has already ended. You can close this tab and return to Lumasync."));
                return;
            }
            Map<String, String> q = query(exchange.getRequestURI());
            if (!expectedState.equals(q.get("state"))) {
                // Not our request (a stale tab, or a forged link): refuse and end this attempt.
                code.completeExceptionally(new LumasyncException(ErrorKind.GIVE_UP, "Sign-in failed: the browser's "
                        + "answer does not belong to this sign-in (state check failed). Start the sign-in again."));
                respond(exchange, 400, page("Sign-in not accepted",
                        "This answer does not match the sign-in Lumasync started. Return to Lumasync and try again."));
                return;
            }
            String error = q.get("error");
            if (error != null) {
                String why = "access_denied".equals(error) ? "access was not granted" : error;
                code.completeExceptionally(new LumasyncException(ErrorKind.REAUTH,
                        "Sign-in was not completed: " + why + ". Start it again and allow access to continue."));
                respond(exchange, 200, page("Sign-in not completed",
                        "Lumasync did not get access (" + escape(why) + "). You can close this tab and try again."));
                return;
            }
            String c = q.get("code");
            if (c == null || c.isBlank()) {
                code.completeExceptionally(new LumasyncException(ErrorKind.GIVE_UP,
                        "Sign-in failed: the browser's answer had no authorization code. Start it again."));
                respond(exchange, 400, page("Sign-in failed", "The answer had no authorization code. Try again."));
                return;
            }
            respond(exchange, 200, page("Signed in",
                    "Lumasync is now connected. You can close this tab and return to the app."));
            code.complete(c);
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer"); // the code is in this page's URL
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String page(String title, String message) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lumasync – " + escape(title)
                + "</title><style>body{font-family:system-ui,sans-serif;background:#f6f7f9;color:#1d232b;display:flex;"
                + "align-items:center;justify-content:center;height:100vh;margin:0}main{background:#fff;padding:2.5rem 3rem;"
                + "border-radius:12px;box-shadow:0 2px 12px #0002;max-width:32rem}h1{font-size:1.4rem;margin-top:0}"
                + "</style></head><body><main><h1>" + escape(title) + "</h1><p>" + escape(message)
                + "</p></main></body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
