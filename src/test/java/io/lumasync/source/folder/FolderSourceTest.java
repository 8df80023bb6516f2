package io.lumasync.source.folder;

import io.lumasync.source.Listing;
import io.lumasync.source.SourceItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class FolderSourceTest {
    @TempDir
    Path root;

    @Test
    void listsImagesRecursivelyAndSkipsHiddenTemporaryAndNonImageFiles() throws Exception {
        Files.createDirectories(root.resolve("a/b"));
        Files.createDirectories(root.resolve(".thumbnails"));
        for (String n : new String[]{"one.jpg", "a/two.PNG", "a/b/three photo ✨.webp", "a/b/raw.NEF"}) {
            Files.writeString(root.resolve(n), "x");
        }
        for (String n : new String[]{".DS_Store", "._one.jpg", "~$draft.jpg", "export.jpg.part", "x.tmp", "dl.jpg.crdownload",
                "notes.txt", ".thumbnails/t.jpg", "a/preview.lrprev"}) {
            Files.writeString(root.resolve(n), "x");
        }
        Listing l = new FolderSource(root).list(Optional.empty());
        assertThat(l.items()).extracting(SourceItem::id)
                .containsExactlyInAnyOrder("one.jpg", "a/two.PNG", "a/b/three photo ✨.webp", "a/b/raw.NEF");
        assertThat(l.items()).filteredOn(i -> i.id().equals("a/b/raw.NEF")).singleElement()
                .satisfies(i -> assertThat(i.folder()).isEqualTo("a/b"));
        assertThat(l.complete()).isTrue();
    }

    @Test
    void aDirectorySymlinkLoopIsReportedOnceAndDoesNotHang() throws Exception {
        Files.createDirectories(root.resolve("album"));
        Files.writeString(root.resolve("album/p.jpg"), "x");
        Files.createSymbolicLink(root.resolve("album/loop"), root);
        Listing l = new FolderSource(root).list(Optional.empty());
        assertThat(l.items()).extracting(SourceItem::id).containsExactly("album/p.jpg");
        assertThat(l.problems()).singleElement().asString().contains("album/loop").contains("loop");
    }

    @Test
    void aMissingFolderIsAClearError() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.lumasync.core.LumasyncException.class,
                () -> new FolderSource(root.resolve("unplugged-drive")).list(Optional.empty()));
        assertThat(e.getMessage()).contains("does not exist (or is not mounted)");
    }

    @Test
    void watchingWaitsUntilAFileStopsChangingBeforeReporting() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        AtomicLong firedAt = new AtomicLong();
        try (AutoCloseable w = new FolderSource(root).watch(Duration.ofMillis(800), () -> {
            firedAt.set(System.nanoTime());
            fired.countDown();
        })) {
            Path p = root.resolve("growing.jpg");
            long lastWrite = 0;
            for (int i = 0; i < 5; i++) {
                Files.writeString(p, "x".repeat(i + 1));
                lastWrite = System.nanoTime();
                Thread.sleep(250);
            }
            assertThat(fired.await(20, TimeUnit.SECONDS)).as("the watcher reported the change").isTrue();
            // it reported only after the file had been stable for the settle delay, not during the writes
            assertThat(firedAt.get()).isGreaterThan(lastWrite);
        }
    }
}
