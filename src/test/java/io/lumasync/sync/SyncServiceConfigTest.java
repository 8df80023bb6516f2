package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.ConfigurationException;
import io.lumasync.image.PassThroughPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Editing destinations and sources keeps their secrets, sign-ins and sync map. */
class SyncServiceConfigTest {
    @TempDir
    Path dir;

    private SyncService open(InMemorySecretVault vault) throws Exception {
        return SyncService.open(dir.resolve("data"), vault, new PassThroughPipeline(),
                new SyncService.Options(EngineFixture.FAST, 1, 1, false));
    }

    @Test
    void editingADestinationKeepsItsSecretUnlessANewOneIsTyped() throws Exception {
        InMemorySecretVault vault = new InMemorySecretVault();
        try (SyncService s = open(vault)) {
            s.addDestination("hook", "webhook", Map.of("url", "http://127.0.0.1:9/a", "secret", "whsec_YW4gb2xkIHNpZ25pbmcgc2VjcmV0IDMyIGJ5dGVzISE="));
            s.updateDestination("hook", Map.of("url", "http://127.0.0.1:9/b"));
            assertThat(s.destinations().getFirst().settings()).containsEntry("url", "http://127.0.0.1:9/b")
                    .doesNotContainKey("secret");
            assertThat(vault.get("destination/hook/secret")).contains("whsec_YW4gb2xkIHNpZ25pbmcgc2VjcmV0IDMyIGJ5dGVzISE=");
            s.updateDestination("hook", Map.of("secret", "whsec_YSBuZXcgc2lnbmluZyBzZWNyZXQgb2YgMzIgYnl0ZXM="));
            assertThat(vault.get("destination/hook/secret")).contains("whsec_YSBuZXcgc2lnbmluZyBzZWNyZXQgb2YgMzIgYnl0ZXM=");
        }
    }

    @Test
    void editingASourceScheduleKeepsItsTokensAndRejectsUnknownDestinations() throws Exception {
        InMemorySecretVault vault = new InMemorySecretVault();
        try (SyncService s = open(vault)) {
            s.addDestination("out", "folder", Map.of("path", dir.resolve("out").toString()));
            s.addSource(SourceInfo.of("drop", "dropbox", Map.of("folder", "/Photos", "client_id", "app-key"), List.of("out")),
                    Map.of());
            vault.put("source/drop/access_token", "token-from-sign-in");
            SourceInfo before = s.sources().getFirst();
            s.updateSource(new SourceInfo("drop", "dropbox", before.settings(), List.of("out"), before.encode(), false,
                    Optional.of(Duration.ofMinutes(15)), false, 0.25, Optional.empty(), Optional.empty()), Map.of());
            assertThat(s.sources().getFirst().interval()).contains(Duration.ofMinutes(15));
            assertThat(s.sources().getFirst().settings()).containsEntry("folder", "/Photos");
            assertThat(vault.get("source/drop/access_token")).contains("token-from-sign-in");
            assertThrows(ConfigurationException.class, () -> s.updateSource(new SourceInfo("drop", "dropbox",
                    before.settings(), List.of("nowhere"), before.encode(), false, Optional.empty(), false, 0.25,
                    Optional.empty(), Optional.empty()), Map.of()));
        }
    }
}
