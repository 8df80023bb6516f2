package io.lumasync.ui.autosync;

import io.lumasync.core.LumasyncException;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.common.engine.AutosyncControl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The desktop app's autosync: every source with an interval runs on one background thread, one run at a time;
 * "watch" sources run as soon as their files settle (the engine's folder watcher) and, as a safety net, every
 * minute.
 */
public final class IntervalAutosync implements AutosyncControl, AutoCloseable {
    private static final Duration WATCH_POLL = Duration.ofMinutes(1);

    /** What the scheduler needs of the engine. Calls block; they run on the scheduler's thread. */
    public interface Engine {
        List<SourceInfo> sources() throws LumasyncException;

        /** Runs the named sources (all when empty). */
        RunReport run(List<String> sourceNames) throws LumasyncException;

        /** Saves a changed schedule (same name: an update). */
        void save(SourceInfo source) throws LumasyncException;

        /** Watches a source that can tell when it changed; empty when it cannot. */
        default Optional<AutoCloseable> watch(String sourceName, Runnable onChange) throws LumasyncException {
            return Optional.empty();
        }
    }

    private final Map<String, AutoCloseable> watches = new ConcurrentHashMap<>();

    private final Engine sync;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lumasync-autosync");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Instant> next = new ConcurrentHashMap<>();
    private final List<Consumer<RunReport>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean enabled = true;
    private volatile boolean paused;
    private volatile RunReport last;

    public IntervalAutosync(Engine engine, Clock clock) {
        this.sync = engine;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::tick, 20, 20, TimeUnit.SECONDS);
        timer.execute(this::watchAll);
    }

    /** Starts watching every source in watch mode (on the scheduler thread: the first listing may take a while). */
    private void watchAll() {
        try {
            for (SourceInfo s : sync.sources()) {
                if (s.watch()) {
                    watch(s.name());
                }
            }
        } catch (LumasyncException | RuntimeException e) {
            // the minute poll still covers watch sources
        }
    }

    private void watch(String name) {
        unwatch(name);
        try {
            sync.watch(name, () -> {
                if (enabled && !paused) {
                    timer.execute(() -> run(List.of(name)));
                }
            }).ifPresent(w -> watches.put(name, w));
        } catch (LumasyncException | RuntimeException e) {
            // the minute poll still covers it
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

    /** Runs every source that is due now (the timer calls this every 20 s). */
    void tick() {
        if (!enabled || paused) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (SourceInfo s : sync.sources()) {
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
            // The next tick tries again; the failure is in the activity log when it came from a run.
        }
    }

    private void run(List<String> sources) {
        try {
            RunReport r = sync.run(sources);
            last = r;
            listeners.forEach(l -> l.accept(r));
        } catch (LumasyncException e) {
            RunReport r = new RunReport(false, Map.of(), List.of(), List.of(e.getMessage()));
            last = r;
            listeners.forEach(l -> l.accept(r));
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

    @Override
    public void runNow() {
        timer.execute(() -> run(List.of()));
    }

    @Override
    public Optional<Instant> nextRun(String sourceName) {
        return enabled && !paused ? Optional.ofNullable(next.get(sourceName)) : Optional.empty();
    }

    @Override
    public void schedule(String sourceName, Optional<Duration> interval, boolean watch) throws LumasyncException {
        SourceInfo s = sync.sources().stream().filter(i -> i.name().equals(sourceName)).findFirst()
                .orElseThrow(() -> new LumasyncException(io.lumasync.core.ErrorKind.GIVE_UP,
                        "The source \"" + sourceName + "\" no longer exists."));
        sync.save(new SourceInfo(s.name(), s.typeId(), s.settings(), s.destinations(), s.encode(), watch,
                interval, s.propagateDeletes(), s.deleteShare(), s.lastRunAt(), s.lastError()));
        Optional<Duration> every = watch ? Optional.of(WATCH_POLL) : interval;
        every.ifPresentOrElse(d -> next.put(sourceName, clock.instant().plus(d)), () -> next.remove(sourceName));
        if (watch) {
            timer.execute(() -> watch(sourceName));
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

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
