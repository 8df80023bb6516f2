package io.lumasync.sync;

import io.lumasync.core.LogFile;
import io.lumasync.core.LumasyncException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The background autosync service (tray and {@code lumasync daemon}): runs each source at its interval and,
 * for watched folders, shortly after files settle. Runs go one at a time; a source already waiting to run is
 * not queued twice.
 */
public final class Autosync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Autosync.class);
    /** Default settle delay for watched folders: a file must be unchanged this long before it is picked up. */
    public static final Duration SETTLE = Duration.ofSeconds(3);

    private final SyncService service;
    private final SyncListener listener;
    private final Consumer<String> onProblem;
    private final Consumer<RunReport> onFinished;
    private final Duration settle;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lumasync-autosync-timer").daemon(true).factory());
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("lumasync-autosync").daemon(true).factory());
    private final Map<String, Instant> nextRun = new ConcurrentHashMap<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final List<AutoCloseable> watches = new ArrayList<>();
    private volatile boolean paused;

    public Autosync(SyncService service, Duration settle, SyncListener listener, Consumer<RunReport> onFinished,
                    Consumer<String> onProblem) {
        this.service = service;
        this.settle = settle;
        this.listener = listener;
        this.onFinished = onFinished;
        this.onProblem = onProblem;
    }

    /** Schedules every source with an interval and watches those in watch mode. Resumes interrupted work first. */
    public synchronized void start() throws LumasyncException {
        runner.submit(() -> {
            try {
                onFinished.accept(service.resumeInterrupted(listener));
            } catch (LumasyncException e) {
                onProblem.accept(e.getMessage());
            }
        });
        for (SourceInfo s : service.sources()) {
            s.interval().ifPresent(iv -> {
                nextRun.put(s.name(), Instant.now().plus(iv));
                timer.scheduleAtFixedRate(() -> {
                    nextRun.put(s.name(), Instant.now().plus(iv));
                    request(s.name());
                }, iv.toMillis(), iv.toMillis(), TimeUnit.MILLISECONDS);
            });
            if (s.watch()) {
                service.watch(s.name(), settle, () -> request(s.name())).ifPresent(watches::add);
                request(s.name()); // catch up with what changed while nothing was watching
            }
        }
    }

    /** Runs a source soon (ignored while paused; merged with a run already waiting). */
    public void request(String source) {
        if (paused || !queued.add(source)) {
            return;
        }
        runner.submit(() -> {
            queued.remove(source);
            try {
                onFinished.accept(service.syncSources(List.of(source), false, false, listener));
            } catch (LumasyncException e) {
                onProblem.accept(source + ": " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Unexpected error while syncing the source '{}'", source, e);
                onProblem.accept(source + ": " + LogFile.unexpectedError(e));
            }
        });
    }

    /** Runs every source now, paused or not. */
    public void runNow() throws LumasyncException {
        boolean was = paused;
        paused = false;
        for (SourceInfo s : service.sources()) {
            request(s.name());
        }
        paused = was;
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean paused() {
        return paused;
    }

    public Optional<Instant> nextRun(String source) {
        return Optional.ofNullable(nextRun.get(source));
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable w : watches) {
            try {
                w.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
        timer.shutdownNow();
        service.cancel();
        runner.shutdown();
        try {
            runner.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
