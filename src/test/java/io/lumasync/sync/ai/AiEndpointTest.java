package io.lumasync.sync.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OpenAI-compatible client against the OpenRouter fake: request shapes of chat completions with image input
 * and of image generation, the model list's prices, and each documented error in plain words
 * (openrouter.ai/docs/api/reference/errors-and-debugging).
 */
class AiEndpointTest {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
    private FakeOpenRouter fake;
    private AiEndpoint ai;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeOpenRouter();
        ai = new AiEndpoint(Http.newClient(), fake.base(), Optional.of(FakeOpenRouter.KEY));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void readsTheModelListWithPricesAndModalities() throws Exception {
        List<AiEndpoint.Model> models = ai.models();
        AiEndpoint.Model vision = models.stream().filter(m -> m.id().equals(FakeOpenRouter.VISION)).findFirst()
                .orElseThrow();
        assertThat(vision.promptPerToken()).isEqualTo(FakeOpenRouter.PROMPT_PRICE);
        assertThat(vision.completionPerToken()).isEqualTo(FakeOpenRouter.COMPLETION_PRICE);
        assertThat(vision.perImage()).isEqualTo(0.001238);
        assertThat(vision.seesImages()).isTrue();
        assertThat(vision.makesImages()).isFalse();
        assertThat(models.stream().filter(AiEndpoint.Model::makesImages).map(AiEndpoint.Model::id))
                .containsExactly(FakeOpenRouter.IMAGE);
    }

    @Test
    void describeSendsTextAndAnInlineImageWithTheBearerKey() throws Exception {
        AiEndpoint.Answer a = ai.describe(FakeOpenRouter.VISION, "Write alt text.", JPEG, "image/jpeg", 120);

        assertThat(a.text()).isEqualTo("A tram climbs a narrow street at dusk");
        assertThat(a.finishReason()).isEqualTo("stop");
        assertThat(a.usage().promptTokens()).isPositive();
        JsonNode sent = fake.requests().getLast();
        assertThat(sent.path("model").asText()).isEqualTo(FakeOpenRouter.VISION);
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(120);
        JsonNode parts = sent.path("messages").path(0).path("content");
        assertThat(sent.path("messages").path(0).path("role").asText()).isEqualTo("user");
        assertThat(parts.path(0).path("type").asText()).isEqualTo("text");
        assertThat(parts.path(1).path("image_url").path("url").asText()).startsWith("data:image/jpeg;base64,/9j/");
        assertThat(fake.headers().getLast().get("Authorization")).containsExactly("Bearer " + FakeOpenRouter.KEY);
    }

    @Test
    void aLocalServerTakesNoKeyAndGetsNone() throws Exception {
        AiEndpoint local = new AiEndpoint(Http.newClient(), fake.base(), Optional.empty());
        assertThatThrownBy(() -> local.describe(FakeOpenRouter.VISION, "x", JPEG, "image/jpeg", 10))
                .isInstanceOf(LumasyncException.class).hasMessageContaining("did not accept the API key");
        assertThat(fake.headers().getLast()).doesNotContainKey("Authorization");
    }

    @Test
    void theKeyIsNeverSentOverPlainHttpToAnotherMachine() {
        assertThatThrownBy(() -> new AiEndpoint(Http.newClient(), URI.create("http://ai.example.com/v1"),
                Optional.of(FakeOpenRouter.KEY))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unencrypted").hasMessageNotContaining(FakeOpenRouter.KEY);
        assertThatThrownBy(() -> new AiEndpoint(Http.newClient(), URI.create("file:///etc/passwd"), Optional.empty()))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void noCreditIsSaidPlainlyAndNotRetried() {
        fake.setCredits(0);
        assertThatThrownBy(() -> ai.describe(FakeOpenRouter.VISION, "x", JPEG, "image/jpeg", 10))
                .isInstanceOfSatisfying(LumasyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
                    assertThat(e.getMessage()).contains("no credit left");
                });
    }

    @Test
    void moderationRefusalNamesTheReason() {
        assertThatThrownBy(() -> ai.describe(FakeOpenRouter.VISION, "something forbidden", JPEG, "image/jpeg", 10))
                .isInstanceOfSatisfying(LumasyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
                    assertThat(e.getMessage()).contains("refused by moderation").contains("violence");
                });
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        fake.rateLimitNext(1);
        assertThatThrownBy(() -> ai.describe(FakeOpenRouter.VISION, "x", JPEG, "image/jpeg", 10))
                .isInstanceOfSatisfying(LumasyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.RETRY);
                    assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(1));
                });
    }

    @Test
    void unknownOrDownModelsAreNamedAsSuch() {
        assertThatThrownBy(() -> ai.describe("acme/none", "x", JPEG, "image/jpeg", 10))
                .hasMessageContaining("does not offer that model");
        fake.takeDown(FakeOpenRouter.VISION);
        assertThatThrownBy(() -> ai.describe(FakeOpenRouter.VISION, "x", JPEG, "image/jpeg", 10))
                .isInstanceOfSatisfying(LumasyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.RETRY);
                    assertThat(e.getMessage()).contains("model is unavailable");
                });
    }

    @Test
    void generateAsksForImageOutputWithTheAspectRatio() throws Exception {
        AiEndpoint.Picture p = ai.generate(FakeOpenRouter.IMAGE, "a lighthouse", "16:9", Optional.empty(), "");

        assertThat(p.mimeType()).isEqualTo("image/png");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(p.bytes()));
        assertThat(img.getWidth()).isEqualTo(64);
        assertThat(img.getHeight()).isEqualTo(36);
        JsonNode sent = fake.requests().getLast();
        assertThat(sent.path("modalities").toString()).isEqualTo("[\"image\",\"text\"]");
        assertThat(sent.path("image_config").path("aspect_ratio").asText()).isEqualTo("16:9");
        assertThat(p.usage().costUsd()).isEmpty();   // usage accounting is asked for on openrouter.ai only
    }

    @Test
    void generateWithAReferenceImageSendsIt() throws Exception {
        ai.generate(FakeOpenRouter.IMAGE, "the same lighthouse at night", "1:1", Optional.of(JPEG), "image/jpeg");
        JsonNode parts = fake.requests().getLast().path("messages").path(0).path("content");
        assertThat(parts.path(1).path("image_url").path("url").asText()).startsWith("data:image/jpeg;base64,");
    }

    @Test
    void aModelThatMakesNoImagesIsSaidSo() {
        assertThatThrownBy(() -> ai.generate(FakeOpenRouter.VISION, "a lighthouse", "1:1", Optional.empty(), ""))
                .isInstanceOf(LumasyncException.class).hasMessageContaining("this model cannot do this");
    }
}
