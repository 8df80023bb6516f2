package io.lumasync.sync.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.source.NpmConformance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the OpenRouter fake honest: the official {@code openai} npm client (which OpenRouter's quickstart names as a
 * drop-in) lists models, sends a chat completion with an inline image, asks for an image, and reads the documented
 * errors from the fake exactly as Lumasync's own client does.
 */
class OpenAiClientConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeOpenRouter fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeOpenRouter();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private JsonNode run(String... args) throws Exception {
        Path npm = NpmConformance.install("openai");
        String[] all = new String[args.length + 2];
        all[0] = fake.base().toString();
        all[1] = FakeOpenRouter.KEY;
        System.arraycopy(args, 0, all, 2, args.length);
        return JSON.readTree(NpmConformance.node(npm, "openai-client.mjs", all));
    }

    @Test
    void theOfficialClientReadsTheFakesAnswers() throws Exception {
        JsonNode out = run("happy");

        assertThat(out.path("models").findValuesAsText("id")).contains(FakeOpenRouter.VISION, FakeOpenRouter.IMAGE);
        assertThat(out.path("models").path(0).path("prompt").asText()).isEqualTo("0.0000003");
        assertThat(out.path("alt").asText()).isEqualTo("A tram climbs a narrow street at dusk");
        assertThat(out.path("finish").asText()).isEqualTo("stop");
        assertThat(out.path("usage").path("prompt_tokens").asLong()).isPositive();
        assertThat(out.path("usage").path("cost").asDouble()).isPositive();
        assertThat(out.path("image").asText()).isEqualTo("data:image/png;base64,");
        assertThat(fake.largestImageBytes()).as("the client's inline image reached the fake").isPositive();
    }

    @Test
    void theOfficialClientSeesTheDocumentedErrors() throws Exception {
        JsonNode unknown = run("call", "acme/none", "hi").path("result");
        assertThat(unknown.path("status").asInt()).isEqualTo(400);
        assertThat(unknown.path("message").asText()).contains("not a valid model ID");

        JsonNode flagged = run("call", FakeOpenRouter.VISION, "something forbidden").path("result");
        assertThat(flagged.path("status").asInt()).isEqualTo(403);
        assertThat(flagged.path("reasons").path(0).asText()).isEqualTo("violence");

        fake.rateLimitNext(1);
        JsonNode limited = run("call", FakeOpenRouter.VISION, "hi").path("result");
        assertThat(limited.path("status").asInt()).isEqualTo(429);
        assertThat(limited.path("retryAfter").asText()).isEqualTo("1");

        fake.setCredits(0);
        JsonNode broke = run("call", FakeOpenRouter.VISION, "hi").path("result");
        assertThat(broke.path("status").asInt()).isEqualTo(402);
        assertThat(broke.path("code").asInt()).isEqualTo(402);
    }
}
