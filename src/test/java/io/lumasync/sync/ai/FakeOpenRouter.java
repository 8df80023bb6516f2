package io.lumasync.sync.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * OpenRouter's OpenAI-compatible API as its reference describes it, on 127.0.0.1 under {@code /api/v1}:
 * <ul>
 * <li>GET /models (openrouter.ai/docs/api/api-reference/models/get-models): {@code data[]} with id, name,
 *     {@code pricing} as decimal strings of US dollars per token / image / request, and
 *     {@code architecture.input_modalities / output_modalities};</li>
 * <li>POST /chat/completions (openrouter.ai/docs/api/api-reference/chat/send-chat-completion-request): bearer key,
 *     {@code model}, {@code messages} whose content is a string or parts {@code text} / {@code image_url} (images as
 *     data URLs, openrouter.ai/docs/guides/overview/multimodal/images); answers {@code choices[].message.content},
 *     {@code finish_reason}, {@code usage} with {@code cost} when {@code usage.include} is asked
 *     (openrouter.ai/docs/guides/guides/usage-accounting);</li>
 * <li>image generation (openrouter.ai/docs/guides/overview/multimodal/image-generation): {@code modalities} with
 *     "image" on a model whose output modalities include it, {@code image_config.aspect_ratio}; images come back
 *     in {@code message.images[].image_url.url} as base64 PNG data URLs;</li>
 * <li>errors (openrouter.ai/docs/api/reference/errors-and-debugging): {@code {"error":{"code","message",
 *     "metadata"}}} with the same HTTP status: 400 bad request / unknown model, 401 bad key, 402 no credit, 403
 *     moderation with {@code metadata.reasons}, 404 no endpoint for image input, 429 with Retry-After, 503 no
 *     provider available.</li>
 * </ul>
 */
public final class FakeOpenRouter implements AutoCloseable {
    public static final String KEY = "sk-or-v1-test-0123456789";
    public static final String VISION = "google/gemini-2.5-flash";
    public static final String TEXT_ONLY = "mistralai/mistral-7b-instruct";
    public static final String IMAGE = "google/gemini-2.5-flash-image";
    /** Prices of the vision model, per token, as the list states them. */
    public static final double PROMPT_PRICE = 0.0000003;
    public static final double COMPLETION_PRICE = 0.0000025;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final AtomicInteger completions = new AtomicInteger();
    private final AtomicInteger generations = new AtomicInteger();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();
    private volatile Function<byte[], String> describer = img -> "A tram climbs a narrow street at dusk";
    private volatile double credits = 10.0;
    private volatile int rateLimitsLeft;
    private volatile int largestImageBytes;

    public FakeOpenRouter() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/v1/", this::handle);
        server.start();
    }

    /** The base address clients are given. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1");
    }

    /** Points an engine at this fake, with the fake's key saved and the given models chosen. */
    public void connect(io.lumasync.sync.SyncService sync, String altModel, String imageModel)
            throws io.lumasync.core.LumasyncException {
        sync.ai().configure(java.util.Optional.of(base().toString()), java.util.Optional.of(altModel),
                java.util.Optional.of(imageModel), java.util.Optional.empty());
        sync.ai().setApiKey(KEY);
    }

    public int completions() {
        return completions.get();
    }

    public int generations() {
        return generations.get();
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    public List<Map<String, List<String>>> headers() {
        return List.copyOf(headers);
    }

    /** The largest image a request carried, in bytes. */
    public int largestImageBytes() {
        return largestImageBytes;
    }

    public void describeWith(Function<byte[], String> f) {
        describer = f;
    }

    public void setCredits(double usd) {
        credits = usd;
    }

    public void rateLimitNext(int times) {
        rateLimitsLeft = times;
    }

    public void takeDown(String model) {
        down.put(model, true);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- the API

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath().substring("/api/v1".length());
            headers.add(Map.copyOf(ex.getRequestHeaders()));
            if (ex.getRequestMethod().equals("GET") && path.equals("/models")) {
                send(ex, 200, models());
                return;
            }
            if (!ex.getRequestMethod().equals("POST") || !path.equals("/chat/completions")) {
                send(ex, 404, error(404, "Not Found"));
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.equals("Bearer " + KEY)) {
                send(ex, 401, error(401, auth == null ? "No auth credentials found" : "User not found."));
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(ex.getRequestBody().readNBytes(32 << 20));
            } catch (IOException e) {
                send(ex, 400, error(400, "Invalid JSON in request body"));
                return;
            }
            requests.add(body);
            if (rateLimitsLeft > 0) {
                rateLimitsLeft--;
                ex.getResponseHeaders().add("Retry-After", "1");
                send(ex, 429, error(429, "Rate limit exceeded: limit_rpm/google/gemini-2.5-flash"));
                return;
            }
            chat(ex, body);
        }
    }

    private void chat(HttpExchange ex, JsonNode body) throws IOException {
        String model = body.path("model").asText("");
        JsonNode messages = body.path("messages");
        if (model.isEmpty() || !messages.isArray() || messages.isEmpty()) {
            send(ex, 400, error(400, "Input required: specify \"model\" and \"messages\""));
            return;
        }
        if (!List.of(VISION, TEXT_ONLY, IMAGE).contains(model)) {
            send(ex, 400, error(400, model + " is not a valid model ID"));
            return;
        }
        if (down.containsKey(model)) {
            send(ex, 503, error(503, "No allowed providers are available for the selected model."));
            return;
        }
        if (credits <= 0) {
            send(ex, 402, error(402, "Insufficient credits. Add more using https://openrouter.ai/settings/credits"));
            return;
        }
        StringBuilder text = new StringBuilder();
        byte[] image = null;
        for (JsonNode m : messages) {
            JsonNode c = m.path("content");
            if (c.isTextual()) {
                text.append(c.asText());
                continue;
            }
            for (JsonNode part : c) {
                switch (part.path("type").asText()) {
                    case "text" -> text.append(part.path("text").asText());
                    case "image_url" -> {
                        image = dataUrl(part.path("image_url").path("url").asText(""));
                        if (image == null) {
                            send(ex, 400, error(400, "Invalid image URL: expected a data URL or https URL"));
                            return;
                        }
                        largestImageBytes = Math.max(largestImageBytes, image.length);
                    }
                    default -> {
                        send(ex, 400, error(400, "Invalid content part type"));
                        return;
                    }
                }
            }
        }
        if (text.toString().toLowerCase(Locale.ROOT).contains("forbidden")) {
            ObjectNode e = error(403, "Your input was flagged");
            ((ObjectNode) e.get("error")).putObject("metadata").put("provider_name", "Google").putArray("reasons").add("violence");
            send(ex, 403, e);
            return;
        }
        if (image != null && model.equals(TEXT_ONLY)) {
            send(ex, 404, error(404, "No endpoints found that support image input"));
            return;
        }
        boolean wantsImage = false;
        for (JsonNode m : body.path("modalities")) {
            wantsImage |= m.asText().equals("image");
        }
        if (wantsImage && !model.equals(IMAGE)) {
            send(ex, 404, error(404, "No endpoints found that support the requested output modalities: image, text"));
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", "gen-" + System.nanoTime()).put("provider", "Google").put("model", model)
                .put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000);
        ObjectNode choice = answer.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop").put("native_finish_reason", "STOP");
        ObjectNode msg = choice.putObject("message").put("role", "assistant");
        long promptTokens = text.length() / 4 + (image == null ? 0 : 258);
        long completionTokens;
        double cost;
        if (wantsImage) {
            int n = generations.incrementAndGet();
            msg.put("content", "Here is your image.");
            String ratio = body.path("image_config").path("aspect_ratio").asText("1:1");
            ArrayNode images = msg.putArray("images");
            images.addObject().put("type", "image_url").putObject("image_url")
                    .put("url", "data:image/png;base64," + Base64.getEncoder().encodeToString(png(ratio, n)));
            completionTokens = 1290;
            cost = 0.039;
        } else {
            completions.incrementAndGet();
            String said = describer.apply(image);
            msg.put("content", said);
            completionTokens = Math.max(1, said.length() / 4);
            cost = promptTokens * PROMPT_PRICE + completionTokens * COMPLETION_PRICE;
        }
        credits -= cost;
        ObjectNode usage = answer.putObject("usage");
        usage.put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        if (body.path("usage").path("include").asBoolean(false)) {
            usage.put("cost", cost);
        }
        send(ex, 200, answer);
    }

    private static ObjectNode models() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        model(data, VISION, "Google: Gemini 2.5 Flash", PROMPT_PRICE, COMPLETION_PRICE, "0.001238",
                List.of("text", "image", "file"), List.of("text"));
        model(data, TEXT_ONLY, "Mistral: Mistral 7B Instruct", 0.000000028, 0.000000054, "0",
                List.of("text"), List.of("text"));
        model(data, IMAGE, "Google: Gemini 2.5 Flash Image", 0.0000003, 0.0000025, "0.001238",
                List.of("image", "text"), List.of("image", "text"));
        return root;
    }

    private static void model(ArrayNode data, String id, String name, double prompt, double completion, String image,
                              List<String> in, List<String> out) {
        ObjectNode m = data.addObject();
        m.put("id", id).put("canonical_slug", id).put("name", name).put("created", 1750000000)
                .put("context_length", 1048576);
        ObjectNode arch = m.putObject("architecture");
        in.forEach(arch.putArray("input_modalities")::add);
        out.forEach(arch.putArray("output_modalities")::add);
        arch.put("tokenizer", "Gemini");
        m.putObject("pricing").put("prompt", plain(prompt)).put("completion", plain(completion))
                .put("request", "0").put("image", image);
    }

    private static String plain(double d) {
        return new java.math.BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static ObjectNode error(int code, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("code", code).put("message", message);
        return root;
    }

    private static byte[] dataUrl(String url) {
        int comma = url.indexOf(',');
        if (!url.startsWith("data:image/") || comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(url.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A small PNG in the asked aspect ratio, its colour set by the generation's number. */
    static byte[] png(String ratio, int n) throws IOException {
        String[] p = ratio.split(":");
        int w = 64;
        int h = (int) Math.max(8, Math.round(64.0 * Integer.parseInt(p[1]) / Integer.parseInt(p[0])));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int rgb = (n * 70 % 256) << 16 | (255 - n * 40 % 256) << 8 | 90;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] b = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }
}
