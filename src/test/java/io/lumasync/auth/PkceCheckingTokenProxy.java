package io.lumasync.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Our own recording in front of mock-oauth2-server's token endpoint, because that server accepts a missing
 * verifier: it records every token request and refuses an authorization-code exchange whose code_verifier does not
 * hash (S256) to the challenge the browser carried, as RFC 7636 §4.6 requires of a real server. It can also play a
 * revoked consent, which the mock server cannot.
 */
final class PkceCheckingTokenProxy implements AutoCloseable {
    private final HttpServer server;
    private final URI upstream;
    private final HttpClient http = HttpClient.newHttpClient();
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    volatile String expectedChallenge;
    /** Refresh tokens the "user" revoked (removed the app in the provider's settings). */
    final java.util.Set<String> revoked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    PkceCheckingTokenProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = LoopbackReceiver.query(URI.create("x:/?" + body));
            tokenRequests.add(form);
            if ("refresh_token".equals(form.get("grant_type")) && revoked.contains(form.get("refresh_token"))) {
                // The answer Google and Dropbox give for a revoked grant (RFC 6749 §5.2).
                send(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token has been revoked\"}");
                return;
            }
            if ("authorization_code".equals(form.get("grant_type"))) {
                String verifier = form.get("code_verifier");
                if (verifier == null || expectedChallenge == null
                        || !Pkce.challengeOf(verifier).equals(expectedChallenge)) {
                    send(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
                    return;
                }
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(upstream)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                send(ex, r.statusCode(), r.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                send(ex, 500, "{}");
            }
        }
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
