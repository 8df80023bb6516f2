package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.JobState;
import io.lumasync.sync.alt.AltMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Suggestions on a real engine: each finding with its evidence, acting through the engine, dismissals kept. */
class SuggestionsTest {
    @TempDir
    Path dir;
    private SyncService sync;
    private Path photos;

    @BeforeEach
    void start() throws Exception {
        photos = Files.createDirectories(dir.resolve("photos"));
        Path web = Files.createDirectories(dir.resolve("web"));
        sync = SyncService.open(dir.resolve("data"), new InMemorySecretVault(), new PassThroughPipeline(),
                new SyncService.Options(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2),
                        Duration.ofSeconds(1)), 1, 1, false));
        sync.addDestination("web", "folder", Map.of("path", web.toString()));
    }

    @AfterEach
    void stop() {
        sync.close();
    }

    private List<Suggestion> of(Suggestion.Kind kind) throws Exception {
        return sync.suggestions().stream().filter(s -> s.kind() == kind).toList();
    }

    @Test
    void aChangedSourceImageIsSuggestedAndActingSyncsIt() throws Exception {
        Path f = Files.write(photos.resolve("harbour.png"), TinyPng.solid(8, 8, 10));
        sync.addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()), List.of("web")),
                Map.of("path", photos.toString()));
        sync.syncSources(List.of(), false, false, SyncListener.NONE);
        assertThat(of(Suggestion.Kind.SOURCE_CHANGED)).isEmpty();

        Files.write(f, TinyPng.solid(9, 8, 200));
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(60)));

        Suggestion s = of(Suggestion.Kind.SOURCE_CHANGED).getFirst();
        assertThat(s.target()).isEqualTo("photos");
        assertThat(s.evidence()).contains("harbour.png");
        assertThat(s.canAct()).isTrue();
        RunReport r = sync.actOnSuggestion(s.id(), SyncListener.NONE);
        assertThat(r.results()).anyMatch(p -> p.state() == JobState.DONE);
        assertThat(of(Suggestion.Kind.SOURCE_CHANGED)).isEmpty();
    }

    @Test
    void missingAltTextIsSuggestedUntilDismissed() throws Exception {
        Path a = Files.write(photos.resolve("IMG_0001.png"), TinyPng.solid(8, 8, 30));
        Path b = Files.write(photos.resolve("quiet-bay.png"), TinyPng.solid(8, 9, 40));
        sync.push(List.of(a, b), List.of("web"), EngineFixture.ORIGINAL, Optional.of(AltMode.BASIC), false,
                SyncListener.NONE);

        Suggestion s = of(Suggestion.Kind.MISSING_ALT_TEXT).getFirst();
        assertThat(s.title()).startsWith("1 image(s) at 'web'");
        assertThat(s.evidence()).contains("IMG_0001.png").doesNotContain("quiet-bay");
        assertThat(s.canAct()).isFalse();
        assertThatThrownBy(() -> sync.actOnSuggestion(s.id(), SyncListener.NONE)).hasMessageContaining("by hand");

        sync.dismissSuggestion(s.id());
        assertThat(of(Suggestion.Kind.MISSING_ALT_TEXT)).isEmpty();
    }

    @Test
    void largeJpegsAndDuplicatesAreFound() throws Exception {
        byte[] jpeg = new byte[400_000];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        jpeg[3] = (byte) 0xE0;
        Path big = Files.write(photos.resolve("big.jpg"), jpeg);
        Path same1 = Files.write(photos.resolve("one.png"), TinyPng.solid(8, 8, 50));
        Path same2 = Files.write(photos.resolve("two.png"), TinyPng.solid(8, 8, 50));
        sync.push(List.of(big, same1, same2), List.of("web"), EngineFixture.ORIGINAL, Optional.empty(), false,
                SyncListener.NONE);

        assertThat(of(Suggestion.Kind.COULD_BE_SMALLER)).singleElement().satisfies(s -> {
            assertThat(s.evidence()).contains("big.jpg");
            assertThat(s.action()).contains("lumasync optimize web");
        });
        assertThat(of(Suggestion.Kind.DUPLICATE)).singleElement()
                .satisfies(s -> assertThat(s.evidence()).contains("one.png").contains("two.png"));
    }
}
