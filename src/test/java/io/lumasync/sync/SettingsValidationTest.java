package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.ConfigurationException;
import io.lumasync.image.PassThroughPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every field is checked when saved: a value that could never work is refused then, and nothing is stored. */
class SettingsValidationTest {
    @TempDir
    Path dir;
    private final InMemorySecretVault vault = new InMemorySecretVault();

    private SyncService open() throws Exception {
        return SyncService.open(dir.resolve("data"), vault, new PassThroughPipeline(),
                new SyncService.Options(EngineFixture.FAST, 1, 1, false));
    }

    @Test
    void aWebhookSecretNotInWhsecFormIsRefusedWhenAddedAndNothingIsKept() throws Exception {
        try (SyncService s = open()) {
            assertThatThrownBy(() -> s.addDestination("hook", "webhook", Map.of("url", "https://h.example/in",
                    "secret", "my-plain-secret")))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("whsec_")
                    .hasMessageNotContaining("my-plain-secret");
            assertThat(s.destinations()).noneMatch(d -> d.name().equals("hook"));
            assertThat(vault.get("destination/hook/secret")).isEmpty();
        }
    }

    @Test
    void addressesNumbersChoicesAndFlagsAreCheckedForTheirKind() throws Exception {
        try (SyncService s = open()) {
            String ok = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
            assertThatThrownBy(() -> s.addDestination("a", "webhook", Map.of("url", "ftp://h.example/in", "secret", ok)))
                    .hasMessageContaining("URL").hasMessageContaining("https://");
            assertThatThrownBy(() -> s.addDestination("b", "webhook", Map.of("url", "https://h.example/in",
                    "secret", ok, "method", "DELETE"))).hasMessageContaining("POST, PUT");
            assertThatThrownBy(() -> s.addDestination("c", "webhook", Map.of("url", "https://h.example/in",
                    "secret", ok, "allow_plain_http", "maybe"))).hasMessageContaining("true or false");
            assertThatThrownBy(() -> s.addDestination("d", "s3", Map.of("bucket", "My_Photos", "access_key", "AK",
                    "secret_key", "sk"))).hasMessageContaining("bucket name");
            s.addDestination("out", "folder", Map.of("path", dir.resolve("out").toString()));
            assertThatThrownBy(() -> s.addSource(SourceInfo.of("feed", "custom-api", Map.of(), List.of("out")),
                    Map.of("url", "https://api.example.com/p", "per_page", "ten")))
                    .hasMessageContaining("Page size").hasMessageContaining("whole number");
            assertThat(s.destinations()).extracting(DestinationInfo::name).doesNotContain("a", "b", "c", "d");
            assertThat(s.sources()).isEmpty();
        }
    }

    @Test
    void anEditIsCheckedLikeANewOneAndABadOneChangesNothing() throws Exception {
        try (SyncService s = open()) {
            s.addDestination("hook", "webhook", Map.of("url", "https://h.example/in",
                    "secret", "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])));
            assertThatThrownBy(() -> s.updateDestination("hook", Map.of("url", "http://h.example/in")))
                    .hasMessageContaining("Allow plain http");
            assertThat(s.destinations()).filteredOn(d -> d.name().equals("hook")).singleElement()
                    .satisfies(d -> assertThat(d.settings()).containsEntry("url", "https://h.example/in"));
            s.updateDestination("hook", Map.of("url", "http://h.example/in", "allow_plain_http", "true"));
        }
    }
}
