package io.lumasync.cli;

import io.lumasync.destination.hubspot.FakeHubSpot;
import io.lumasync.destination.shopify.FakeShopify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the packaged `lumasync push` with SIGKILL while it publishes to the Shopify and HubSpot fakes, several
 * times, then lets it finish: every photo is at the destination exactly once (no Shopify {@code _uuid} copy, no
 * HubSpot {@code -1} copy), with its own bytes, and a further push skips them all.
 */
class ShopAndCrmCrashResumeIT {
    private static final int PHOTOS = 12;
    @TempDir
    Path tmp;

    private void killAndResume(String[] add, String token, Supplier<Map<String, String>> ids,
                               Function<String, byte[]> bytes) throws Exception {
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        for (int i = 0; i < PHOTOS; i++) {
            Files.write(photos.resolve(String.format("heron-%02d.png", i)), Images.png(10, 8, 7 + 19 * i));
        }
        Path home = Files.createDirectories(tmp.resolve("home"));
        Dist slow = new Dist(home, Map.of("LUMASYNC_UPLOAD_DELAY_MS", "150"));
        Dist.Result added = slow.runWithInput(token + "\n", add);
        assertThat(added.exit()).as(added.err()).isZero();

        // Each run is killed as soon as the store has seen one more upload from it, whatever the machine's speed.
        int killed = 0;
        for (int run = 0; run < 3; run++) {
            int before = ids.get().size();
            Process p = slow.builder("push", photos.toString(), "--to", "shop", "--format", "original")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("run-" + run + ".log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (p.isAlive() && ids.get().size() <= before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (p.isAlive()) {
                new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor();
                p.waitFor(10, TimeUnit.SECONDS);
                killed++;
            }
        }
        assertThat(killed).as("runs killed mid-way").isGreaterThanOrEqualTo(2);

        Dist.Result finish = new Dist(home, Map.of()).run("push", photos.toString(), "--to", "shop", "--format", "original");
        assertThat(finish.exit()).as(finish.out() + finish.err()).isZero();
        Map<String, String> published = ids.get();
        assertThat(published).hasSize(PHOTOS);
        for (int i = 0; i < PHOTOS; i++) {
            String name = String.format("heron-%02d.png", i);
            assertThat(published).containsKey(name);
            assertThat(bytes.apply(published.get(name))).isEqualTo(Files.readAllBytes(photos.resolve(name)));
        }
        Dist.Result again = new Dist(home, Map.of()).run("push", photos.toString(), "--to", "shop", "--format", "original");
        assertThat(again.out()).contains("0 done, " + PHOTOS + " skipped, 0 failed");
    }

    @Test
    void shopify() throws Exception {
        try (FakeShopify fake = new FakeShopify(2)) {
            killAndResume(new String[]{"destinations", "add", "shopify", "shop", "--store", fake.baseUri().toString(),
                    "--token-stdin"}, FakeShopify.TOKEN, fake::idsByName, fake::bytes);
        }
    }

    @Test
    void hubSpot() throws Exception {
        try (FakeHubSpot fake = new FakeHubSpot()) {
            killAndResume(new String[]{"destinations", "add", "hubspot", "shop", "--api-url", fake.baseUri().toString(),
                    "--token-stdin"}, FakeHubSpot.TOKEN, fake::idsByName, fake::bytes);
        }
    }
}
