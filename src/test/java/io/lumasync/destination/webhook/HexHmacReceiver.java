package io.lumasync.destination.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A receiver written the way GitHub-style services document theirs, independent of Lumasync's signer: the secret's
 * UTF-8 bytes key an HMAC-SHA256 of the raw body, compared in constant time with the hex after {@code sha256=};
 * a timestamp more than five minutes away is refused. It answers 401 for a bad signature, else an asset id.
 */
final class HexHmacReceiver implements AutoCloseable {
    private final HttpServer server;
    private final byte[] key;
    private final String signatureHeader;
    private final String timestampHeader;
    final List<String> verdicts = new CopyOnWriteArrayList<>();

    HexHmacReceiver(String secret, String signatureHeader, String timestampHeader) throws IOException {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.signatureHeader = signatureHeader;
        this.timestampHeader = timestampHeader;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String verdict = verify(ex.getRequestHeaders().getFirst(signatureHeader),
                    ex.getRequestHeaders().getFirst(timestampHeader), body);
            verdicts.add(verdict);
            byte[] out = (verdict.equals("ok") ? "{\"asset_id\":\"h" + verdicts.size() + "\"}"
                    : "{\"error\":\"" + verdict + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(verdict.equals("ok") ? 200 : 401, out.length);
            ex.getResponseBody().write(out);
        }
    }

    private String verify(String signature, String timestamp, byte[] body) {
        if (signature == null || !signature.startsWith("sha256=")) {
            return "no sha256= signature";
        }
        if (timestamp == null || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return "no recent timestamp";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal(body);
            byte[] given = java.util.HexFormat.of().parseHex(signature.substring("sha256=".length()));
            return MessageDigest.isEqual(expected, given) ? "ok" : "signature mismatch";
        } catch (Exception e) {
            return "unreadable signature";
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
