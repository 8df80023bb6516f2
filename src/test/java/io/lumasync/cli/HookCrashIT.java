package io.lumasync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.sync.HookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills `lumasync push` with SIGKILL while its events are still being delivered to a slow receiver, then starts
 * Lumasync again: every event queued in the database reaches the receiver, each event id at least once and the
 * receiver (which drops repeats by webhook-id, as the docs ask) ends with each exactly once.
 */
class HookCrashIT {
    @TempDir
    Path tmp;

    @Test
    void killNineWithDeliveriesPendingThenEveryEventArrivesAfterARestart() throws Exception {
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        for (int i = 0; i < 30; i++) {
            Files.write(photos.resolve(String.format("img-%02d.png", i)), Images.png(16 + i % 5, 12, i));
        }
        Path home = Files.createDirectories(tmp.resolve("home"));
        Dist dist = new Dist(home, Map.of());
        assertThat(dist.run("destinations", "add", "folder", "out", "--path", tmp.resolve("out").toString()).exit())
                .isZero();
        int port;
        try (HookReceiver probe = new HookReceiver("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 0)) {
            port = probe.port();
        }
        Dist.Result added = dist.run("hooks", "add", "crm", "http://127.0.0.1:" + port + "/events");
        assertThat(added.exit()).as(added.err()).isZero();
        Matcher m = Pattern.compile("(whsec_\\S+)").matcher(added.out());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);

        Set<String> arrived = new HashSet<>();
        int raw;
        try (HookReceiver slow = new HookReceiver(secret, port)) {
            slow.delay = Duration.ofMillis(300); // events queue up faster than they are taken: the kill leaves some
            Process p = new Dist(home, Map.of("LUMASYNC_UPLOAD_DELAY_MS", "300"))
                    .builder("push", photos.toString(), "--to", "out", "--format", "original")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("push.log").toFile()).start();
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (slow.accepted.size() < 3 && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(slow.accepted.size()).as("some events arrived before the kill").isGreaterThanOrEqualTo(3);
            new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor();
            p.waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(500); // a request in flight at the kill may still be answered
            slow.accepted.forEach(r -> arrived.add(r.webhookId()));
            raw = slow.accepted.size();
        }
        assertThat(arrived.size()).as("the kill left events undelivered").isLessThan(30);

        try (HookReceiver rx = new HookReceiver(secret, port)) {
            // The next Lumasync process on the folder (here the daemon) sends what the killed one left.
            Process daemon = dist.builder("daemon").redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("daemon.log").toFile()).start();
            List<JsonNode> log = List.of();
            try {
                long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (System.nanoTime() < end) {
                    Thread.sleep(2000);
                    Dist.Result r = dist.run("hooks", "deliveries", "--json", "--limit", "1000");
                    assertThat(r.exit()).as(r.err()).isZero();
                    log = List.copyOf(new ObjectMapper().readTree(r.out()).valueStream().toList());
                    if (!log.isEmpty() && log.stream().allMatch(d -> d.get("state").asText().equals("delivered"))) {
                        break;
                    }
                }
            } finally {
                daemon.destroy();
                daemon.waitFor(20, TimeUnit.SECONDS);
            }
            assertThat(log).as("everything delivered").allMatch(d -> d.get("state").asText().equals("delivered"));
            Set<String> queued = new HashSet<>();
            log.forEach(d -> queued.add(d.get("eventId").asText()));
            rx.accepted.forEach(x -> arrived.add(x.webhookId()));
            assertThat(rx.refusals).isEmpty();
            assertThat(queued).as("one asset.synced per image and one sync.completed; the push may have been "
                    + "killed before its end").hasSizeGreaterThan(3);
            assertThat(arrived).as("every queued event arrived").containsAll(queued);
            assertThat(raw + rx.accepted.size() - arrived.size())
                    .as("repeats: at most the one in flight at the kill").isLessThanOrEqualTo(1);
        }
    }
}
