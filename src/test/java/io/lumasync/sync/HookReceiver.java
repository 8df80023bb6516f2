package io.lumasync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lumasync.http.signing.StandardWebhooksVerifier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real event receiver on 127.0.0.1, written as the notification docs tell users to write theirs: it checks every
 * request's signature (Standard Webhooks through {@link StandardWebhooksVerifier}, or hex HMAC-SHA256 of the body
 * after {@code sha256=}), answers 401 when it does not match, and keeps what it accepted. Tests can make it answer
 * with given statuses first (500, 429 + Retry-After) or slowly.
 */
public final class HookReceiver implements AutoCloseable {
    /** One accepted event. */
    public record Received(String webhookId, String type, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final StandardWebhooksVerifier standard;
    private final byte[] hexKey;
    public final List<Received> accepted = new CopyOnWriteArrayList<>();
    public final List<String> refusals = new CopyOnWriteArrayList<>();
    final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    volatile String retryAfter = "";
    public volatile Duration delay = Duration.ZERO;

    /** {@code secret}: a whsec_ secret (Standard Webhooks), or any other text (hex HMAC in X-Signature-256). */
    public HookReceiver(String secret, int port) throws IOException {
        boolean std = secret.startsWith("whsec_");
        this.standard = std ? new StandardWebhooksVerifier(secret) : null;
        this.hexKey = std ? null : secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<String> types() {
        return accepted.stream().map(Received::type).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            Thread.sleep(delay);
            String problem = standard != null
                    ? standard.problem(ex.getRequestHeaders().getFirst("webhook-id"),
                    ex.getRequestHeaders().getFirst("webhook-timestamp"),
                    ex.getRequestHeaders().getFirst("webhook-signature"), body)
                    : hexProblem(ex.getRequestHeaders().getFirst("X-Signature-256"), body);
            if (!problem.isEmpty()) {
                refusals.add(problem);
                answer(ex, 401, "bad signature: " + problem);
                return;
            }
            Integer status = answers.poll();
            if (status != null && status != 200) {
                if (!retryAfter.isEmpty()) {
                    ex.getResponseHeaders().add("Retry-After", retryAfter);
                }
                answer(ex, status, "{\"error\":\"try later\"}");
                return;
            }
            JsonNode json = JSON.readTree(body);
            accepted.add(new Received(ex.getRequestHeaders().getFirst("webhook-id"), json.get("type").asText(), json));
            answer(ex, 200, "{\"ok\":true}");
        } catch (Exception e) {
            answer(ex, 500, e.toString());
        }
    }

    private String hexProblem(String header, byte[] body) throws Exception {
        if (header == null || !header.startsWith("sha256=")) {
            return "missing X-Signature-256";
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(hexKey, "HmacSHA256"));
        byte[] expected = mac.doFinal(body);
        byte[] given = HexFormat.of().parseHex(header.substring("sha256=".length()));
        return MessageDigest.isEqual(expected, given) ? "" : "signature does not match";
    }

    private static void answer(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
