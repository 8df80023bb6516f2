package io.lumasync.sync;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.store.ActivityEvent;
import io.lumasync.store.ActivityLog;
import io.lumasync.store.Database;
import io.lumasync.store.OptimizeJournal;
import io.lumasync.store.OptimizeJournal.State;
import io.lumasync.store.StoreException;
import io.lumasync.store.PublishedPixels;
import io.lumasync.store.SyncMap;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Optimize as an engine run: recompresses images already at a destination, keeping each original in the backups
 * first. The plan is journaled before anything is touched and every step is committed before it is taken, so a
 * killed run resumes (from any process, once its owner is gone) without replacing an image twice.
 */
public final class Optimizer {
    /** The pseudo-source Optimize's activity lines and progress carry. */
    public static final String SOURCE = "optimize";

    private final Database db;
    private final OptimizeJournal journal;
    private final AdapterResolver adapters;
    private final OptimizeSteps steps;
    private final OptimizeBackups backups;
    private final OptimizeRollback rollback;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** An image to work on, and how far an earlier, interrupted run got with it. */
    private record Work(RemoteAsset asset, long itemId, State state, String originalHash) {
    }

    Optimizer(Database db, AdapterResolver adapters, OptimizeSteps steps, OptimizeBackups backups, Clock clock) {
        this.db = db;
        this.journal = new OptimizeJournal(db, clock);
        this.adapters = adapters;
        this.steps = steps;
        this.backups = backups;
        this.rollback = new OptimizeRollback(backups, steps);
        this.clock = clock;
    }

    /** The one image shown before and after, without changing anything. */
    public record Preview(String fileName, byte[] before, EncodedImage after) {
    }

    List<RemoteAsset> list(String destination, int page, int perPage) throws LumasyncException {
        Destination d = adapters.destination(destination);
        if (!d.capabilities().canList()) {
            throw LumasyncException.giveUp("\"" + destination + "\" cannot list its files, so it cannot be optimized.");
        }
        return steps.withRetries(() -> d.list(page, perPage));
    }

    Preview preview(String destination, RemoteAsset asset, EncodeSettings settings) throws LumasyncException {
        Destination d = adapters.destination(destination);
        byte[] before = steps.download(d, asset);
        return new Preview(asset.fileName(), before, steps.encode(d.capabilities(), asset, before, settings));
    }

    /** Lists the destination, picks the images the request selects, and optimizes them. */
    OptimizeReport optimize(OptimizeRequest request, SyncListener listener) throws LumasyncException {
        List<RemoteAsset> chosen = OptimizeSelection.select(this, request.destination(), request.select());
        return optimize(request.destination(), chosen, request.settings(), request.dryRun(), listener);
    }

    OptimizeReport optimize(String destination, List<RemoteAsset> assets, EncodeSettings settings, boolean dryRun,
                            SyncListener listener) throws LumasyncException {
        lock.lock();
        try {
            List<OptimizeResult> results = new ArrayList<>();
            if (!dryRun) {
                results.addAll(resumeLocked(listener).items());
            }
            Destination d = adapters.destination(destination);
            if (dryRun) {
                List<Work> work = assets.stream().map(a -> new Work(a, -1, State.PLANNED, "")).toList();
                results.addAll(execute(d, destination, settings, work, true, listener));
                return new OptimizeReport(destination, true, results, List.of());
            }
            List<OptimizeJournal.Item> plan = assets.stream().map(a -> new OptimizeJournal.Item(0, 0, a.ref().id(),
                    a.ref().url(), a.fileName(), a.mimeType(), a.size(), State.PLANNED, "")).toList();
            OptimizeJournal.Started started = journal.startRun(destination, settings, Owner.current(), plan);
            results.addAll(execute(d, destination, settings, started.items().stream().map(Optimizer::work).toList(),
                    false, listener));
            journal.finishRun(started.runId());
            return new OptimizeReport(destination, false, results, List.of());
        } finally {
            lock.unlock();
        }
    }

    /** Finishes Optimize runs whose process died. */
    OptimizeReport resume(SyncListener listener) throws LumasyncException {
        lock.lock();
        try {
            return resumeLocked(listener);
        } finally {
            lock.unlock();
        }
    }

    private OptimizeReport resumeLocked(SyncListener listener) throws LumasyncException {
        List<OptimizeResult> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (OptimizeJournal.Interrupted run : journal.interrupted(Owner::alive)) {
            try {
                Destination d = adapters.destination(run.destination());
                results.addAll(execute(d, run.destination(), run.encode(),
                        run.items().stream().map(Optimizer::work).toList(), false, listener));
                journal.finishRun(run.runId());
            } catch (LumasyncException e) {
                // The run stays open: the next start tries it again once the destination is back.
                problems.add("An interrupted optimize of \"" + run.destination() + "\" could not go on: "
                        + e.getMessage());
            }
        }
        return new OptimizeReport("", false, results, problems);
    }

    void cancel() {
        cancelled.set(true);
    }

    private List<OptimizeResult> execute(Destination d, String destination, EncodeSettings settings, List<Work> work,
                                         boolean dryRun, SyncListener listener) throws LumasyncException {
        cancelled.set(false);
        Capabilities caps = steps.withRetries(d::capabilities);
        List<OptimizeResult> results = new ArrayList<>();
        LumasyncException blocked = null;
        for (Work w : work) {
            OptimizeItemRun run = new OptimizeItemRun(d, caps, destination, settings, w.asset(), dryRun, listener,
                    backups, steps);
            OptimizeResult r;
            if (cancelled.get() || blocked != null) {
                r = run.failed(cancelled.get() ? "cancelled before it started." : blocked.getMessage());
            } else {
                try {
                    r = run.process(w.state(), w.originalHash(), new OptimizeItemRun.Journal() {
                        @Override
                        public void record(OptimizeItemRun.Step step) throws LumasyncException {
                            journal(w, step);
                        }

                        @Override
                        public void moved(RemoteRef from, RemoteRef to) throws LumasyncException {
                            repoint(destination, from, to);
                        }
                    });
                } catch (LumasyncException e) {
                    if (e.kind() == ErrorKind.REAUTH || e.kind() == ErrorKind.UNAVAILABLE) {
                        blocked = e; // a destination that refuses us or is gone would fail every other image too
                    }
                    r = run.failed(e.getMessage());
                }
            }
            if (!dryRun) {
                finish(w.itemId(), r, run.originalHash());
                if (r.outcome().state() == io.lumasync.store.JobState.DONE) {
                    new PublishedPixels(db).forget(destination, r.assetId());   // its size is no longer what it was
                }
            }
            results.add(r);
            listener.onItem(r.progress());
            listener.onBatch(batch(work.size(), results));
        }
        return results;
    }

    private void journal(Work w, OptimizeItemRun.Step step) throws LumasyncException {
        journal.setState(w.itemId(), step.state(), step.originalHash(), "");
    }

    private void repoint(String destination, RemoteRef from, RemoteRef to) throws LumasyncException {
        db.query(c -> SyncMap.repoint(c, destination, from, to));
    }

    /** Commits the item's end and its activity line together. */
    private void finish(long itemId, OptimizeResult r, String originalHash) {
        try {
            db.inTransaction(c -> {
                OptimizeJournal.setState(c, itemId, switch (r.outcome().state()) {
                    case DONE -> State.DONE;
                    case FAILED -> State.FAILED;
                    default -> State.SKIPPED;
                }, originalHash, r.outcome().name(), clock.millis());
                ActivityLog.append(c, event(r));
                return null;
            });
        } catch (StoreException ignored) {
            // reported to the user either way; the journal still says the item is open, so it is checked again
        }
    }

    /** Puts the kept originals back (all of a destination's, or the named assets') and forgets their backups. */
    OptimizeReport rollback(String destination, List<String> assetIds, SyncListener listener) throws LumasyncException {
        lock.lock();
        try {
            List<OptimizeBackups.Backup> kept = backups.all(destination);
            List<String> problems = new ArrayList<>();
            for (String id : assetIds) {
                if (kept.stream().noneMatch(b -> b.id().equals(id))) {
                    problems.add("There is no kept original of \"" + id + "\" for " + destination + ".");
                }
            }
            List<OptimizeBackups.Backup> chosen = kept.stream()
                    .filter(b -> assetIds.isEmpty() || assetIds.contains(b.id())).toList();
            List<OptimizeResult> results = new ArrayList<>();
            if (chosen.isEmpty()) {
                return new OptimizeReport(destination, false, results, problems);
            }
            Destination d = adapters.destination(destination);
            Capabilities caps = steps.withRetries(d::capabilities);
            for (OptimizeBackups.Backup b : chosen) {
                OptimizeResult r = rollback.restore(d, caps, destination, b, (from, to) -> repoint(destination, from, to));
                results.add(r);
                appendActivity(r);
                listener.onItem(r.progress());
                listener.onBatch(batch(chosen.size(), results));
            }
            return new OptimizeReport(destination, false, results, problems);
        } finally {
            lock.unlock();
        }
    }

    private void appendActivity(OptimizeResult r) {
        try {
            new ActivityLog(db).append(event(r));
        } catch (StoreException ignored) {
            // the restore itself is what matters
        }
    }

    private ActivityEvent event(OptimizeResult r) {
        String kind = switch (r.outcome().state()) {
            case DONE -> "replaced";
            case FAILED -> "failed";
            default -> "skipped";
        };
        return new ActivityEvent(0, clock.instant(), kind, SOURCE, r.fileName(), r.destination(), r.message(), r.url(),
                r.bytesBefore(), r.bytesAfter(), db.origin());
    }

    private static BatchProgress batch(int total, List<OptimizeResult> results) {
        int done = (int) results.stream().filter(r -> r.outcome().state() == io.lumasync.store.JobState.DONE).count();
        int failed = (int) results.stream().filter(r -> r.outcome() == OptimizeResult.Outcome.FAILED).count();
        return new BatchProgress(total, done, results.size() - done - failed, failed);
    }

    private static Work work(OptimizeJournal.Item i) {
        return new Work(new RemoteAsset(new RemoteRef(i.remoteId(), i.remoteUrl()), i.fileName(), i.mimeType(),
                i.size(), 0, 0, ""), i.id(), i.state(), i.originalHash());
    }

    /** Which process runs an Optimize run: its pid and start time, so a reused pid is not taken for the owner. */
    static final class Owner {
        private Owner() {
        }

        static String current() {
            ProcessHandle me = ProcessHandle.current();
            return me.pid() + "@" + me.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        }

        static boolean alive(String owner) {
            String[] parts = owner.split("@", 2);
            try {
                long pid = Long.parseLong(parts[0]);
                long started = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
                Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
                return h.isPresent() && (started == 0
                        || h.get().info().startInstant().map(Instant::toEpochMilli).orElse(started) == started);
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
