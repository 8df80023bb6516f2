package io.lumasync.destination.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lumasync.core.AssetMetadata;
import io.lumasync.http.signing.StandardWebhooksVerifier;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real webhook receiver on 127.0.0.1 for tests, written the way the docs tell users to write theirs: it verifies
 * every signature ({@link StandardWebhooksVerifier}), treats a repeated {@code webhook-id} as a repeat (answers
 * what it answered the first time), stores files, and serves them at the URL it returns. It speaks Lumasync's
 * default JSON body ({@code POST /hook}), multipart forms ({@code POST /form}) and raw files
 * ({@code PUT /raw/<path>}).
 */
final class WebhookReceiver implements AutoCloseable {
    record Stored(byte[] bytes, String mime, AssetMetadata metadata, int version) {
    }

    record Seen(String method, String path, Map<String, List<String>> headers, byte[] body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final StandardWebhooksVerifier verifier;
    private final long maxBytes;
    private final Map<String, Stored> assets = new ConcurrentHashMap<>();
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    WebhookReceiver(String secret, long maxBytes) throws IOException {
        this.verifier = new StandardWebhooksVerifier(secret);
        this.maxBytes = maxBytes;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int count() {
        return assets.size();
    }

    Optional<Stored> asset(String id) {
        return Optional.ofNullable(assets.get(id));
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            handleOne(ex);
        }
    }

    private void handleOne(HttpExchange ex) throws IOException {
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders()), body));
            if (ex.getRequestMethod().equals("GET") && path.startsWith("/files/")) {
                Stored s = assets.get(path.substring("/files/".length()));
                if (s == null) {
                    reply(ex, 404, "{\"error\":\"no such asset\"}".getBytes(StandardCharsets.UTF_8));
                } else {
                    ex.getResponseHeaders().add("Content-Type", s.mime());
                    reply(ex, 200, s.bytes());
                }
                return;
            }
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            String problem = verifier.problem(id, ex.getRequestHeaders().getFirst("webhook-timestamp"),
                    ex.getRequestHeaders().getFirst("webhook-signature"), body);
            if (!problem.isEmpty()) {
                reply(ex, 401, ("{\"error\":\"bad signature: " + problem + "\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] earlier = answers.get(id);
            if (earlier != null) {
                reply(ex, 200, earlier); // a repeat of a message already handled
                return;
            }
            String host = ex.getRequestHeaders().getFirst("Host");
            Answer a = switch (path) {
                case "/hook" -> json(JSON.readTree(body), host);
                case "/form" -> form(ex.getRequestHeaders().getFirst("Content-Type"), body, host);
                default -> path.startsWith("/raw/") ? store(path.substring(5), body,
                        ex.getRequestHeaders().getFirst("Content-Type"), AssetMetadata.EMPTY, host)
                        : new Answer(404, "{\"error\":\"unknown path\"}");
            };
            byte[] out = a.body.getBytes(StandardCharsets.UTF_8);
            if (a.status == 200) {
                answers.put(id, out);
            }
            reply(ex, a.status, out);
        } catch (Exception e) {
            reply(ex, 500, ("{\"error\":\"" + e + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Answer(int status, String body) {
    }

    private Answer json(JsonNode n, String host) {
        String event = n.path("event").asText();
        AssetMetadata meta = new AssetMetadata(n.path("alt_text").asText(), n.path("title").asText(),
                n.path("caption").asText(), n.path("description").asText());
        String existing = n.path("existing_asset_id").asText("");
        return switch (event) {
            case "asset.created" -> store(null, Base64.getDecoder().decode(n.path("file_base64").asText()),
                    n.path("mime").asText(), meta, host);
            case "asset.updated" -> assets.containsKey(existing)
                    ? store(existing, Base64.getDecoder().decode(n.path("file_base64").asText()), n.path("mime").asText(), meta, host)
                    : new Answer(404, "{\"error\":\"no such asset\"}");
            case "metadata.updated" -> {
                Stored s = assets.get(existing);
                if (s == null) {
                    yield new Answer(404, "{\"error\":\"no such asset\"}");
                }
                assets.put(existing, new Stored(s.bytes(), s.mime(), meta, s.version()));
                yield new Answer(200, "{\"asset_id\":\"" + existing + "\"}");
            }
            case "asset.deleted" -> assets.remove(existing) == null
                    ? new Answer(404, "{\"error\":\"no such asset\"}") : new Answer(200, "{\"deleted\":true}");
            default -> new Answer(400, "{\"error\":\"unknown event\"}");
        };
    }

    private Answer form(String contentType, byte[] body, String host) {
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        ObjectNode fields = JSON.createObjectNode();
        byte[] file = null;
        String mime = "";
        for (String part : text.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int headEnd = part.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                continue;
            }
            String head = part.substring(0, headEnd);
            String value = part.substring(headEnd + 4, part.length() - 2);
            String name = head.replaceAll("(?s).*name=\"([^\"]*)\".*", "$1");
            if (head.contains("filename=")) {
                file = value.getBytes(StandardCharsets.ISO_8859_1);
                mime = head.replaceAll("(?s).*Content-Type: ([^\r\n]*).*", "$1");
            } else {
                fields.put(name, new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
        if (file == null) {
            return new Answer(400, "{\"error\":\"no file part\"}");
        }
        Answer a = store(null, file, mime, new AssetMetadata(fields.path("alt_text").asText(), "", "", ""), host);
        return new Answer(a.status, a.body.replace("}", ",\"fields\":" + fields + "}"));
    }

    private Answer store(String id, byte[] bytes, String mime, AssetMetadata meta, String host) {
        if (bytes.length > maxBytes) {
            return new Answer(413, "{\"error\":\"file too large\"}");
        }
        String key = id == null ? "a" + ids.incrementAndGet() : id;
        Stored before = assets.get(key);
        int version = before == null ? 1 : before.version() + 1;
        assets.put(key, new Stored(bytes, mime, meta, version));
        String url = "http://" + host + "/files/" + key + (version > 1 ? "?v=" + version : "");
        return new Answer(200, "{\"asset_id\":\"" + key + "\",\"asset_url\":\"" + url + "\"}");
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().add("Content-Type", "application/json");
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
