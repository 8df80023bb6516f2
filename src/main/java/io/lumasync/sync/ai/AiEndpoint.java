package io.lumasync.sync.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;
import io.lumasync.http.PlainHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * An OpenAI-compatible chat-completions service: OpenRouter (https://openrouter.ai/docs/api/reference/overview), or a
 * local server that speaks the same protocol (Ollama's /v1, LM Studio), so that nothing has to leave the machine.
 * Blocking and thread-safe; failures are classified {@link LumasyncException}s in plain words, the caller retries.
 *
 * <p>The API key is sent only over https or to this computer (loopback http), and never appears in messages.
 */
public final class AiEndpoint {
    /** OpenRouter's OpenAI-compatible base address. */
    public static final String OPENROUTER = "https://openrouter.ai/api/v1";
    static final BodyLimits.Limits ANSWER = new BodyLimits.Limits(64L << 20, Duration.ofMinutes(3));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final Optional<String> apiKey;
    private final String what;

    /**
     * @param base   the API's base address, e.g. {@link #OPENROUTER} or {@code http://127.0.0.1:11434/v1}
     * @param apiKey the key; empty for local servers that take none
     */
    public AiEndpoint(HttpClient http, URI base, Optional<String> apiKey) throws ConfigurationException {
        if (base.getScheme() == null || base.getHost() == null
                || !(base.getScheme().equalsIgnoreCase("https") || base.getScheme().equalsIgnoreCase("http"))) {
            throw new ConfigurationException("The AI service address '" + base + "' is not an http(s) address.");
        }
        if (apiKey.isPresent()) {
            PlainHttp.requireSafe(base, false, "The AI service at " + base.getHost());
        }
        this.http = http;
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.apiKey = apiKey.filter(k -> !k.isBlank());
        this.what = "The AI service at " + base.getHost();
    }

    public URI base() {
        return base;
    }

    /** True for OpenRouter, whose model list carries prices. */
    public boolean isOpenRouter() {
        return base.getHost().equalsIgnoreCase("openrouter.ai");
    }

    /** A model the service offers, with its prices in US dollars (0 when the service gives none: local models). */
    public record Model(String id, String name, double promptPerToken, double completionPerToken, double perImage,
                        double perRequest, List<String> input, List<String> output) {
        public boolean seesImages() {
            return input.contains("image");
        }

        public boolean makesImages() {
            return output.contains("image");
        }
    }

    /** Token counts and the cost of one call (the service's own figure when it gives one, else from prices). */
    public record Usage(long promptTokens, long completionTokens, Optional<Double> costUsd) {
    }

    /** A text answer. */
    public record Answer(String text, String finishReason, Usage usage) {
    }

    /** A generated image. */
    public record Picture(byte[] bytes, String mimeType, String text, Usage usage) {
    }

    /** GET /models: what the service offers (https://openrouter.ai/docs/api/api-reference/models/get-models). */
    public List<Model> models() throws LumasyncException {
        JsonNode root = send(request("models").GET().build());
        List<Model> out = new ArrayList<>();
        for (JsonNode m : root.path("data")) {
            JsonNode p = m.path("pricing");
            JsonNode arch = m.path("architecture");
            out.add(new Model(m.path("id").asText(), m.path("name").asText(m.path("id").asText()),
                    price(p, "prompt"), price(p, "completion"), price(p, "image"), price(p, "request"),
                    strings(arch.path("input_modalities")), strings(arch.path("output_modalities"))));
        }
        return out;
    }

    /**
     * POST /chat/completions with one user message of text and an image
     * (https://openrouter.ai/docs/guides/overview/multimodal/images): the image travels inline as a data URL.
     */
    public Answer describe(String model, String prompt, byte[] image, String mimeType, int maxTokens)
            throws LumasyncException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", maxTokens);
        body.put("temperature", 0.2);
        ArrayNode content = body.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", prompt);
        content.addObject().put("type", "image_url").putObject("image_url").put("url", dataUrl(image, mimeType));
        if (isOpenRouter()) {
            body.putObject("usage").put("include", true);
        }
        JsonNode root = post(body);
        JsonNode choice = firstChoice(root);
        String text = textOf(choice.path("message").path("content"));
        return new Answer(text, choice.path("finish_reason").asText(""), usage(root));
    }

    /**
     * POST /chat/completions asking for an image (https://openrouter.ai/docs/guides/overview/multimodal/image-generation):
     * {@code modalities} image and text, {@code image_config.aspect_ratio}, an optional reference image as input.
     */
    public Picture generate(String model, String prompt, String aspectRatio, Optional<byte[]> reference,
                            String referenceMime) throws LumasyncException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.putArray("modalities").add("image").add("text");
        if (!aspectRatio.isBlank()) {
            body.putObject("image_config").put("aspect_ratio", aspectRatio);
        }
        ObjectNode message = body.putArray("messages").addObject().put("role", "user");
        if (reference.isPresent()) {
            ArrayNode content = message.putArray("content");
            content.addObject().put("type", "text").put("text", prompt);
            content.addObject().put("type", "image_url").putObject("image_url")
                    .put("url", dataUrl(reference.get(), referenceMime));
        } else {
            message.put("content", prompt);
        }
        if (isOpenRouter()) {
            body.putObject("usage").put("include", true);
        }
        JsonNode root = post(body);
        JsonNode msg = firstChoice(root).path("message");
        for (JsonNode img : msg.path("images")) {
            String url = img.path("image_url").path("url").asText("");
            Optional<Picture> p = fromDataUrl(url, textOf(msg.path("content")), usage(root));
            if (p.isPresent()) {
                return p.get();
            }
        }
        String said = textOf(msg.path("content"));
        throw new LumasyncException(ErrorKind.GIVE_UP, "The model " + model + " answered without an image"
                + (said.isBlank() ? "" : " (it said: " + shorten(said) + ")")
                + ". It may have refused the prompt, or it does not make images: choose an image model.");
    }

    // ---- HTTP

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(3))
                .header("User-Agent", Http.USER_AGENT).header("Accept", "application/json");
        apiKey.ifPresent(k -> b.header("Authorization", "Bearer " + k));
        if (isOpenRouter()) {
            // OpenRouter's app attribution headers (https://openrouter.ai/docs/app-attribution)
            b.header("HTTP-Referer", "https://github.com/lumasync/lumasync").header("X-Title", "Lumasync");
        }
        return b;
    }

    private JsonNode post(ObjectNode body) throws LumasyncException {
        try {
            return send(request("chat/completions").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);   // a tree of strings and numbers always serialises
        }
    }

    private JsonNode send(HttpRequest req) throws LumasyncException {
        HttpResponse<String> r;
        try {
            r = Http.send(http, req, BodyLimits.ofString(ANSWER));
        } catch (IOException e) {
            throw HttpErrors.fromIo(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.GIVE_UP, "interrupted");
        }
        JsonNode root = parse(r.body());
        JsonNode error = root.path("error");
        if (r.statusCode() / 100 != 2 || error.isObject()) {
            throw AiErrors.classify(what, r.statusCode() / 100 != 2 ? r.statusCode() : error.path("code").asInt(500),
                    r.headers(), error.path("message").asText(""), error.path("metadata"));
        }
        return root;
    }

    private JsonNode parse(String body) throws LumasyncException {
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.RETRY, what + " sent an answer that is not JSON.");
        }
    }

    private JsonNode firstChoice(JsonNode root) throws LumasyncException {
        JsonNode choice = root.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new LumasyncException(ErrorKind.RETRY, what + " sent an answer without a reply.");
        }
        if ("content_filter".equals(choice.path("finish_reason").asText())) {
            throw AiErrors.refused(what);
        }
        return choice;
    }

    // ---- JSON helpers

    private static Usage usage(JsonNode root) {
        JsonNode u = root.path("usage");
        Optional<Double> cost = u.path("cost").isNumber() ? Optional.of(u.path("cost").asDouble()) : Optional.empty();
        return new Usage(u.path("prompt_tokens").asLong(0), u.path("completion_tokens").asLong(0), cost);
    }

    /** Content is a string, or (some servers) a list of text parts. */
    private static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            sb.append(part.path("text").asText(""));
        }
        return sb.toString();
    }

    private static double price(JsonNode pricing, String field) {
        try {
            double d = Double.parseDouble(pricing.path(field).asText("0"));
            return Double.isFinite(d) && d > 0 ? d : 0;   // "-1" marks a router's variable price: unknown
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String dataUrl(byte[] bytes, String mime) {
        return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** Only inline images are taken: fetching a URL the answer names would let it point anywhere. */
    private static Optional<Picture> fromDataUrl(String url, String text, Usage usage) {
        int comma = url.indexOf(',');
        if (!url.startsWith("data:image/") || comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(url.substring(comma + 1));
            return Optional.of(new Picture(bytes, url.substring(5, url.indexOf(';')), text, usage));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
