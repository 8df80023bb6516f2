package io.lumasync.destination.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Upload;
import io.lumasync.http.Http;
import io.lumasync.testing.TestImages;
import io.lumasync.http.signing.StandardWebhooksVerifier;
import io.lumasync.http.signing.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Webhook behaviour beyond the contract: templates, body kinds, signatures, answer mapping, presets. */
class WebhookDestinationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String secret = WebhookSigner.generateSecret();
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver(secret, 1 << 20);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookDestination destination(Map<String, String> settings, String signingSecret) throws Exception {
        WebhookSettings s = WebhookSettings.from(new AdapterConfig("my-hook", "webhook", settings));
        return new WebhookDestination(s, new WebhookSigner(signingSecret), Optional.of("tok-123"), Http.newClient());
    }

    private static Upload upload(String name, String folder) {
        return new Upload(TestImages.encoded(name, ImageFormat.PNG, TestImages.png(1)),
                new AssetMetadata("A \"quoted\" heron\nat dawn", "Heron", "", ""), "sync-" + name, "Photos",
                "src-" + name, folder);
    }

    @Test
    void signingMatchesTheStandardWebhooksTestVector() {
        // The example from the Standard Webhooks reference libraries' tests.
        WebhookSigner signer = new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void defaultJsonBodyCarriesTheDocumentedFieldsAndAVerifiableSignature() throws Exception {
        WebhookDestination d = destination(Map.of("url", receiver.uri("/hook").toString()), secret);
        RemoteRef ref = d.put(upload("heron", "2024/birds"));
        WebhookReceiver.Seen req = receiver.seen().getLast();
        JsonNode body = JSON.readTree(req.body());
        assertThat(body.path("event").asText()).isEqualTo("asset.created");
        assertThat(body.path("action").asText()).isEqualTo("create");
        assertThat(body.path("filename").asText()).isEqualTo("heron.png");
        assertThat(body.path("mime").asText()).isEqualTo("image/png");
        assertThat(body.path("alt_text").asText()).isEqualTo("A \"quoted\" heron\nat dawn");
        assertThat(body.path("source").asText()).isEqualTo("Photos");
        assertThat(body.path("source_asset_id").asText()).isEqualTo("src-heron");
        assertThat(body.path("size_bytes").asLong()).isEqualTo(TestImages.png(1).length);
        assertThat(body.path("sync_id").asText()).isEqualTo("sync-heron");
        assertThat(body.path("destination_id").asText()).isEqualTo("my-hook");
        assertThat(body.path("existing_asset_id").isNull()).isTrue();
        assertThat(body.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(java.util.Base64.getDecoder().decode(body.path("file_base64").asText())).isEqualTo(TestImages.png(1));
        assertThat(req.headers().get("Webhook-id").getFirst()).startsWith("msg_");
        StandardWebhooksVerifier v = new StandardWebhooksVerifier(secret);
        String id = req.headers().get("Webhook-id").getFirst();
        String ts = req.headers().get("Webhook-timestamp").getFirst();
        String sig = req.headers().get("Webhook-signature").getFirst();
        assertThat(v.problem(id, ts, sig, req.body())).isEmpty();
        byte[] tampered = req.body().clone();
        tampered[10] ^= 1;
        assertThat(v.problem(id, ts, sig, tampered)).isNotEmpty();

        RemoteRef updated = d.replace(ref, upload("heron", "2024/birds"));
        JsonNode update = JSON.readTree(receiver.seen().getLast().body());
        assertThat(update.path("action").asText()).isEqualTo("update");
        assertThat(update.path("existing_asset_id").asText()).isEqualTo(ref.id());
        assertThat(update.path("existing_url").asText()).isEqualTo(ref.url());
        assertThat(updated.id()).isEqualTo(ref.id());

        d.updateMetadata(ref, new AssetMetadata("New alt", "", "", ""));
        JsonNode meta = JSON.readTree(receiver.seen().getLast().body());
        assertThat(meta.path("event").asText()).isEqualTo("metadata.updated");
        assertThat(meta.has("file_base64")).as("a metadata-only event carries no file").isFalse();
        assertThat(receiver.asset(ref.id()).orElseThrow().metadata().altText()).isEqualTo("New alt");
    }

    @Test
    void templatesEscapeForUrlsJsonAndHeaders() throws Exception {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("url", receiver.uri("/raw/") + "{{folder_path}}{{filename}}?src={{source_asset_id}}");
        cfg.put("method", "PUT");
        cfg.put("body", "raw");
        cfg.put("headers", "Authorization: Bearer {{token}}\nX-Alt: {{alt_text}}");
        cfg.put("asset_id_path", "{{folder_path}}{{filename}}");
        cfg.put("asset_url_path", "https://cdn.example.com/{{asset_id}}");
        WebhookDestination d = destination(cfg, secret);
        Upload u = new Upload(TestImages.encoded("my heron", ImageFormat.PNG, TestImages.png(2)), AssetMetadata.EMPTY
                .withAltText("line1\nline2"), "s1", "Photos", "a&b=c", "Trips/Été");
        RemoteRef ref = d.put(u);
        WebhookReceiver.Seen req = receiver.seen().getLast();
        assertThat(req.method()).isEqualTo("PUT");
        assertThat(req.path()).isEqualTo("/raw/Trips/%C3%89t%C3%A9/my%20heron.png?src=a%26b%3Dc");
        assertThat(req.headers().get("Authorization")).containsExactly("Bearer tok-123");
        assertThat(req.headers().get("X-alt")).containsExactly("line1 line2");
        assertThat(req.headers().get("Content-type")).containsExactly("image/png");
        assertThat(req.body()).isEqualTo(TestImages.png(2));
        assertThat(ref.id()).isEqualTo("Trips/Été/my heron.png");
        assertThat(ref.url()).isEqualTo("https://cdn.example.com/Trips/%C3%89t%C3%A9/my%20heron.png");

        Map<String, String> json = Map.of("url", receiver.uri("/hook").toString(), "template",
                "{\"event\":\"{{event}}\",\"alt_text\":\"{{alt_text}}\",\"mime\":\"{{mime}}\",\"file_base64\":\"{{file_base64}}\"}");
        destination(json, secret).put(upload("quoted", ""));
        JsonNode sent = JSON.readTree(receiver.seen().getLast().body());
        assertThat(sent.path("alt_text").asText()).isEqualTo("A \"quoted\" heron\nat dawn");
    }

    @Test
    void formBodyPutsTheFileWhereTheTemplateSays() throws Exception {
        WebhookDestination d = destination(Map.of("url", receiver.uri("/form").toString(), "body", "form",
                "template", "files=@file\nalt_text={{alt_text}}\npublic_id={{source_asset_id}}"), secret);
        RemoteRef ref = d.put(upload("formed", ""));
        assertThat(receiver.asset(ref.id()).orElseThrow().bytes()).isEqualTo(TestImages.png(1));
        String sent = new String(receiver.seen().getLast().body(), StandardCharsets.UTF_8);
        assertThat(sent).contains("name=\"files\"; filename=\"formed.png\"").contains("name=\"public_id\"");
        assertThat(receiver.asset(ref.id()).orElseThrow().metadata().altText()).isEqualTo("A \"quoted\" heron\nat dawn");
    }

    @Test
    void anAnswerWithoutAssetIdIsAClearErrorAndNothingIsRecorded() throws Exception {
        WebhookDestination d = destination(Map.of("url", receiver.uri("/hook").toString(), "asset_id_path", "data.id"), secret);
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> d.put(upload("noid", "")));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("noid.png").contains("no asset id at 'data.id'").contains("asset_id");
    }

    @Test
    void testConnectionReturnsTheWholeAnswer() throws Exception {
        ConnectionTest ok = destination(Map.of("url", receiver.uri("/hook").toString()), secret).testConnection();
        assertThat(ok.ok()).isTrue();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("asset_id");
        assertThat(ok.headers()).containsIgnoringCase("content-type: application/json");
        assertThat(ok.mapped()).isPresent();
        assertThat(receiver.asset(ok.mapped().get().id()).orElseThrow().bytes()).hasSize(70);

        ConnectionTest refused = destination(Map.of("url", receiver.uri("/hook").toString()),
                WebhookSigner.generateSecret()).testConnection();
        assertThat(refused.ok()).isFalse();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("bad signature");
        assertThat(refused.request()).startsWith("POST http://127.0.0.1:");

        // what `destinations test` and the app's Test button show
        assertThat(destination(Map.of("url", receiver.uri("/hook").toString()), secret).checkConnection())
                .anySatisfy(l -> assertThat(l).startsWith("test upload: POST http://127.0.0.1:").endsWith("HTTP 200"))
                .anySatisfy(l -> assertThat(l).startsWith("mapped asset id "));
    }

    @Test
    void everyPresetIsUsableOnceItsOwnValuesAreFilledIn() throws Exception {
        assertThat(WebhookPresets.all()).hasSize(12);
        for (WebhookPreset p : WebhookPresets.all()) {
            assertThat(p.docUrl()).as(p.id() + " doc").startsWith("https://");
            LumasyncException unfilled = catchThrowableOfType(LumasyncException.class, () -> WebhookSettings.from(
                    new AdapterConfig("x", "webhook", Map.of("preset", p.id()))));
            if (unfilled != null) {
                assertThat(unfilled.getMessage()).as(p.id()).contains("replace <");
            }
            Map<String, String> filled = new HashMap<>(Map.of("preset", p.id(),
                    "url", p.url().replaceAll("<[a-z_]+>", "x").replace("https://x/", "https://x.example/")
                            .replace("x://", "https://")));
            if (filled.get("url").equals("x")) {
                filled.put("url", "https://bucket.example/presigned?X-Amz-Signature=abc");
            }
            filled.put("template", p.template().replaceAll("<[a-z_]+>", "x"));
            filled.put("asset_url_path", p.assetUrlPath().replaceAll("<[a-z_]+>", "x"));
            WebhookSettings s = WebhookSettings.from(new AdapterConfig("x", "webhook", filled));
            assertThat(s.method()).as(p.id()).isIn("POST", "PUT");
            assertThat(s.body().name().toLowerCase()).as(p.id()).isEqualTo(p.body());
            assertThat(s.headers()).as(p.id()).isEqualTo(p.headers());
        }
    }

    @Test
    void unknownPlaceholdersAndPresetsAreRefusedByName() {
        LumasyncException bad = catchThrowableOfType(LumasyncException.class, () -> WebhookSettings.from(
                new AdapterConfig("x", "webhook", Map.of("url", "https://e.example/{{file_name}}"))));
        assertThat(bad.getMessage()).contains("[file_name]");
        LumasyncException preset = catchThrowableOfType(LumasyncException.class, () -> WebhookSettings.from(
                new AdapterConfig("x", "webhook", Map.of("preset", "flickr"))));
        assertThat(preset.getMessage()).contains("'flickr'");
        LumasyncException cloud = catchThrowableOfType(LumasyncException.class, () -> WebhookSettings.from(
                new AdapterConfig("x", "webhook", Map.of("preset", "cloudinary"))));
        assertThat(cloud.getMessage()).contains("<cloud_name>").contains("<unsigned_preset>");
    }
}
