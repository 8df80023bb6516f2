package io.lumasync.destination.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Destination;
import io.lumasync.destination.Upload;
import io.lumasync.http.Http;
import io.lumasync.testing.TestImages;
import io.lumasync.http.signing.WebhookSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The second signing scheme, save-time checks, header and JSON escaping, and signed requests never redirected. */
class WebhookHardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THEIR_SECRET = "the secret my receiver has had for years";
    private final WebhookDestinationType type = new WebhookDestinationType();

    @TempDir
    Path dir;

    @Test
    void hexHmacSignaturesVerifyInAReceiverWithAnySecret() throws Exception {
        try (HexHmacReceiver receiver = new HexHmacReceiver(THEIR_SECRET, "X-Signature-256", "X-Timestamp")) {
            Destination d = create(Map.of("url", receiver.uri("/in").toString(), "signing", "hmac-sha256-hex"),
                    THEIR_SECRET);
            RemoteRef ref = d.put(upload("heron", "A heron"));
            assertThat(receiver.verdicts).containsExactly("ok");
            assertThat(ref.id()).isEqualTo("h1");
            d.updateMetadata(ref, AssetMetadata.EMPTY.withAltText("New alt"));
            assertThat(receiver.verdicts).containsExactly("ok", "ok");
        }
    }

    @Test
    void theSignatureAndTimestampHeadersAreConfigurable() throws Exception {
        try (HexHmacReceiver receiver = new HexHmacReceiver(THEIR_SECRET, "X-Hub-Signature-256", "X-Sent-At")) {
            Map<String, String> cfg = Map.of("url", receiver.uri("/in").toString(), "signing", "hmac-sha256-hex",
                    "signature_header", "X-Hub-Signature-256", "timestamp_header", "X-Sent-At");
            Destination d = create(cfg, THEIR_SECRET);
            d.put(upload("heron", ""));
            assertThat(receiver.verdicts).containsExactly("ok");
            assertThat(d.capabilities().notes()).anyMatch(n -> n.contains("hex HMAC-SHA256") && n.contains("X-Hub-Signature-256"));
            assertThatThrownBy(() -> create(cfg, "another secret").put(upload("heron", "")))
                    .isInstanceOf(LumasyncException.class).hasMessageContaining("did not accept");
        }
    }

    @Test
    void standardWebhooksStaysTheDefaultAndWantsAWhsecSecretWhenSaved() throws Exception {
        AdapterConfig cfg = config(Map.of("url", "https://hooks.example.com/in"));
        assertThatThrownBy(() -> type.validate(cfg, Map.of("secret", THEIR_SECRET)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("whsec_")
                .hasMessageContaining("hmac-sha256-hex").hasMessageNotContaining(THEIR_SECRET);
        assertThatCode(() -> type.validate(cfg, Map.of("secret", WebhookSigner.generateSecret())))
                .doesNotThrowAnyException();
        assertThatCode(() -> type.validate(config(Map.of("url", "https://hooks.example.com/in",
                "signing", "hmac-sha256-hex")), Map.of("secret", THEIR_SECRET))).doesNotThrowAnyException();
    }

    @Test
    void fieldsThatCouldNeverWorkAreRefusedWhenSaved() {
        assertThatThrownBy(() -> type.validate(config(Map.of("url", "https://h.example/in",
                "headers", "Bad Name: x")), Map.of())).hasMessageContaining("Bad Name");
        assertThatThrownBy(() -> type.validate(config(Map.of("url", "https://h.example/in",
                "signing", "hmac-sha256-hex", "signature_header", "X Sig")), Map.of())).hasMessageContaining("X Sig");
        assertThatThrownBy(() -> type.validate(config(Map.of("url", "https://h.example/in",
                "signing", "md5")), Map.of())).hasMessageContaining("md5");
        assertThatThrownBy(() -> type.validate(config(Map.of("url", "https:///nohost")), Map.of()))
                .hasMessageContaining("server name");
    }

    @Test
    void secretsGoOverPlainHttpOnlyToThisComputerUnlessAllowed() {
        assertThatThrownBy(() -> type.validate(config(Map.of("url", "http://hooks.example.com/in")), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Allow plain http");
        assertThatCode(() -> type.validate(config(Map.of("url", "http://hooks.example.com/in",
                "allow_plain_http", "true")), Map.of())).doesNotThrowAnyException();
        assertThatCode(() -> type.validate(config(Map.of("url", "http://localhost:8080/in")), Map.of()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> create(Map.of("url", "http://hooks.example.com/in"), WebhookSigner.generateSecret()))
                .as("a setting saved before the rule is refused when used").hasMessageContaining("http://");
    }

    @Test
    void headerValuesLoseControlCharactersAndJsonFormFieldsAreEscaped() throws Exception {
        String secret = WebhookSigner.generateSecret();
        try (WebhookReceiver receiver = new WebhookReceiver(secret, 1 << 20)) {
            Map<String, String> cfg = new HashMap<>(Map.of("url", receiver.uri("/form").toString(), "body", "form",
                    "headers", "X-Alt: {{alt_text}}",
                    "template", "file=@file\nalt_text={{alt_text}}\nmeta={\"alt\":\"{{alt_text}}\",\"n\":1}"));
            String hostile = "one\u2028X-Injected: 1\u2029two\u000bthree\u000cfour\u0000five\r\nX-Evil: 2 \"q\"";
            create(cfg, secret).put(upload("heron", hostile));
            WebhookReceiver.Seen req = receiver.seen().getLast();
            String header = req.headers().get("X-alt").getFirst();
            assertThat(header).doesNotContain("\u2028", "\u2029", "\u000b", "\u000c", "\u0000", "\r", "\n");
            assertThat(req.headers()).doesNotContainKeys("X-injected", "X-evil");
            String body = new String(req.body(), java.nio.charset.StandardCharsets.UTF_8);
            String meta = body.replaceAll("(?s).*name=\"meta\"\r\n\r\n(.*?)\r\n--.*", "$1");
            assertThat(JSON.readTree(meta).path("alt").asText()).isEqualTo(hostile);
            assertThat(JSON.readTree(meta).path("n").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aSignedRequestIsNotRedirected() throws Exception {
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Location", "/collect");
            ex.sendResponseHeaders(307, -1);
            ex.close();
        });
        server.createContext("/collect", ex -> {
            elsewhere.add(ex.getRequestHeaders().getFirst("webhook-signature"));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            assertThatThrownBy(() -> create(Map.of("url", url), WebhookSigner.generateSecret()).put(upload("a", "")))
                    .hasMessageContaining("redirect");
        } finally {
            server.stop(0);
        }
        assertThat(elsewhere).isEmpty();
    }

    private Destination create(Map<String, String> settings, String secret) throws LumasyncException {
        VaultSecrets secrets = VaultSecrets.forSource(new InMemorySecretVault(), "hook");
        secrets.put("secret", secret);
        return type.create(new AdapterContext(config(settings), secrets, Http.newClient(), dir));
    }

    private static AdapterConfig config(Map<String, String> settings) {
        return new AdapterConfig("hook", WebhookDestinationType.ID, settings);
    }

    private static Upload upload(String name, String alt) {
        return new Upload(TestImages.encoded(name, ImageFormat.PNG, TestImages.png(1)),
                new AssetMetadata(alt, "", "", ""), "sync-" + name, "Photos", "src-" + name, "");
    }
}
