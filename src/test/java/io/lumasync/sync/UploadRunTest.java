package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.JobState;
import io.lumasync.store.SyncMapEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A drop on the Upload pane: one run for all its files, each file with its own alt text. */
class UploadRunTest {
    @TempDir
    Path dir;

    @Test
    void oneDropIsOneRunWithEachFilesOwnAltText() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Map<Path, AssetMetadata> files = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            Path f = dir.resolve("in/photo-" + i + ".png");
            Files.createDirectories(f.getParent());
            Files.write(f, TinyPng.solid(8 + i, 8, 40 * i));
            files.put(f, AssetMetadata.EMPTY.withAltText("Photo number " + i));
        }
        List<BatchProgress> batches = new CopyOnWriteArrayList<>();
        try (SyncService sync = SyncService.open(dir.resolve("data"), new InMemorySecretVault(),
                new PassThroughPipeline(), new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false))) {
            sync.addDestination("out", "folder", Map.of("path", out.toString()));

            RunReport r = sync.push(files, List.of("out"), EngineFixture.ORIGINAL, false, new SyncListener() {
                @Override
                public void onItem(ItemProgress p) {
                }

                @Override
                public void onBatch(BatchProgress p) {
                    batches.add(p);
                }
            });

            assertThat(r.results()).hasSize(3).allMatch(p -> p.state() == JobState.DONE);
            assertThat(batches).as("one progress for the whole drop").isNotEmpty()
                    .allMatch(b -> b.total() == 3);
            assertThat(batches.getLast().finished()).isEqualTo(3);
            Map<String, SyncMapEntry> rows = sync.syncMap(Optional.of("out")).stream()
                    .collect(Collectors.toMap(SyncMapEntry::assetId, Function.identity()));
            for (int i = 0; i < 3; i++) {
                assertThat(rows.get("photo-" + i + ".png").metadataHash())
                        .isEqualTo(Hashing.metadataHash(AssetMetadata.EMPTY.withAltText("Photo number " + i)));
            }
        }
    }
}
