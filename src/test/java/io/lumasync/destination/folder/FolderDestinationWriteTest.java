package io.lumasync.destination.folder;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Upload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A write that fails half-way leaves nothing behind: no temp file, no half image, the old image intact. */
class FolderDestinationWriteTest {
    @TempDir
    Path dir;

    private static Upload upload(String name, byte[] bytes) {
        return new Upload(new EncodedImage(bytes, ImageFormat.PNG, name, 0, 0, 0, List.of()), AssetMetadata.EMPTY,
                "sync-" + name, "src", name, "");
    }

    /** A disk that fills up after a few bytes. */
    private static void fullDisk(Path file, byte[] bytes) throws IOException {
        Files.write(file, java.util.Arrays.copyOf(bytes, Math.min(3, bytes.length)));
        throw new IOException("No space left on device");
    }

    private List<String> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedPutLeavesNoTempFileAndSaysTheDiskIsFull() throws Exception {
        FolderDestination full = new FolderDestination(dir, FolderDestinationWriteTest::fullDisk);
        assertThatThrownBy(() -> full.put(upload("sunset.png", new byte[100])))
                .isInstanceOf(LumasyncException.class).hasMessageContaining("the disk is full");
        assertThat(files()).isEmpty();
    }

    @Test
    void aFailedReplaceKeepsTheOldImageAndLeavesNoTempFile() throws Exception {
        RemoteRef ref = new FolderDestination(dir).put(upload("sunset.png", new byte[]{9, 9, 9, 9}));
        FolderDestination full = new FolderDestination(dir, FolderDestinationWriteTest::fullDisk);
        assertThatThrownBy(() -> full.replace(ref, upload("sunset.png", new byte[100])))
                .isInstanceOf(LumasyncException.class);
        assertThat(files()).containsExactly("sunset.png");
        assertThat(Files.readAllBytes(dir.resolve("sunset.png"))).containsExactly(9, 9, 9, 9);
    }
}
