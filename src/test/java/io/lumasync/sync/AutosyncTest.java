package io.lumasync.sync;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The one autosync scheduler, as the tray, the Autosync pane and the daemon use it. */
class AutosyncTest {
    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final List<List<String>> runs = new CopyOnWriteArrayList<>();
    private final List<SourceInfo> sources = new ArrayList<>(List.of(
            SourceInfo.of("photos", "folder", Map.of("path", "/p"), List.of("blog")),
            SourceInfo.of("manual", "folder", Map.of("path", "/m"), List.of("blog"))));

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private final AtomicInteger resumed = new AtomicInteger();
    private volatile CountDownLatch slowRun = new CountDownLatch(0);

    private final Autosync autosync = new Autosync(new Autosync.Engine() {
        @Override
        public List<SourceInfo> sources() {
            return List.copyOf(sources);
        }

        @Override
        public RunReport run(List<String> names, SyncListener listener) {
            runs.add(names);
            try {
                slowRun.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new RunReport(false, Map.of(), List.of(), List.of());
        }

        @Override
        public RunReport resume(SyncListener listener) {
            resumed.incrementAndGet();
            return new RunReport(false, Map.of(), List.of(), List.of());
        }

        @Override
        public void save(SourceInfo s) {
            sources.replaceAll(o -> o.name().equals(s.name()) ? s : o);
        }

        @Override
        public Optional<AutoCloseable> watch(String sourceName, Runnable onChange) {
            watchers.add(onChange);
            return Optional.of(() -> watchers.remove(onChange));
        }

        @Override
        public void cancel() {
        }
    }, clock, SyncListener.NONE);

    @Test
    void runsASourceWhenItsIntervalHasPassedAndOnlyThen() throws Exception {
        List<RunReport> heard = new CopyOnWriteArrayList<>();
        autosync.addListener(heard::add);
        autosync.schedule("photos", Optional.of(Duration.ofMinutes(15)), false);
        assertThat(sources.getFirst().interval()).contains(Duration.ofMinutes(15));
        assertThat(autosync.nextRun("photos")).contains(now.plus(Duration.ofMinutes(15)));
        assertThat(autosync.nextRun("manual")).isEmpty();

        autosync.tick();
        assertThat(runs).isEmpty();

        now = now.plus(Duration.ofMinutes(16));
        autosync.tick();
        assertThat(runs).containsExactly(List.of("photos"));
        assertThat(heard).hasSize(1);
        assertThat(autosync.lastRun()).isPresent();
        assertThat(autosync.nextRun("photos")).contains(now.plus(Duration.ofMinutes(15)));

        autosync.pause();
        now = now.plus(Duration.ofHours(1));
        autosync.tick();
        assertThat(runs).hasSize(1);
        assertThat(autosync.nextRun("photos")).isEmpty();
        autosync.resume();
        autosync.tick();
        assertThat(runs).hasSize(2);
        autosync.close();
    }

    @Test
    void aWatchedSourceAlsoRunsEveryMinuteWithoutAnyFileEvent() throws Exception {
        autosync.schedule("photos", Optional.empty(), true);
        autosync.tick();
        assertThat(runs).isEmpty();

        now = now.plus(Autosync.WATCH_POLL);
        autosync.tick();
        assertThat(runs).as("the safety net for missed file events").containsExactly(List.of("photos"));
        autosync.close();
    }

    @Test
    void startFinishesInterruptedWorkThenCatchesUpWatchedSourcesAndMergesEventStorms() throws Exception {
        sources.replaceAll(s -> s.name().equals("photos") ? new SourceInfo(s.name(), s.typeId(), s.settings(),
                s.destinations(), s.encode(), true, Optional.empty(), s.propagateDeletes(), s.deleteShare(),
                s.lastRunAt(), s.lastError()) : s);
        slowRun = new CountDownLatch(1);
        autosync.start();
        waitFor(() -> runs.size() == 1);
        assertThat(resumed.get()).isEqualTo(1);
        assertThat(runs).containsExactly(List.of("photos"));
        assertThat(watchers).hasSize(1);

        // While that run is busy, a burst of file events queues the source once.
        for (int i = 0; i < 5; i++) {
            watchers.getFirst().run();
        }
        slowRun.countDown();
        waitFor(() -> runs.size() == 2);
        Thread.sleep(200);
        assertThat(runs).hasSize(2);

        autosync.close();
        assertThat(watchers).as("closing stops watching").isEmpty();
        watchers.forEach(Runnable::run);
        autosync.request("photos");
        assertThat(runs).hasSize(2);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
