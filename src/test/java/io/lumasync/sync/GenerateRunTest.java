package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.Generations.Generation;
import io.lumasync.store.JobAction;
import io.lumasync.store.JobState;
import io.lumasync.store.SyncMapEntry;
import io.lumasync.sync.ai.FakeOpenRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AI-generated images as versions: generated through the OpenRouter fake, published to a folder destination,
 * regenerated (replaced in place), then rolled back (the first version back at the same place).
 */
class GenerateRunTest {
    @TempDir
    Path dir;
    private FakeOpenRouter ai;
    private SyncService sync;
    private Path out;

    @BeforeEach
    void start() throws Exception {
        ai = new FakeOpenRouter();
        out = Files.createDirectories(dir.resolve("web"));
        sync = SyncService.open(dir.resolve("data"), new InMemorySecretVault(), new PassThroughPipeline(),
                new SyncService.Options(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5),
                        Duration.ofSeconds(2)), 1, 1, false));
        sync.addDestination("web", "folder", Map.of("path", out.toString()));
        ai.connect(sync, FakeOpenRouter.VISION, FakeOpenRouter.IMAGE);
    }

    @AfterEach
    void stop() {
        sync.close();
        ai.close();
    }

    private GenerateRequest request(String prompt, List<String> to) {
        return new GenerateRequest("Lighthouse at Dawn", prompt, "", "16:9", Optional.empty(), to);
    }

    @Test
    void generateRegenerateAndRollBackInPlace() throws Exception {
        GenerationResult first = sync.generate(request("a lighthouse at dawn", List.of("web")), SyncListener.NONE);
        assertThat(first.generation().asset()).isEqualTo("lighthouse-at-dawn");
        assertThat(first.published()).get().satisfies(r -> assertThat(r.results()).singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(JobState.DONE)));
        SyncMapEntry published = sync.syncMap(Optional.of("web")).getFirst();
        Path atDestination = out.resolve("lighthouse-at-dawn.png");
        assertThat(atDestination).exists();
        byte[] v1 = Files.readAllBytes(atDestination);

        // Regenerating under the same name, with no destination given, goes where the asset is published.
        GenerationResult second = sync.generate(request("a lighthouse at dawn, stormy sea", List.of()),
                SyncListener.NONE);
        assertThat(second.generation().version()).isEqualTo(2);
        assertThat(second.published()).get().satisfies(r -> assertThat(r.results()).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo(JobAction.REPLACE);
            assertThat(p.state()).isEqualTo(JobState.DONE);
        }));
        byte[] v2 = Files.readAllBytes(atDestination);
        assertThat(v2).isNotEqualTo(v1);

        GenerationResult back = sync.rollbackGeneration("lighthouse-at-dawn", 1, SyncListener.NONE);

        assertThat(back.generation().version()).isEqualTo(1);
        assertThat(Files.readAllBytes(atDestination)).as("the first version, at the same place").isEqualTo(v1);
        assertThat(sync.syncMap(Optional.of("web"))).singleElement()
                .satisfies(e -> assertThat(e.remote()).isEqualTo(published.remote()));
        List<Generation> history = sync.generationHistory("lighthouse-at-dawn");
        assertThat(history).extracting(Generation::version).containsExactly(1, 2);
        assertThat(history).extracting(Generation::current).containsExactly(true, false);
        assertThat(history.getLast().prompt()).isEqualTo("a lighthouse at dawn, stormy sea");
        assertThat(history.getFirst().model()).isEqualTo(FakeOpenRouter.IMAGE);
        assertThat(history.getFirst().aspectRatio()).isEqualTo("16:9");
        assertThat(sync.generatedFile(history.getFirst())).exists();
        assertThat(ai.generations()).isEqualTo(2);
        assertThat(ai.requests().getFirst().path("image_config").path("aspect_ratio").asText()).isEqualTo("16:9");
    }

    @Test
    void thePublishedFileIsNamedByItsPromptAndSaysHowItWasMade() throws Exception {
        Path named = Files.createDirectories(dir.resolve("named"));
        sync.addDestination("named", "folder", Map.of("path", named.toString(),
                "name_template", "{prompt_short}.{ext}"));
        String prompt = "a lighthouse at dawn over a stormy sea";

        sync.generate(new GenerateRequest("beacon", prompt, "", "1:1", Optional.empty(), List.of("named")),
                SyncListener.NONE);

        Path published = named.resolve("a-lighthouse-at-dawn-over-a.png");
        assertThat(published).as("the first words of the prompt").exists();
        io.lumasync.image.EmbeddedText xmp = io.lumasync.image.EmbeddedText.read(published);
        assertThat(xmp.caption()).as("dc:description in the file's XMP").isEqualTo(prompt);
        assertThat(new String(Files.readAllBytes(published), java.nio.charset.StandardCharsets.UTF_8))
                .contains("CreatorTool=\"" + FakeOpenRouter.IMAGE + "\"");
    }

    @Test
    void noCreditIsSaidPlainlyAndKeepsNothing() {
        ai.setCredits(0);
        assertThatThrownBy(() -> sync.generate(request("a lighthouse", List.of("web")), SyncListener.NONE))
                .isInstanceOf(LumasyncException.class).hasMessageContaining("no credit left");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void aRefusedPromptIsSaidPlainly() {
        assertThatThrownBy(() -> sync.generate(request("something forbidden", List.of("web")), SyncListener.NONE))
                .hasMessageContaining("refused by moderation");
    }

    @Test
    void aModelThatMakesNoImagesIsRefusedBeforeAnyCost() {
        GenerateRequest r = new GenerateRequest("x", "a lighthouse", FakeOpenRouter.VISION, "1:1", Optional.empty(),
                List.of());
        assertThatThrownBy(() -> sync.generate(r, SyncListener.NONE)).hasMessageContaining("does not make images");
        assertThat(ai.generations()).isZero();
    }

    @Test
    void rollingBackToAVersionThatDoesNotExistIsSaidSo() {
        assertThatThrownBy(() -> sync.rollbackGeneration("nothing", 3, SyncListener.NONE))
                .hasMessageContaining("has no version 3");
    }

    @Test
    void anUnpublishedVersionWaitsForPublishAndNeedsADestination() throws Exception {
        GenerationResult preview = sync.generateUnpublished(request("a lighthouse at dawn", List.of()));
        assertThat(preview.published()).isEmpty();
        assertThat(out).as("nothing leaves before publishing").isEmptyDirectory();
        assertThatThrownBy(() -> sync.publishGeneration("lighthouse-at-dawn", List.of(), SyncListener.NONE))
                .hasMessageContaining("it has no destination yet");

        GenerationResult sent = sync.publishGeneration("lighthouse-at-dawn", List.of("web"), SyncListener.NONE);

        assertThat(sent.published()).get().satisfies(r -> assertThat(r.results()).singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(JobState.DONE)));
        assertThat(out.resolve("lighthouse-at-dawn.png")).exists();
        assertThat(sync.generationHistory("lighthouse-at-dawn")).singleElement()
                .satisfies(g -> assertThat(g.destinations()).isEqualTo("web"));
        assertThatThrownBy(() -> sync.publishGeneration("nothing", List.of("web"), SyncListener.NONE))
                .hasMessageContaining("no generated image 'nothing'");
    }
}
