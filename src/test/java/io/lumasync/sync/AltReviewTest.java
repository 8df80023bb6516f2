package io.lumasync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.Approval;
import io.lumasync.store.GroupRules;
import io.lumasync.store.JobState;
import io.lumasync.sync.ai.FakeOpenRouter;
import io.lumasync.sync.alt.AltMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Alt text reviewed before the first publish, on a real engine: a source sync holds new images with their drafted
 * text (basic and AI through the OpenRouter fake), approving publishes them with that text or the one written
 * instead, a re-sync sends nothing again, and a skipped image stays unpublished. The destination is a webhook whose
 * receiver records the {@code alt_text} of every upload.
 */
class AltReviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private HttpServer receiver;
    private final Map<String, String> altByName = new ConcurrentHashMap<>();
    private final AtomicInteger uploads = new AtomicInteger();
    private SyncService sync;
    private Path photos;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            try (ex) {
                JsonNode body = JSON.readTree(ex.getRequestBody());
                String name = body.path("filename").asText("?");
                uploads.incrementAndGet();
                altByName.put(name, body.findValue("alt_text").asText());
                byte[] answer = ("{\"asset_id\":\"" + name + "\",\"asset_url\":\"https://cdn.example/" + name + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, answer.length);
                ex.getResponseBody().write(answer);
            }
        });
        receiver.start();
        photos = Files.createDirectories(dir.resolve("photos"));
        sync = SyncService.open(dir.resolve("data"), new InMemorySecretVault(), new PassThroughPipeline(),
                new SyncService.Options(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2),
                        Duration.ofSeconds(1)), 1, 1, false));
        sync.addDestination("hook", "webhook", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook", "secret", "whsec_YW4gb2xkIHNpZ25pbmcgc2VjcmV0IDMyIGJ5dGVzISE="));
        sync.addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()), List.of("hook")),
                Map.of("path", photos.toString()));
        sync.ai().setAltMode("hook", AltMode.BASIC);
        sync.altReview().setEnabled("hook", true);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        sync.close();
    }

    private RunReport syncAll() throws Exception {
        return sync.syncSources(List.of(), false, false, SyncListener.NONE);
    }

    @Test
    void aNewImageWaitsWithItsDraftAndApprovingPublishesItOnce() throws Exception {
        Files.write(photos.resolve("lisbon-tram-at-dusk.png"), TinyPng.solid(8, 8, 10));

        RunReport first = syncAll();

        assertThat(uploads).as("nothing is sent before the text is approved").hasValue(0);
        assertThat(first.results()).singleElement().satisfies(p -> {
            assertThat(Governance.waiting(p)).isTrue();
            assertThat(p.message()).contains("\"Lisbon tram at dusk\"");
        });
        List<AltReview.Pending> pending = sync.altReview().pending();
        assertThat(pending).singleElement().satisfies(p -> {
            assertThat(p.draft()).isEqualTo("Lisbon tram at dusk");
            assertThat(p.destination()).isEqualTo("hook");
            assertThat(p.localPath()).isPresent();
        });
        assertThat(syncAll().results()).as("a second sync keeps one waiting item")
                .allMatch(Governance::waiting);
        assertThat(sync.altReview().pending()).hasSize(1);

        RunReport approved = sync.altReview().approve(List.of(pending.getFirst().id()), Map.of(), SyncListener.NONE);

        assertThat(approved.results()).anyMatch(p -> p.state() == JobState.DONE);
        assertThat(altByName).containsEntry("lisbon-tram-at-dusk.png", "Lisbon tram at dusk");
        assertThat(sync.altReview().pending()).isEmpty();
        assertThat(sync.ownAltText("photos", "lisbon-tram-at-dusk.png")).as("an unedited draft is not hand text")
                .isEmpty();
        RunReport again = syncAll();
        assertThat(again.results()).noneMatch(Governance::waiting);
        assertThat(uploads).as("the re-sync sends nothing again").hasValue(1);
    }

    @Test
    void aTextWrittenAtApprovalIsPublishedAndKeptAsTheImagesOwn() throws Exception {
        Files.write(photos.resolve("IMG_2034.png"), TinyPng.solid(8, 8, 20));
        syncAll();
        AltReview.Pending p = sync.altReview().pending().getFirst();
        assertThat(p.draft()).as("a camera name drafts nothing").isEmpty();

        sync.altReview().approve(List.of(p.id()), Map.of(p.id(), "  A heron lands on the quay "), SyncListener.NONE);

        assertThat(altByName).containsEntry("IMG_2034.png", "A heron lands on the quay");
        assertThat(sync.ownAltText("photos", "IMG_2034.png")).contains("A heron lands on the quay");
        assertThat(sync.altTexts(Optional.of("hook"), false)).singleElement().satisfies(e -> {
            assertThat(e.altText()).isEqualTo("A heron lands on the quay");
            assertThat(e.origin()).isEqualTo("manual");
        });
        syncAll();
        assertThat(uploads).as("the hand text matches what was sent: no update").hasValue(1);
    }

    @Test
    void anAiDraftIsMadeOnceAndPublishedOnApproval() throws Exception {
        try (FakeOpenRouter ai = new FakeOpenRouter()) {
            ai.connect(sync, FakeOpenRouter.VISION, FakeOpenRouter.IMAGE);
            ai.describeWith(img -> "A grey square on a white wall.");
            sync.ai().setAltMode("hook", AltMode.AI);
            Files.write(photos.resolve("wall.png"), TinyPng.solid(8, 8, 90));

            syncAll();
            syncAll();

            assertThat(ai.completions()).as("the draft is cached by content").isEqualTo(1);
            AltReview.Pending p = sync.altReview().pending().getFirst();
            assertThat(p.draft()).isEqualTo("A grey square on a white wall.");
            sync.altReview().approve(List.of(p.id()), Map.of(), SyncListener.NONE);
            assertThat(altByName).containsEntry("wall.png", "A grey square on a white wall.");
        }
    }

    @Test
    void aSkippedImageStaysUnpublishedAndHandTextNeedsNoReview() throws Exception {
        Files.write(photos.resolve("skip-me.png"), TinyPng.solid(8, 8, 30));
        syncAll();
        long id = sync.altReview().pending().getFirst().id();

        sync.altReview().skip(List.of(id));
        RunReport again = syncAll();

        assertThat(uploads).hasValue(0);
        assertThat(sync.altReview().pending()).isEmpty();
        assertThat(again.results()).singleElement().satisfies(r -> assertThat(r.message()).contains("skipped"));

        sync.altReview().setEnabled("hook", false);
        Files.write(photos.resolve("straight-through.png"), TinyPng.solid(8, 8, 40));
        syncAll();
        assertThat(altByName).containsEntry("straight-through.png", "Straight through");
    }

    @Test
    void aGroupsApprovalIsTheOneReviewAndCarriesTheText() throws Exception {
        sync.governance().setGroup("Clients", List.of("hook"), new GroupRules(0, 0, 0, List.of(), List.of(), false,
                true, true, ""));
        Files.write(photos.resolve("market-stall.png"), TinyPng.solid(8, 8, 60));

        syncAll();

        assertThat(sync.approvals().list(Optional.of(Approval.WAITING))).singleElement()
                .satisfies(a -> assertThat(a.group()).isEqualTo("Clients"));
        AltReview.Pending p = sync.altReview().pending().getFirst();
        assertThat(p.draft()).isEqualTo("Market stall");
        sync.altReview().approve(List.of(p.id()), Map.of(p.id(), "Lemons piled on a market stall"),
                SyncListener.NONE);
        assertThat(altByName).containsEntry("market-stall.png", "Lemons piled on a market stall");
        assertThat(sync.approvals().list(Optional.of(Approval.WAITING))).isEmpty();
    }

    @Test
    void aDestinationWithoutALanguageWritesInTheDefaultOneAndTheAppsSettingsAreChecked() throws Exception {
        assertThat(sync.ai().language("hook")).isEqualTo("en");
        sync.saveAiSetup(new AiSetup("http://127.0.0.1:11434/v1", "llava", "de", 2.5, 0, false));
        assertThat(sync.ai().language("hook")).isEqualTo("de");
        sync.ai().setLanguage("hook", "pt-PT");
        assertThat(sync.ai().language("hook")).as("the destination's own wins").isEqualTo("pt-PT");
        AiSetup saved = sync.aiSetup();
        assertThat(saved).isEqualTo(new AiSetup("http://127.0.0.1:11434/v1", "llava", "de", 2.5, 0, false));

        assertThatThrownBy(() -> sync.saveAiSetup(new AiSetup("ollama", "llava", "de", 1, 0, false)))
                .hasMessageContaining("is not a web address");
        assertThatThrownBy(() -> sync.saveAiSetup(new AiSetup(saved.endpoint(), " ", "de", 1, 0, false)))
                .hasMessageContaining("Name the model");
        assertThatThrownBy(() -> sync.saveAiSetup(new AiSetup(saved.endpoint(), "llava", "!!", 1, 0, false)))
                .hasMessageContaining("not a language tag");
        assertThatThrownBy(() -> sync.saveAiSetup(new AiSetup("http://127.0.0.1:1234/v1", "other", "de", -1, 0,
                false)))
                .hasMessageContaining("between 0 and 100000");
        assertThat(sync.aiSetup()).as("nothing refused was kept").isEqualTo(saved);
        assertThat(sync.altTextSetup("hook")).isEqualTo(new AltTextSetup(AltMode.BASIC, true));
    }

    @Test
    void refusesAnEmptyApprovedTextAndAnUnknownDestination() throws Exception {
        Files.write(photos.resolve("empty.png"), TinyPng.solid(8, 8, 50));
        syncAll();
        long id = sync.altReview().pending().getFirst().id();

        assertThatThrownBy(() -> sync.altReview().approve(List.of(id), Map.of(id, "  "), SyncListener.NONE))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("cannot be empty");
        assertThat(sync.altReview().pending()).as("still waiting").hasSize(1);
        assertThatThrownBy(() -> sync.altReview().setEnabled("nowhere", true))
                .hasMessageContaining("no destination called 'nowhere'");
        RunReport r = sync.altReview().approve(List.of(id, 999L), Map.of(), SyncListener.NONE);
        assertThat(r.problems()).anyMatch(m -> m.contains("999"));
        assertThat(uploads).hasValue(1);
    }
}
