package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.RetryPolicy;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.DestinationRecord;
import io.lumasync.store.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A destination's file-name template names new uploads, uniquely; published files keep their names. */
class NamingRunTest {
    @TempDir
    Path dir;

    private static final SyncListener QUIET = new SyncListener() {
        @Override
        public void onItem(ItemProgress p) {
        }

        @Override
        public void onBatch(BatchProgress p) {
        }
    };

    private static AssetMetadata titled(String title) {
        return new AssetMetadata("", title, "", "");
    }

    private Path photo(String name, int shade) throws Exception {
        Path f = dir.resolve("in").resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, TinyPng.solid(8, 8, shade));
        return f;
    }

    private static List<String> namesIn(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void newUploadsToAFolderAreNamedByTheTemplateAndKeepTheirNamesWhenItChanges() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        try (SyncService sync = SyncService.open(dir.resolve("data"), new InMemorySecretVault(),
                new PassThroughPipeline(), new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false))) {
            sync.addDestination("out", "folder", Map.of("path", out.toString(), "name_template", "{slug}.{ext}"));
            Path first = photo("IMG_2034.png", 10);
            Map<Path, AssetMetadata> files = new LinkedHashMap<>();
            files.put(first, titled("Lisbon tram at dusk"));
            files.put(photo("IMG_2035.png", 60), titled("Lisbon tram at dusk"));
            files.put(photo("DSC_0001.png", 90), titled("Café à São Paulo"));

            RunReport r = sync.push(files, List.of("out"), EngineFixture.ORIGINAL, false, QUIET);

            assertThat(r.results()).allMatch(p -> p.state() == JobState.DONE);
            assertThat(namesIn(out)).containsExactly("cafe-a-sao-paulo.png", "lisbon-tram-at-dusk-2.png",
                    "lisbon-tram-at-dusk.png");

            sync.updateDestination("out", Map.of("name_template", "{source}-{original}.{ext}"));
            Files.write(first, TinyPng.solid(12, 9, 200));
            Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(60)));
            Map<Path, AssetMetadata> again = new LinkedHashMap<>();
            again.put(first, titled("Lisbon tram at dusk"));
            again.put(photo("DSC_0002.png", 120), titled("Harbour"));
            RunReport second = sync.push(again, List.of("out"), EngineFixture.ORIGINAL, false, QUIET);

            assertThat(second.results()).as(second.results().toString()).allMatch(p -> p.state() == JobState.DONE)
                    .anyMatch(p -> p.message().startsWith("updated in place"));
            assertThat(namesIn(out)).as("the changed photo is updated under its old name; the new one is named "
                    + "by the new template").containsExactly("cafe-a-sao-paulo.png", "lisbon-tram-at-dusk-2.png",
                    "lisbon-tram-at-dusk.png", "upload-dsc-0002.png");
            String before = urlOf(r, "IMG_2034.png");
            assertThat(urlOf(second, "IMG_2034.png")).as("same address as before").isEqualTo(before)
                    .containsPattern("/lisbon-tram-at-dusk(-2)?\\.png$");
            assertThat(Files.readAllBytes(Path.of(java.net.URI.create(before)))).isEqualTo(Files.readAllBytes(first));
        }
    }

    private static String urlOf(RunReport r, String assetId) {
        return r.results().stream().filter(p -> p.assetId().equals(assetId)).findFirst().orElseThrow().url();
    }

    @Test
    void aTemplateWithAnUnknownTokenIsRefusedWhenSaved() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        try (SyncService sync = SyncService.open(dir.resolve("data"), new InMemorySecretVault(),
                new PassThroughPipeline(), new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false))) {
            assertThatThrownBy(() -> sync.addDestination("out", "folder", Map.of("path", out.toString(),
                    "name_template", "{lens}.{ext}"))).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("{lens}");
            sync.addDestination("out", "folder", Map.of("path", out.toString()));
            assertThatThrownBy(() -> sync.updateDestination("out", Map.of("name_template", "{slug}")))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("{ext}");
        }
    }

    @Test
    void uploadsSentSideBySideGetDistinctNames() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            new ConfigStore(f.db).addDestination(new DestinationRecord("a", "memory",
                    Map.of("name_template", "{source}-{sequence:3}.{ext}"), Instant.now(), Optional.empty(),
                    Optional.empty()));
            for (int i = 0; i < 5; i++) {
                f.png("p" + i + ".png", 20 * i);
            }

            f.sync(f.input(List.of("a", "b"), EngineFixture.ORIGINAL, false, false));

            List<String> named = f.destinations.get("a").assets.values().stream()
                    .map(MemoryDestination.Stored::fileName).sorted().toList();
            assertThat(named).hasSize(5).doesNotHaveDuplicates().allMatch(n -> n.matches("src-\\d{3}(-\\d+)?\\.png"));
            assertThat(f.destinations.get("b").assets.values()).as("a destination without a template keeps names")
                    .extracting(MemoryDestination.Stored::fileName)
                    .containsExactlyInAnyOrder("p0.png", "p1.png", "p2.png", "p3.png", "p4.png");
        }
    }

    @Test
    void aDeliberateRenameRepublishesUnderTheTemplateNameAndReportsTheAddressChange() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        try (SyncService sync = SyncService.open(dir.resolve("data"), new InMemorySecretVault(),
                new PassThroughPipeline(), new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false))) {
            sync.addDestination("out", "folder", Map.of("path", out.toString()));
            Path photo = photo("IMG_2034.png", 30);
            sync.push(Map.of(photo, AssetMetadata.EMPTY), List.of("out"), EngineFixture.ORIGINAL, false, QUIET);
            assertThatThrownBy(() -> sync.renameToTemplate("upload", "IMG_2034.png", "out"))
                    .hasMessageContaining("no file-name template");
            sync.updateDestination("out", Map.of("name_template", "{source}-{original}.{ext}"));
            assertThat(namesIn(out)).as("editing the template renames nothing").containsExactly("IMG_2034.png");

            Map.Entry<String, String> moved = sync.renameToTemplate("upload", "IMG_2034.png", "out");

            assertThat(moved.getKey()).endsWith("/IMG_2034.png");
            assertThat(moved.getValue()).endsWith("/upload-img-2034.png");
            assertThat(namesIn(out)).containsExactly("upload-img-2034.png");
            assertThat(Files.readAllBytes(out.resolve("upload-img-2034.png"))).isEqualTo(Files.readAllBytes(photo));
            assertThat(sync.syncMap(Optional.of("out"))).singleElement()
                    .satisfies(e -> assertThat(e.remote().url()).isEqualTo(moved.getValue()));
            Map.Entry<String, String> again = sync.renameToTemplate("upload", "IMG_2034.png", "out");
            assertThat(again.getKey()).as("already named by the template").isEqualTo(again.getValue());
            assertThatThrownBy(() -> sync.renameToTemplate("upload", "nope.png", "out"))
                    .hasMessageContaining("has not been published");
        }
    }
}
