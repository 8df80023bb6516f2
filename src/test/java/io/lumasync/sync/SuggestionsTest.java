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
    private final InMemorySecretVault vault = new InMemorySecretVault();

    @BeforeEach
    void start() throws Exception {
        photos = Files.createDirectories(dir.resolve("photos"));
        Path web = Files.createDirectories(dir.resolve("web"));
        sync = SyncService.open(dir.resolve("data"), vault, new PassThroughPipeline(),
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
        assertThat(of(Suggestion.Kind.LARGER_THAN_NEEDED)).as("8 px images are not too large").isEmpty();
    }

    @Test
    void anOversizedPngIsSuggestedForPublishingAgainNotForOptimize() throws Exception {
        Path wide = Files.write(photos.resolve("banner.png"), TinyPng.solid(4200, 10, 120));
        sync.push(List.of(wide), List.of("web"), EngineFixture.ORIGINAL.withMaxSize(0), Optional.empty(), false,
                SyncListener.NONE);

        Suggestion s = of(Suggestion.Kind.LARGER_THAN_NEEDED).getFirst();

        assertThat(s.evidence()).contains("banner.png (4200×10 px");
        assertThat(s.canAct()).as("Optimize has no PNG encoder").isFalse();
        assertThat(s.action()).startsWith("Publish them again at 2048 px (lumasync push FILES --to web --max-size 2048)");
    }

    private void dropbox(String name, Map<String, String> tokens) throws Exception {
        sync.addSource(SourceInfo.of(name, "dropbox", Map.of("folder", "/Photos", "client_id", "app-key"),
                List.of("web")), Map.of());
        tokens.forEach((k, v) -> vault.put("source/" + name + "/" + k, v));
    }

    @Test
    void aSignInEndingWithinAWeekIsSuggestedWithoutItsSecrets() throws Exception {
        Instant soon = Instant.now().plus(Duration.ofDays(3)).plusSeconds(60);
        dropbox("drop", Map.of("access_token", "sl.SECRET-ACCESS", "refresh_token", "SECRET-REFRESH",
                "expires_at", Instant.now().plusSeconds(3600).toString(), "refresh_expires_at", soon.toString()));
        dropbox("later", Map.of("access_token", "sl.OTHER", "refresh_token", "OTHER-REFRESH",
                "refresh_expires_at", Instant.now().plus(Duration.ofDays(40)).toString()));
        dropbox("renewed", Map.of("access_token", "sl.THIRD", "refresh_token", "THIRD-REFRESH",
                "expires_at", Instant.now().plusSeconds(60).toString()));

        Suggestion s = of(Suggestion.Kind.SIGN_IN_EXPIRING).getFirst();

        assertThat(of(Suggestion.Kind.SIGN_IN_EXPIRING)).as("only the one ending soon; access tokens are renewed")
                .hasSize(1);
        assertThat(s.target()).isEqualTo("drop");
        assertThat(s.title()).isEqualTo("The Dropbox sign-in of 'drop' ends in 3 days");
        assertThat(s.evidence()).contains(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE
                .format(soon.atZone(java.time.ZoneOffset.UTC)));
        assertThat(s.action()).contains("lumasync login drop");
        assertThat(s.canAct()).isFalse();
        assertThat(s.title() + s.evidence() + s.action()).doesNotContain("SECRET");

        sync.dismissSuggestion(s.id());
        assertThat(of(Suggestion.Kind.SIGN_IN_EXPIRING)).isEmpty();
        vault.put("source/drop/refresh_expires_at", soon.plus(Duration.ofDays(1)).toString());
        assertThat(of(Suggestion.Kind.SIGN_IN_EXPIRING)).as("a new end is a new finding").hasSize(1);
    }

    @Test
    void aRefusedRenewalOrAnAccessWithoutRefreshIsSuggested() throws Exception {
        dropbox("drop", Map.of("access_token", "sl.SECRET", "refresh_token", "SECRET-REFRESH",
                "needs_reconnect", "Dropbox refused the renewed access for 'drop'."));
        dropbox("short", Map.of("access_token", "sl.SECRET2",
                "expires_at", Instant.now().minusSeconds(600).toString()));

        List<Suggestion> found = of(Suggestion.Kind.SIGN_IN_EXPIRING);

        // Looking for changed images tried 'short' first and found its access over with nothing to renew it.
        assertThat(found).extracting(Suggestion::title).containsExactlyInAnyOrder(
                "The Dropbox sign-in of 'drop' stopped working", "The Dropbox sign-in of 'short' stopped working");
        assertThat(found.stream().filter(x -> x.target().equals("drop")).findFirst().orElseThrow().evidence())
                .contains("refused the renewed access");
        assertThat(found.stream().filter(x -> x.target().equals("short")).findFirst().orElseThrow().evidence())
                .contains("expired and there is no refresh token");
        assertThat(found).allSatisfy(x -> assertThat(x.title() + x.evidence() + x.action()).doesNotContain("SECRET"));
    }
}
