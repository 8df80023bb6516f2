package io.lumasync.sync;

import io.lumasync.store.RunOwners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting an engine cleans only the staged downloads of engines that are gone, never a live one's. */
class StagingOwnersTest {
    @TempDir
    Path dir;

    @Test
    void anotherEnginesDownloadInProgressSurvivesAStartAndIsCleanedOnceItsOwnerIsGone() throws Exception {
        Path root = dir.resolve("staging");
        RunOwners daemon = RunOwners.claim(dir.resolve("owners"));
        Path inFlight = root.resolve(daemon.self()).resolve("stage-1.bin");
        Files.createDirectories(inFlight.getParent());
        Files.write(inFlight, new byte[]{1, 2, 3});

        try (RunOwners app = RunOwners.claim(dir.resolve("owners"))) {
            Staging appStaging = new Staging(root, app);
            appStaging.clean();
            assertThat(inFlight).as("the daemon is still downloading it").exists();

            daemon.close();
            appStaging.clean();
            assertThat(inFlight.getParent()).as("left behind by an engine that is gone").doesNotExist();
        }
    }

    @Test
    void looseFilesOfOlderVersionsGoOnlyWhenOld() throws Exception {
        Path root = dir.resolve("staging");
        Files.createDirectories(root);
        Path old = Files.write(root.resolve("stage-old.bin"), new byte[]{1});
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path recent = Files.write(root.resolve("stage-recent.bin"), new byte[]{1});
        try (RunOwners me = RunOwners.claim(dir.resolve("owners"))) {
            new Staging(root, me).clean();
        }
        assertThat(old).doesNotExist();
        assertThat(recent).exists();
    }
}
