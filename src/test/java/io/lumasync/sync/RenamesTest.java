package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.Renaming;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;
import io.lumasync.destination.folder.FolderDestination;
import io.lumasync.sync.MemoryDestination.Fault;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deliberate rename on the engine, cut short at every step: the sync map always points at a live asset, nothing
 * is lost, and trying again finishes without leaving a second copy behind.
 */
class RenamesTest {
    private static final String TEMPLATE = "{source}-{original}.{ext}";
    private static final String ASSET = "IMG_0001.png";

    private final MemoryDestination memory = new MemoryDestination(ReplaceStrategy.PUT_THEN_REMOVE);
    private RenameBench bench;

    @AfterEach
    void close() throws LumasyncException {
        if (bench != null) {
            bench.close();
        }
    }

    private RemoteRef published(Destination d) throws LumasyncException {
        bench = new RenameBench(d, TEMPLATE);
        Upload u = new Upload(TestImages.encoded("IMG_0001", ImageFormat.PNG, TestImages.png(1)),
                AssetMetadata.EMPTY, "sync-1", RenameBench.SOURCE, ASSET, "");
        return bench.publish(d, u).remote();
    }

    private void assertLive(RemoteRef recorded) {
        assertThat(memory.assets).as("the sync map points at a live asset").containsKey(recorded.id());
        assertThat(memory.assets.get(recorded.id()).bytes()).as("nothing lost").isEqualTo(TestImages.png(1));
    }

    @Test
    void aRepublishRecordsTheNewAssetThenRemovesTheOld() throws Exception {
        RemoteRef old = published(memory);

        RenameReport r = bench.rename(ASSET);

        RemoteRef now = bench.recorded(ASSET);
        assertThat(r.changed()).isTrue();
        assertThat(r.newUrl()).isEqualTo(now.url());
        assertThat(r.leftover()).isEmpty();
        assertThat(now.id()).isNotEqualTo(old.id());
        assertThat(memory.assets).containsOnlyKeys(now.id());
        assertThat(memory.assets.get(now.id()).fileName()).isEqualTo("shoot-img-0001.png");
        assertLive(now);
    }

    @Test
    void aLostAnswerLeavesTheOldAssetRecordedAndTryingAgainTakesUpTheCopyInsteadOfMakingAnother() throws Exception {
        RemoteRef old = published(memory);
        memory.failNext(Fault.NONE, Fault.LOST_ANSWER); // the download passes, the new file arrives, its answer is lost

        assertThatThrownBy(() -> bench.rename(ASSET)).isInstanceOf(LumasyncException.class);
        assertThat(bench.recorded(ASSET)).isEqualTo(old);
        assertLive(old);
        assertThat(memory.assets).hasSize(2);

        bench.rename(ASSET);

        RemoteRef now = bench.recorded(ASSET);
        assertThat(memory.puts.get()).as("the first publish and the one cut short; none on the second try").isEqualTo(2);
        assertThat(memory.assets).as("no duplicate left behind").containsOnlyKeys(now.id());
        assertLive(now);
    }

    @Test
    void anOldFileThatCannotBeRemovedIsReportedAndTheNewOneStaysRecorded() throws Exception {
        RemoteRef old = published(memory);
        memory.failNext(Fault.NONE, Fault.NONE, Fault.SERVER_ERROR); // download, put, then the removal fails

        RenameReport r = bench.rename(ASSET);

        RemoteRef now = bench.recorded(ASSET);
        assertThat(now.id()).isNotEqualTo(old.id());
        assertLive(now);
        assertThat(memory.assets).containsKeys(old.id(), now.id());
        assertThat(r.leftover()).hasValueSatisfying(n -> assertThat(n).contains("old file is still there")
                .contains("server error 500"));
    }

    @Test
    void aFailedReadBackOrUploadChangesNothing() throws Exception {
        RemoteRef old = published(memory);
        memory.failNext(Fault.SERVER_ERROR);
        assertThatThrownBy(() -> bench.rename(ASSET)).isInstanceOf(LumasyncException.class);
        memory.failNext(Fault.NONE, Fault.SERVER_ERROR);
        assertThatThrownBy(() -> bench.rename(ASSET)).isInstanceOf(LumasyncException.class);

        assertThat(bench.recorded(ASSET)).isEqualTo(old);
        assertThat(memory.assets).containsOnlyKeys(old.id());
        assertLive(old);
    }

    @Test
    void aNameTakenByAFileOfSomeoneElseEndsNumberedAndRenamingAgainLeavesItSo(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.write(site.resolve("shoot-img-0001.png"), new byte[]{1, 2, 3}); // not published by Lumasync
        FolderDestination folder = new FolderDestination(site);
        published(folder);

        RenameReport first = bench.rename(ASSET);
        RenameReport again = bench.rename(ASSET);

        assertThat(first.newUrl()).endsWith("/shoot-img-0001-2.png");
        assertThat(again.changed()).isFalse();
        assertThat(again.newUrl()).isEqualTo(first.newUrl());
        try (var files = Files.list(site)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("shoot-img-0001-2.png", "shoot-img-0001.png");
        }
        assertThat(Files.readAllBytes(site.resolve("shoot-img-0001.png"))).containsExactly(1, 2, 3);
    }

    @Test
    void aDestinationThatRefusesSaysWhyAndChangesNothing() throws Exception {
        Destination refusing = new Routed(memory, new Renaming(Renaming.Route.REFUSED, "files have no names there."));
        RemoteRef old = published(refusing);

        assertThat(bench.preview(ASSET).allowed()).isFalse();
        assertThatThrownBy(() -> bench.rename(ASSET)).hasMessageContaining("'dest' cannot rename: files have no "
                + "names there.").hasMessageContaining("Nothing was changed");

        assertThat(bench.recorded(ASSET)).isEqualTo(old);
        assertThat(memory.assets).containsOnlyKeys(old.id());
    }

    @Test
    void aReplaceRouteKeepsTheAssetAndSendsTheNewName() throws Exception {
        Destination replacing = new Routed(memory, new Renaming(Renaming.Route.REPLACE, "kept."));
        RemoteRef old = published(replacing);
        RenamePreview p = bench.preview(ASSET);
        assertThat(p.newName()).isEqualTo("shoot-img-0001.png");
        assertThat(p.how()).isEqualTo("kept.");

        bench.rename(ASSET);

        assertThat(bench.recorded(ASSET).id()).isEqualTo(old.id());
        assertThat(memory.replaces.get()).isEqualTo(1);
        assertThat(memory.assets.get(old.id()).fileName()).isEqualTo("shoot-img-0001.png");
        assertLive(old);
    }

    /** A memory destination that declares another rename route. */
    private record Routed(MemoryDestination real, Renaming renaming) implements Destination {
        @Override
        public Capabilities capabilities() {
            return real.capabilities();
        }

        @Override
        public RemoteRef put(Upload upload) throws LumasyncException {
            return real.put(upload);
        }

        @Override
        public RemoteRef replace(RemoteRef existing, Upload upload) throws LumasyncException {
            return real.replace(existing, upload);
        }

        @Override
        public void remove(RemoteRef ref) throws LumasyncException {
            real.remove(ref);
        }

        @Override
        public InputStream download(RemoteRef ref) throws LumasyncException {
            return real.download(ref);
        }
    }
}
