package io.lumasync.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** `lumasync daemon` with a watched folder: a photo saved into it is published; SIGTERM stops it cleanly. */
class DaemonIT {
    @TempDir
    Path tmp;

    @Test
    void watchedFolderIsPublishedAndSigtermStopsCleanly() throws Exception {
        Path home = tmp.resolve("home");
        Path exports = tmp.resolve("exports");
        Path out = tmp.resolve("out");
        Files.createDirectories(home);
        Files.createDirectories(exports);
        Dist cli = new Dist(home, Map.of());
        assertThat(cli.run("destinations", "add", "folder", "web", "--path", out.toString()).exit()).isZero();
        assertThat(cli.run("sources", "add", "folder", "exports", "--path", exports.toString(), "--to", "web",
                "--watch", "--format", "original").exit()).isZero();

        Path log = tmp.resolve("daemon.log");
        Process daemon = cli.builder("daemon").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitFor(() -> Files.readString(log).contains("autosync running"), 60, "the daemon to start");
            Files.write(exports.resolve("new photo.png"), Images.png(30, 20, 77));
            waitFor(() -> Files.exists(out.resolve("new photo.png")), 60, "the new photo to be published");
            assertThat(Files.readAllBytes(out.resolve("new photo.png"))).isEqualTo(Files.readAllBytes(exports.resolve("new photo.png")));
        } finally {
            daemon.destroy(); // SIGTERM
            assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).as("daemon stops after SIGTERM").isTrue();
        }
        assertThat(Files.readString(log)).contains("Stopping");
        assertThat(daemon.exitValue()).as(Files.readString(log)).isIn(0, 143);
        // the journal is consistent: a later run has nothing left to finish or redo
        Dist.Result after = cli.run("sync", "exports");
        assertThat(after.out()).contains("0 done, 1 skipped, 0 failed");
    }

    @FunctionalInterface
    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check c, int seconds, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (c.ok()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
