package io.lumasync.source;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ImageFormat;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.destination.Upload;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The registries hand doors and the engine a local folder without them naming the folder adapters. */
class LocalFolderRegistryTest {
    @TempDir
    Path dir;

    @Test
    void aLocalFolderListsItsImagesByRelativePath() throws Exception {
        Files.createDirectories(dir.resolve("day-1"));
        Files.write(dir.resolve("day-1/a.jpg"), new byte[]{1, 2, 3});
        Files.write(dir.resolve("notes.txt"), new byte[]{4});

        Listing listing = SourceTypes.localFolder(dir).list(Optional.empty());

        assertThat(listing.items()).extracting(SourceItem::id).containsExactly("day-1/a.jpg");
        assertThat(dir.resolve(listing.items().getFirst().id())).isRegularFile();
    }

    @Test
    void theFirstLocalDestinationIsARegisteredTypeWritingIntoItsFolder() throws Exception {
        AdapterConfig local = DestinationTypes.localFolder("local", dir.resolve("out"));

        assertThat(local.name()).isEqualTo("local");
        try (Destination d = DestinationTypes.byId(local.typeId()).orElseThrow()
                .create(new AdapterContext(local, null, null, dir))) {
            d.put(new Upload(TestImages.encoded("heron", ImageFormat.PNG, TestImages.png(1)), AssetMetadata.EMPTY,
                    "s:heron:local", "s", "heron", ""));
        }
        try (Stream<Path> written = Files.list(dir.resolve("out"))) {
            assertThat(written).hasSize(1);
        }
    }
}
