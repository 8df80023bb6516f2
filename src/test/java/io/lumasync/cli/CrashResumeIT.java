package io.lumasync.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills `lumasync push` with SIGKILL at several points of a 100-file run, restarts it each time, and checks that
 * every file ends up at the destination exactly once: nothing lost, nothing doubled (no "-2" copies).
 */
class CrashResumeIT {
    @TempDir
    Path tmp;

    @Test
    void killNineAtSeveralPointsThenRestartPublishesEveryFileExactlyOnce() throws Exception {
        Path photos = tmp.resolve("photos");
        Path out = tmp.resolve("out");
        Files.createDirectories(photos);
        for (int i = 0; i < 100; i++) {
            Files.write(photos.resolve(String.format("img-%03d.png", i)), Images.png(16 + i % 5, 12, i));
        }
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        // 40 ms before each upload stretches the run to a few seconds, so the kills land mid-run.
        Dist slow = new Dist(home, Map.of("LUMASYNC_UPLOAD_DELAY_MS", "40"));
        assertThat(slow.run("destinations", "add", "folder", "out", "--path", out.toString()).exit()).isZero();

        int killed = 0;
        for (long delay : List.of(900L, 1400L, 1900L, 2400L)) {
            Process p = slow.builder("push", photos.toString(), "--to", "out", "--format", "original")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("run-" + delay + ".log").toFile()).start();
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                // SIGKILL: no shutdown hook, no cleanup, the journal is all that is left
                new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor();
                p.waitFor(10, TimeUnit.SECONDS);
                killed++;
            }
        }
        assertThat(killed).as("at least two runs must have been killed mid-way").isGreaterThanOrEqualTo(2);

        Dist.Result finish = new Dist(home, Map.of()).run("push", photos.toString(), "--to", "out", "--format", "original");
        assertThat(finish.exit()).as(finish.out() + finish.err()).isZero();

        Set<String> published = new HashSet<>();
        try (var files = Files.list(out)) {
            files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(published::add);
        }
        assertThat(published).hasSize(100).allMatch(n -> n.matches("img-\\d{3}\\.png"));
        for (int i = 0; i < 100; i++) {
            String n = String.format("img-%03d.png", i);
            assertThat(Files.readAllBytes(out.resolve(n))).isEqualTo(Files.readAllBytes(photos.resolve(n)));
        }
        Dist.Result again = new Dist(home, Map.of()).run("push", photos.toString(), "--to", "out", "--format", "original");
        assertThat(again.out()).contains("0 done, 100 skipped, 0 failed");
    }
}
