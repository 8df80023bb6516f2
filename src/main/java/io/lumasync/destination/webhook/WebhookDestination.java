package io.lumasync.destination.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Placeholders;
import io.lumasync.core.Placeholders.Syntax;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.Renaming;
import io.lumasync.destination.Upload;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.HeaderValues;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;
import io.lumasync.http.JsonPaths;
import io.lumasync.http.signing.RequestSigner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sends each image to a URL the user chose (their own endpoint, or a service through a preset), signed the
 * Standard Webhooks way or with a hex HMAC of the body ({@link WebhookSigning}). Signed requests are never
 * redirected, and answers are read within {@link BodyLimits}. The answer's asset id and URL (read with the configured paths) are what the sync map
 * records. The {@code webhook-id} is derived from the sync id and the content, so a request re-sent after a lost
 * answer carries the same id and a receiver that honours it makes no duplicate.
 */
public final class WebhookDestination implements Destination, io.lumasync.destination.ConnectionCheck {
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookSettings settings;
    private final RequestSigner signer;
    private final Optional<String> token;
    private final HttpClient http;

    public WebhookDestination(WebhookSettings settings, RequestSigner signer, Optional<String> token, HttpClient http) {
        this.settings = settings;
        this.signer = signer;
        this.token = token;
        this.http = http;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(EnumSet.of(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG, ImageFormat.PNG,
                ImageFormat.GIF), 0, settings.replace(), false, settings.body() != WebhookSettings.Body.RAW,
                List.of("Sends " + settings.method() + " " + host() + " (" + settings.body().name().toLowerCase(Locale.ROOT)
                        + " body), signed with " + signer.scheme() + "."));
    }

    @Override
    public RemoteRef put(Upload upload) throws LumasyncException {
        Map<String, String> vars = WebhookVars.of(settings, upload, Event.CREATED, Optional.empty(), token);
        return mapAnswer(send(Event.CREATED, vars, upload, what(upload)), vars, what(upload));
    }

    @Override
    public RemoteRef replace(RemoteRef existing, Upload upload) throws LumasyncException {
        Map<String, String> vars = WebhookVars.of(settings, upload, Event.UPDATED, Optional.of(existing), token);
        return mapAnswer(send(Event.UPDATED, vars, upload, what(upload)), vars, what(upload));
    }

    /** The service behind a webhook names and stores files its own way; Lumasync cannot tell it to rename one. */
    @Override
    public Renaming renaming() {
        return new Renaming(Renaming.Route.REFUSED, "a webhook hands files to another service, which names and keeps"
                + " them its own way; Lumasync has no way to ask it to rename one. Rename it at that service.");
    }

    @Override
    public void updateMetadata(RemoteRef existing, AssetMetadata metadata) throws LumasyncException {
        if (settings.body() == WebhookSettings.Body.RAW) {
            throw LumasyncException.giveUp("The webhook '" + settings.name() + "' sends raw files only, so it cannot "
                    + "send a description change. Use a json or form body to update descriptions.");
        }
        Map<String, String> vars = WebhookVars.ofMetadata(settings, existing, metadata, token);
        send(Event.METADATA, vars, null, "Sending the new description of " + existing.id() + " to " + where());
    }

    @Override
    public void remove(RemoteRef ref) throws LumasyncException {
        if (settings.body() == WebhookSettings.Body.RAW) {
            throw LumasyncException.giveUp("The webhook '" + settings.name() + "' sends raw files only and has no way "
                    + "to ask for a removal. Remove " + ref.id() + " at the service itself.");
        }
        try {
            send(Event.DELETED, WebhookVars.ofRemoval(settings, ref, token), null,
                    "Asking " + where() + " to remove " + ref.id());
        } catch (LumasyncException e) {
            // Already gone is what a removal wants.
            if (!(e.getCause() instanceof StatusException se && (se.status == 404 || se.status == 410))) {
                throw e;
            }
        }
    }

    @Override
    public InputStream download(RemoteRef ref) throws LumasyncException {
        if (!ref.url().startsWith("http")) {
            throw LumasyncException.giveUp(ref.id() + " has no web address to download it from.");
        }
        String what = "Downloading " + ref.url();
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(ref.url()))
                    .header("User-Agent", Http.USER_AGENT).timeout(Duration.ofSeconds(120)).build(),
                    BodyLimits.ofInputStream(BodyLimits.FILE));
            if (r.statusCode() / 100 != 2) {
                r.body().close();
                throw HttpErrors.fromResponse(what, r, "");
            }
            return r.body();
        } catch (IOException e) {
            throw HttpErrors.fromIo(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, what + " was interrupted.", e);
        }
    }

    @Override
    public List<String> checkConnection() {
        ConnectionTest t = testConnection();
        List<String> lines = new java.util.ArrayList<>();
        lines.add("test upload: " + t.request() + " → " + (t.status() == 0 ? "no answer" : "HTTP " + t.status()));
        t.mapped().ifPresent(ref -> lines.add("mapped asset id " + ref.id() + (ref.url().isEmpty() ? "" : ", URL " + ref.url())));
        if (!t.problem().isEmpty()) {
            lines.add("problem: " + t.problem());
        }
        if (!t.body().isBlank()) {
            lines.add("answer body: " + (t.body().length() > 500 ? t.body().substring(0, 500) + "…" : t.body()));
        }
        return lines;
    }

    /** Sends a 1×1 PNG as a normal upload and returns the receiver's full answer, whatever it is. */
    public ConnectionTest testConnection() {
        byte[] png = Base64.getDecoder().decode(WebhookVars.ONE_PIXEL_PNG);
        Upload probe = new Upload(new EncodedImage(png, ImageFormat.PNG, "lumasync-test.png", 1, 1,
                png.length, List.of()), new AssetMetadata("Lumasync connection test", "", "", ""),
                "connection-test-" + UUID.randomUUID(), "Lumasync", "connection-test", "");
        Map<String, String> vars = WebhookVars.of(settings, probe, Event.CREATED, Optional.empty(), token);
        String request = settings.method() + " " + Template.render(settings.url(), vars, Template.Escape.URL).split("\\?")[0];
        HttpResponse<String> r;
        try {
            r = exchange(Event.CREATED, vars, probe);
        } catch (IOException e) {
            return new ConnectionTest(request, 0, "", "", Optional.empty(), HttpErrors.fromIo(where(), e).getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectionTest(request, 0, "", "", Optional.empty(), "The test was interrupted.");
        }
        StringBuilder headers = new StringBuilder();
        r.headers().map().forEach((k, vs) -> vs.forEach(v -> headers.append(k).append(": ").append(v).append('\n')));
        if (r.statusCode() / 100 != 2) {
            return new ConnectionTest(request, r.statusCode(), headers.toString(), r.body(), Optional.empty(),
                    HttpErrors.fromResponse(where(), r, "").getMessage());
        }
        try {
            return new ConnectionTest(request, r.statusCode(), headers.toString(), r.body(),
                    Optional.of(mapAnswer(r, vars, "The test upload")), "");
        } catch (LumasyncException e) {
            return new ConnectionTest(request, r.statusCode(), headers.toString(), r.body(), Optional.empty(), e.getMessage());
        }
    }

    private HttpResponse<String> send(Event event, Map<String, String> vars, Upload upload, String what)
            throws LumasyncException {
        HttpResponse<String> r;
        try {
            r = exchange(event, vars, upload);
        } catch (IOException e) {
            throw HttpErrors.fromIo(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, what + " was interrupted.", e);
        }
        if (r.statusCode() / 100 != 2) {
            LumasyncException e = HttpErrors.fromResponse(what, r, textOf(r.body()));
            throw new LumasyncException(e.kind(), e.getMessage(), e.retryAfter().orElse(null),
                    new StatusException(r.statusCode()));
        }
        return r;
    }

    private HttpResponse<String> exchange(Event event, Map<String, String> vars, Upload upload)
            throws IOException, InterruptedException {
        byte[] file = upload == null ? null : upload.image().bytes();
        WebhookBody body = WebhookBody.build(settings, vars, file,
                upload == null ? "" : upload.image().fileName(), upload == null ? "" : upload.image().mimeType());
        String msgId = WebhookVars.messageId(event, vars, file);
        long ts = Instant.now().getEpochSecond();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Template.render(settings.url(), vars, Template.Escape.URL)))
                .timeout(Duration.ofSeconds(120))
                .method(upload == null && settings.body() == WebhookSettings.Body.RAW ? "POST" : settings.method(),
                        HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .header("User-Agent", Http.USER_AGENT)
                .header("webhook-id", msgId);
        signer.headers(msgId, ts, body.bytes()).forEach(b::header);
        boolean typeSet = false;
        for (String line : Template.render(settings.headers(), vars, Template.Escape.HEADER).split("\\R")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            if (HeaderValues.isValidName(name) && !RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                b.header(name, HeaderValues.clean(line.substring(colon + 1)));
                typeSet |= name.equalsIgnoreCase("Content-Type");
            }
        }
        if (!typeSet) {
            b.header("Content-Type", body.contentType());
        }
        return Http.send(http, b.build(), BodyLimits.ofString(BodyLimits.PAGE));
    }

    /** Reads the asset id and URL from an answer; no id is an error, since nothing could be recorded. */
    private RemoteRef mapAnswer(HttpResponse<String> r, Map<String, String> vars, String what) throws LumasyncException {
        Optional<JsonNode> json = parse(r.body());
        Optional<String> id = resolve(settings.assetIdPath(), json, vars, Template.Escape.NONE);
        if (id.isEmpty()) {
            throw LumasyncException.giveUp(what + ": the receiver answered " + r.statusCode()
                    + " but its answer has no asset id at '" + settings.assetIdPath() + "' (the answer began: "
                    + textOf(r.body()) + "). Nothing was recorded. Make the receiver return it, or correct the "
                    + "'asset id path' setting.");
        }
        Map<String, String> withId = new HashMap<>(vars);
        withId.put("asset_id", id.get());
        String url = resolve(settings.assetUrlPath(), json, withId, Template.Escape.URL).orElse("");
        return new RemoteRef(id.get(), url);
    }

    private static Optional<String> resolve(String path, Optional<JsonNode> json, Map<String, String> vars,
                                            Template.Escape escape) {
        if (path.isBlank()) {
            return Optional.empty();
        }
        if (path.contains("{{")) {
            String v = Template.render(path, vars, escape);
            return v.isBlank() ? Optional.empty() : Optional.of(v);
        }
        return json.flatMap(j -> JsonPaths.text(j, path));
    }

    private static Optional<JsonNode> parse(String body) {
        try {
            return body == null || body.isBlank() ? Optional.empty() : Optional.of(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String textOf(String body) {
        String one = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    private String what(Upload u) {
        return "Sending " + u.image().fileName() + " to " + where();
    }

    private String where() {
        return "the webhook '" + settings.name() + "' (" + host() + ")";
    }

    private String host() {
        try {
            return URI.create(Placeholders.fill(settings.url(), Syntax.DOUBLE_BRACES, Optional::of)).getHost();
        } catch (IllegalArgumentException e) {
            return "its URL";
        }
    }

    /** Carries the HTTP status inside a classified failure, for callers that treat some statuses as success. */
    private static final class StatusException extends Exception {
        private final int status;

        StatusException(int status) {
            super("HTTP " + status, null, false, false);
            this.status = status;
        }
    }
}
