package io.lumasync.cli;

import io.lumasync.destination.contentful.FakeContentful;
import io.lumasync.destination.webflow.FakeWebflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the real launcher's `lumasync push` to Contentful and to Webflow (their fakes) with SIGKILL mid-run, several
 * times, then lets a last push finish: every photo is published exactly once. Contentful finds an interrupted upload
 * by the asset id Lumasync chose; Webflow, which takes no key of ours, by name, size and bytes.
 */
class CmsCrashResumeIT {
    private static final int PHOTOS = 12;

    @TempDir
    Path tmp;

    @Test
    void contentfulAfterKillNinePublishesEveryPhotoOnce() throws Exception {
        try (FakeContentful fake = new FakeContentful("CFPAT-crash")) {
            killAndFinish("contentful", List.of("--space", FakeContentful.SPACE, "--api-url", fake.uri().toString()),
                    "CFPAT-crash", fake::assetCount);
        }
    }

    @Test
    void webflowAfterKillNinePublishesEveryPhotoOnce() throws Exception {
        try (FakeWebflow fake = new FakeWebflow("wf-crash")) {
            killAndFinish("webflow", List.of("--site", FakeWebflow.SITE, "--api-url", fake.api().toString()),
                    "wf-crash", fake::assetCount);
        }
    }

    private void killAndFinish(String type, List<String> options, String token, IntSupplier assets) throws Exception {
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        for (int i = 0; i < PHOTOS; i++) {
            Files.write(photos.resolve(String.format("bird-%02d.png", i)), Images.png(16 + i % 5, 12, i));
        }
        Path home = Files.createDirectories(tmp.resolve("home"));
        // A pause before each upload stretches the run, so the kills land mid-run.
        Dist slow = new Dist(home, Map.of("LUMASYNC_UPLOAD_DELAY_MS", "150"));
        List<String> add = new java.util.ArrayList<>(List.of("destinations", "add", type, "cms"));
        add.addAll(options);
        add.add("--token-stdin");
        Dist.Result added = slow.runWithInput(token + "\n", add.toArray(String[]::new));
        assertThat(added.exit()).as(added.out() + added.err()).isZero();

        int killed = 0;
        for (long delay : List.of(1500L, 2200L, 2900L)) {
            Process p = slow.builder("push", photos.toString(), "--to", "cms", "--format", "original")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("run-" + delay + ".log").toFile()).start();
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor();
                p.waitFor(10, TimeUnit.SECONDS);
                killed++;
            }
        }
        assertThat(killed).as("at least one run must have been killed mid-way").isPositive();

        Dist.Result finish = new Dist(home, Map.of()).run("push", photos.toString(), "--to", "cms", "--format", "original");
        assertThat(finish.exit()).as(finish.out() + finish.err()).isZero();
        assertThat(assets.getAsInt()).as("every photo published exactly once").isEqualTo(PHOTOS);
        Dist.Result again = new Dist(home, Map.of()).run("push", photos.toString(), "--to", "cms", "--format", "original");
        assertThat(again.out()).contains("0 done, " + PHOTOS + " skipped");
    }
}
