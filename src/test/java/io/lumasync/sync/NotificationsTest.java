package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.SecretVault;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.Database;
import io.lumasync.store.HookDelivery;
import io.lumasync.store.Hooks;
import io.lumasync.store.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Event hooks end to end: real syncs, a real receiver on 127.0.0.1 that checks signatures the way the Standard
 * Webhooks spec (https://www.standardwebhooks.com, "Verifying webhook authenticity") and GitHub's "Validating webhook
 * deliveries" page tell receivers to, durable deliveries across engines, back-off and Retry-After.
 */
class NotificationsTest {
    private static final Duration FIRST_WAIT = Duration.ofMillis(100);
    @TempDir
    Path dir;
    private final SecretVault vault = new InMemorySecretVault();

    private SyncService open() throws Exception {
        return SyncService.open(dir.resolve("data"), vault, new PassThroughPipeline(),
                new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false).withHookFirstWait(FIRST_WAIT));
    }

    private Path photo(String name, int shade) throws Exception {
        Path f = dir.resolve("in/" + name);
        Files.createDirectories(f.getParent());
        Files.write(f, TinyPng.solid(8, 8, shade));
        return f;
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private RunReport push(SyncService sync, Path... files) throws Exception {
        return sync.push(List.of(files), List.of("out"), EngineFixture.ORIGINAL, AssetMetadata.EMPTY, false,
                SyncListener.NONE);
    }

    @Test
    void bothSignatureSchemesVerifyAtARealReceiver() throws Exception {
        String hexSecret = "a secret the receiver already had";
        try (SyncService sync = open()) {
            sync.addDestination("out", "folder", Map.of("path", dir.resolve("out").toString()));
            String generated = io.lumasync.http.signing.WebhookSigner.generateSecret();
            try (HookReceiver std = new HookReceiver(generated, 0);
                 HookReceiver hex = new HookReceiver(hexSecret, 0)) {
                sync.notifications().addHook("std", std.url(), List.of("asset.synced", "sync.completed"),
                        "standard-webhooks", "", generated);
                sync.notifications().addHook("hex", hex.url(), List.of("sync.completed"), "hmac-sha256-hex",
                        "X-Signature-256", hexSecret);

                RunReport r = push(sync, photo("a.png", 10), photo("b.png", 20));
                assertThat(r.results()).allMatch(p -> p.state() == JobState.DONE);

                await("three events at the Standard Webhooks receiver", () -> std.accepted.size() == 3);
                await("one event at the hex receiver", () -> hex.accepted.size() == 1);
                assertThat(std.refusals).isEmpty();
                assertThat(hex.refusals).isEmpty();
                assertThat(std.types()).containsExactlyInAnyOrder("asset.synced", "asset.synced", "sync.completed");
                assertThat(hex.types()).containsExactly("sync.completed");
                var completed = hex.accepted.getFirst().body();
                assertThat(completed.get("data").get("done").asLong()).isEqualTo(2);
                assertThat(completed.get("id").asText()).startsWith("evt_");
                var synced = std.accepted.stream().filter(x -> x.type().equals("asset.synced")).findFirst().orElseThrow();
                assertThat(synced.body().get("data").get("destination").asText()).isEqualTo("out");
                assertThat(synced.webhookId()).isEqualTo(synced.body().get("id").asText());
                await("the log says delivered", () -> deliveries(sync).stream()
                        .allMatch(d -> d.state().equals(HookDelivery.DELIVERED)));
            }
        }
    }

    @Test
    void aFailingHookIsTriedAgainWithGrowingWaitsAndRetryAfterWins() throws Exception {
        try (SyncService sync = open(); HookReceiver rx = new HookReceiver("s3cret-for-hex", 0)) {
            sync.addDestination("out", "folder", Map.of("path", dir.resolve("out").toString()));
            rx.answers.add(500);
            rx.answers.add(500);
            sync.notifications().addHook("flaky", rx.url(), List.of("sync.completed"), "hmac-sha256-hex", "",
                    "s3cret-for-hex");
            push(sync, photo("a.png", 10));
            await("delivered after two 500s", () -> rx.accepted.size() == 1);
            await("recorded as delivered", () -> deliveries(sync).getFirst().state().equals(HookDelivery.DELIVERED));
            HookDelivery d = deliveries(sync).getFirst();
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastStatus()).isEqualTo(200);

            rx.answers.add(429);
            rx.retryAfter = "2";
            Instant before = Instant.now();
            push(sync, photo("b.png", 20));
            await("the 429 recorded", () -> deliveries(sync).getFirst().attempts() == 1);
            HookDelivery limited = deliveries(sync).getFirst();
            assertThat(limited.lastStatus()).isEqualTo(429);
            assertThat(limited.nextAt()).as("Retry-After: 2 outweighs a 100 ms back-off")
                    .isAfter(before.plusMillis(1_900));
            await("delivered after the wait", () -> rx.accepted.size() == 2);
            assertThat(Duration.between(before, Instant.now())).isGreaterThan(Duration.ofMillis(1_900));
        }
    }

    @Test
    void aSlowOrFailingHookDoesNotSlowASync() throws Exception {
        try (SyncService sync = open(); HookReceiver slow = new HookReceiver("hex-secret", 0);
             HookReceiver failing = new HookReceiver("hex-secret", 0)) {
            sync.addDestination("out", "folder", Map.of("path", dir.resolve("out").toString()));
            slow.delay = Duration.ofSeconds(3);
            for (int i = 0; i < 50; i++) {
                failing.answers.add(503);
            }
            failing.retryAfter = "1";
            sync.notifications().addHook("slow", slow.url(), List.of(), "hmac-sha256-hex", "", "hex-secret");
            sync.notifications().addHook("failing", failing.url(), List.of(), "hmac-sha256-hex", "", "hex-secret");
            Path[] files = new Path[5];
            for (int i = 0; i < files.length; i++) {
                files[i] = photo("p" + i + ".png", i * 10);
            }
            long start = System.nanoTime();
            RunReport r = push(sync, files);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.results()).allMatch(p -> p.state() == JobState.DONE);
            assertThat(took).as("12 events to a 3 s receiver would take 36 s if the sync waited")
                    .isLessThan(Duration.ofSeconds(3));
            assertThat(deliveries(sync)).hasSize(12);
        }
    }

    @Test
    void deliveriesQueuedWhileTheReceiverIsDownArriveOnceAfterARestart() throws Exception {
        int port;
        String secret = io.lumasync.http.signing.WebhookSigner.generateSecret();
        try (HookReceiver probe = new HookReceiver(secret, 0)) {
            port = probe.port();
        }
        String url = "http://127.0.0.1:" + port + "/events";
        try (SyncService sync = open()) {
            sync.addDestination("out", "folder", Map.of("path", dir.resolve("out").toString()));
            sync.notifications().addHook("later", url, List.of(), "standard-webhooks", "", secret);
            push(sync, photo("a.png", 10), photo("b.png", 20), photo("c.png", 30));
            await("a failed attempt", () -> deliveries(sync).stream().anyMatch(d -> d.attempts() > 0));
        }
        // A process that died while sending left leases behind: a new engine takes them over.
        try (Database db = Database.open(dir.resolve("data/lumasync.db"))) {
            Hooks hooks = new Hooks(db);
            List<HookDelivery> pending = hooks.deliveries(Optional.empty(), 100);
            assertThat(pending).hasSize(4).allMatch(d -> d.state().equals(HookDelivery.PENDING));
            String deadOwner = "999999-1-0badc0de";
            assertThat(hooks.claim(deadOwner, Instant.now().plusSeconds(3600), Instant.now().plusSeconds(3600), 2,
                    owner -> false)).hasSize(2);
        }
        try (HookReceiver rx = new HookReceiver(secret, port); SyncService again = open()) {
            await("all four events", () -> rx.accepted.size() >= 4);
            Thread.sleep(500);
            assertThat(rx.accepted).hasSize(4);
            Set<String> ids = rx.accepted.stream().map(HookReceiver.Received::webhookId).collect(Collectors.toSet());
            assertThat(ids).as("each event once").hasSize(4);
            assertThat(rx.refusals).isEmpty();
            await("the log says delivered", () -> deliveries(again).stream()
                    .allMatch(d -> d.state().equals(HookDelivery.DELIVERED)));
        }
    }

    @Test
    void aShortCommandTellsAReachableReceiverBeforeItCloses() throws Exception {
        try (HookReceiver rx = new HookReceiver("hex", 0)) {
            try (SyncService sync = open()) {
                sync.addDestination("out", "folder", Map.of("path", dir.resolve("out").toString()));
                sync.notifications().addHook("h", rx.url(), List.of(), "hmac-sha256-hex", "", "hex");
                push(sync, photo("a.png", 10), photo("b.png", 20));
            }
            assertThat(rx.types()).as("sent while closing, not left for the next process")
                    .containsExactlyInAnyOrder("asset.synced", "asset.synced", "sync.completed");
        }
    }

    @Test
    void resendQueuesADeliveredEventAgainWithItsId() throws Exception {
        try (SyncService sync = open(); HookReceiver rx = new HookReceiver("hex", 0)) {
            sync.addDestination("out", "folder", Map.of("path", dir.resolve("out").toString()));
            sync.notifications().addHook("h", rx.url(), List.of("sync.completed"), "hmac-sha256-hex", "", "hex");
            push(sync, photo("a.png", 10));
            await("first delivery", () -> rx.accepted.size() == 1);
            await("logged", () -> deliveries(sync).getFirst().state().equals(HookDelivery.DELIVERED));
            sync.notifications().resend(deliveries(sync).getFirst().id());
            await("resent", () -> rx.accepted.size() == 2);
            assertThat(rx.accepted.get(1).webhookId()).isEqualTo(rx.accepted.get(0).webhookId());
        }
    }

    @Test
    void hooksGoToHttpsOrThisComputerOnlyAndNameKnownEvents() throws Exception {
        try (SyncService sync = open()) {
            assertThatThrownBy(() -> sync.notifications().addHook("h", "http://hooks.example.com/in", List.of(),
                    "standard-webhooks", "", "")).isInstanceOf(ConfigurationException.class).hasMessageContaining("https://");
            assertThatThrownBy(() -> sync.notifications().addHook("h", "https://hooks.example.com/in",
                    List.of("asset.published"), "standard-webhooks", "", ""))
                    .hasMessageContaining("not an event");
            assertThatThrownBy(() -> sync.notifications().addHook("h", "https://hooks.example.com/in", List.of(),
                    "hmac-sha256-hex", "", "")).hasMessageContaining("empty");
            sync.notifications().addHook("h", "https://hooks.example.com/in", List.of(), "standard-webhooks", "", "");
            assertThat(vault.get("hook/h/secret")).get().asString().startsWith("whsec_");
            assertThat(sync.notifications().hooks()).singleElement()
                    .satisfies(h -> assertThat(h.url()).isEqualTo("https://hooks.example.com/in"));
            sync.notifications().removeHook("h");
            assertThat(vault.get("hook/h/secret")).isEmpty();
        }
    }

    @Test
    void listenersHearEveryEventAndDisabledHooksGetNone() throws Exception {
        try (SyncService sync = open(); HookReceiver rx = new HookReceiver("hex", 0)) {
            sync.addDestination("out", "folder", Map.of("path", dir.resolve("out").toString()));
            sync.notifications().addHook("h", rx.url(), List.of(), "hmac-sha256-hex", "", "hex");
            sync.notifications().enableHook("h", false);
            List<String> heard = new CopyOnWriteArrayList<>();
            sync.notifications().listen(e -> heard.add(e.type()));
            push(sync, photo("a.png", 10));
            sync.testDestination("out");
            assertThat(heard).containsExactly("asset.synced", "sync.completed", "destination.connected");
            assertThat(deliveries(sync)).isEmpty();
        }
    }

    private static List<HookDelivery> deliveries(SyncService sync) {
        try {
            return sync.notifications().deliveries(Optional.empty(), 100);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
