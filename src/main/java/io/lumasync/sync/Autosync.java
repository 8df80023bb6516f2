package io.lumasync.sync;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LogFile;
import io.lumasync.core.LumasyncException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one autosync scheduler, behind the tray, the Autosync pane and {@code lumasync daemon}. Every source with an
 * interval runs when it is due; a source in watch mode runs as soon as its files settle and, as a safety net for
 * missed file events, every minute. Everything happens on one thread, one run at a time; a source already waiting
 * to run is not queued twice. Schedules are read again at every tick, so a source added or changed elsewhere (the
 * CLI, another window) is picked up without a restart.
 */
public final class Autosync implements AutosyncControl, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Autosync.class);
    /** How long a watched file must stay unchanged before it is picked up. */
    public static final Duration SETTLE = Duration.ofSeconds(3);
    static final Duration WATCH_POLL = Duration.ofMinutes(1);
    private static final Duration TICK = Duration.ofSeconds(20);

    /** What the scheduler needs of the engine. Calls block; they run on the scheduler's thread. */
    public interface Engine {
        List<SourceInfo> sources() throws LumasyncException;

        /** Runs the named sources (all when empty). */
        RunReport run(List<String> sourceNames, SyncListener listener) throws LumasyncException;

        /** Finishes work an earlier process left unfinished. */
        RunReport resume(SyncListener listener) throws LumasyncException;

        /** Saves a changed schedule (same name: an update). */
        void save(SourceInfo source) throws LumasyncException;

        /** Watches a source that can tell when it changed; empty when it cannot. */
        Optional<AutoCloseable> watch(String sourceName, Runnable onChange) throws LumasyncException;

        /** Asks the run in progress to stop after the items it is working on. */
        void cancel();
    }

    private final Engine engine;
    private final Clock clock;
    private final SyncListener items;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lumasync-autosync").daemon(true).factory());
    private final Map<String, Instant> next = new ConcurrentHashMap<>();
    private final Map<String, AutoCloseable> watches = new ConcurrentHashMap<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final List<Consumer<RunReport>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean enabled = true;
    private volatile boolean paused;
    private volatile boolean closed;
    private volatile RunReport last;

    /** @param items told about every item of every run (the daemon prints them; the desktop app does not) */
    public Autosync(Engine engine, Clock clock, SyncListener items) {
        this.engine = engine;
        this.clock = clock;
        this.items = items;
    }

    /** The scheduler over the sync service. */
    public static Autosync over(SyncService sync, SyncListener items) {
        return new Autosync(new Engine() {
            @Override
            public List<SourceInfo> sources() throws LumasyncException {
                return sync.sources();
            }

            @Override
            public RunReport run(List<String> sourceNames, SyncListener listener) throws LumasyncException {
                return sync.autosyncSources(sourceNames, listener);
            }

            @Override
            public RunReport resume(SyncListener listener) throws LumasyncException {
                return sync.resumeInterrupted(listener);
            }

            @Override
            public void save(SourceInfo source) throws LumasyncException {
                sync.updateSource(source, Map.of());
            }

            @Override
            public Optional<AutoCloseable> watch(String sourceName, Runnable onChange) throws LumasyncException {
                return sync.watch(sourceName, SETTLE, onChange);
            }

            @Override
            public void cancel() {
                sync.cancel();
            }
        }, Clock.systemUTC(), items);
    }

    /**
     * Starts in the background: finishes interrupted work, watches the sources in watch mode and runs them once
     * (to catch up with what changed while nothing watched), then ticks.
     */
    public void start() {
        thread.execute(() -> {
            try {
                RunReport resumed = engine.resume(items);
                if (!resumed.results().isEmpty() || !resumed.problems().isEmpty()) {
                    report(resumed);
                }
            } catch (LumasyncException | RuntimeException e) {
                report(problem("Interrupted work could not be finished: " + reason(e)));
            }
            try {
                for (SourceInfo s : engine.sources()) {
                    if (s.watch()) {
                        watch(s.name());
                        request(s.name());
                    }
                }
            } catch (LumasyncException | RuntimeException e) {
                report(problem("The sources could not be read: " + reason(e)));
            }
        });
        thread.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs every source that is due now (the scheduler's thread calls this every 20 s). */
    void tick() {
        if (!enabled || paused || closed) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (SourceInfo s : engine.sources()) {
                Optional<Duration> every = s.watch() ? Optional.of(WATCH_POLL) : s.interval();
                if (every.isEmpty()) {
                    next.remove(s.name());
                    continue;
                }
                Instant due = next.computeIfAbsent(s.name(), n -> now.plus(every.get()));
                if (!due.isAfter(now)) {
                    run(List.of(s.name()));
                    next.put(s.name(), clock.instant().plus(every.get()));
                }
            }
        } catch (LumasyncException | RuntimeException e) {
            report(problem("The sources could not be read: " + reason(e)));
        }
    }

    /** Runs a source soon (ignored while paused or off; merged with a run of it already waiting). */
    public void request(String source) {
        if (!enabled || paused || closed || !queued.add(source)) {
            return;
        }
        submit(() -> {
            queued.remove(source);
            run(List.of(source));
        });
    }

    private void run(List<String> sources) {
        if (closed) {
            return;
        }
        try {
            report(engine.run(sources, items));
        } catch (LumasyncException | RuntimeException e) {
            report(problem((sources.isEmpty() ? "" : String.join(", ", sources) + ": ") + reason(e)));
        }
    }

    /** Ours as written; anything unexpected goes to the log with its stack trace and is named as such. */
    private static String reason(Exception e) {
        if (e instanceof LumasyncException) {
            return e.getMessage();
        }
        LOG.error("Unexpected error in autosync", e);
        return LogFile.unexpectedError(e);
    }

    private void report(RunReport r) {
        last = r;
        listeners.forEach(l -> l.accept(r));
    }

    private static RunReport problem(String message) {
        return new RunReport(false, Map.of(), List.of(), List.of(message));
    }

    private void watch(String name) {
        unwatch(name);
        try {
            engine.watch(name, () -> request(name)).ifPresent(w -> watches.put(name, w));
        } catch (LumasyncException | RuntimeException e) {
            report(problem(name + ": cannot watch for changes (" + reason(e) + "); checked every minute instead."));
        }
    }

    private void unwatch(String name) {
        AutoCloseable w = watches.remove(name);
        if (w != null) {
            try {
                w.close();
            } catch (Exception ignored) {
                // stopping a watcher that already failed
            }
        }
    }

    private void submit(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException stopped) {
            // closing: nothing more runs
        }
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean on) {
        enabled = on;
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    /** Runs every source now, paused or not. */
    @Override
    public void runNow() {
        submit(() -> run(List.of()));
    }

    @Override
    public Optional<Instant> nextRun(String sourceName) {
        return enabled && !paused ? Optional.ofNullable(next.get(sourceName)) : Optional.empty();
    }

    @Override
    public void schedule(String sourceName, Optional<Duration> interval, boolean watch) throws LumasyncException {
        SourceInfo s = engine.sources().stream().filter(i -> i.name().equals(sourceName)).findFirst()
                .orElseThrow(() -> new LumasyncException(ErrorKind.GIVE_UP,
                        "The source \"" + sourceName + "\" no longer exists."));
        engine.save(new SourceInfo(s.name(), s.typeId(), s.settings(), s.destinations(), s.encode(), watch,
                interval, s.propagateDeletes(), s.deleteShare(), s.lastRunAt(), s.lastError()));
        Optional<Duration> every = watch ? Optional.of(WATCH_POLL) : interval;
        every.ifPresentOrElse(d -> next.put(sourceName, clock.instant().plus(d)), () -> next.remove(sourceName));
        if (watch) {
            submit(() -> watch(sourceName));
        } else {
            unwatch(sourceName);
        }
    }

    @Override
    public Optional<RunReport> lastRun() {
        return Optional.ofNullable(last);
    }

    @Override
    public void addListener(Consumer<RunReport> listener) {
        listeners.add(listener);
    }

    /** Stops: the run in progress finishes the items it is working on (up to 30 s), nothing new starts. */
    @Override
    public void close() {
        closed = true;
        watches.keySet().forEach(this::unwatch);
        engine.cancel();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }
}
