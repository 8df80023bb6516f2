package io.lumasync.sync;

import io.lumasync.core.EncodedImage;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LogFile;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.core.Retrier;
import io.lumasync.core.RetryPolicy;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.UrlReferences;
import io.lumasync.destination.Upload;
import io.lumasync.image.CaptureFacts;
import io.lumasync.image.ImagePipeline;
import io.lumasync.image.ImageSize;
import io.lumasync.store.ActivityEvent;
import io.lumasync.store.ActivityLog;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.Database;
import io.lumasync.store.Generations;
import io.lumasync.store.Job;
import io.lumasync.store.JobAction;
import io.lumasync.store.JobJournal;
import io.lumasync.store.JobState;
import io.lumasync.store.PublishedPixels;
import io.lumasync.store.StoreException;
import io.lumasync.store.SyncMap;
import io.lumasync.store.SyncMapEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Carries out journaled jobs: encodes on a bounded pool, uploads on virtual threads with a per-destination limit,
 * retries transient failures with back-off (honouring Retry-After), and commits each result together with its
 * sync-map row and activity line. One item's failure never stops the batch; a destination that needs
 * re-authentication or is unreachable fails its remaining jobs at once instead of hammering it.
 */
public final class SyncRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);
    private final Database db;
    private final JobJournal journal;
    private final AdapterResolver adapters;
    private final ImagePipeline pipeline;
    private final Retrier retry;
    private final Staging staging;
    private final Clock clock;
    private final int encodeWorkers;
    private final int uploadsPerDestination;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final UploadNames names = new UploadNames();
    private volatile Policy policy = Policy.NONE;

    /**
     * Rules checked while a job runs, where the plan could not know enough: the source's pixel size of a remote
     * file (known once staged), and the format and size of the file to send (known once compressed).
     */
    public interface Policy {
        Policy NONE = new Policy() { };

        /** Jobs with different keys never share a compressed file (their rules may differ). */
        default String key(Job job) {
            return "";
        }

        /** The formats the pipeline may choose from for this job, given what the destination accepts. */
        default java.util.Set<ImageFormat> formats(Job job, java.util.Set<ImageFormat> accepted) {
            return accepted;
        }

        /** Why the staged source file must not be sent, if it must not. */
        default Optional<String> refuseSource(Job job, java.nio.file.Path staged) {
            return Optional.empty();
        }

        /** Why the compressed file must not be sent, if it must not. */
        default Optional<String> refuseResult(Job job, EncodedImage image) {
            return Optional.empty();
        }
    }

    public SyncRunner(Database db, JobJournal journal, AdapterResolver adapters, ImagePipeline pipeline,
                      RetryPolicy retry, Staging staging, Clock clock, int encodeWorkers, int uploadsPerDestination) {
        this.db = db;
        this.journal = journal;
        this.adapters = adapters;
        this.pipeline = pipeline;
        this.retry = new Retrier(retry, Thread::sleep);
        this.staging = staging;
        this.clock = clock;
        this.encodeWorkers = Math.max(1, encodeWorkers);
        this.uploadsPerDestination = Math.max(1, uploadsPerDestination);
    }

    /**
     * Asks the run to stop after the jobs in progress. The jobs not started stay PLANNED in the journal (not failed:
     * nothing went wrong with them) and are reported as such; the next run plans them again.
     */
    public void cancel() {
        cancelled.set(true);
    }

    /** Sets the rules checked while jobs run. */
    void policy(Policy p) {
        this.policy = p;
    }

    /** Forgets an earlier cancel; called when a new run starts, so a cancel during planning still counts. */
    void clearCancel() {
        cancelled.set(false);
    }

    /** Same as {@link #execute(List, boolean, SyncListener, Consumer)}, without reporting what needs attention. */
    public List<ItemProgress> execute(List<Job> jobs, boolean resumed, SyncListener listener) {
        return execute(jobs, resumed, listener, a -> { });
    }

    /**
     * Runs journaled jobs to the end. {@code resumed} jobs come from a run that was interrupted: one that was
     * UPLOADING may have arrived, so it is reconciled with the destination before anything is sent again.
     */
    public List<ItemProgress> execute(List<Job> jobs, boolean resumed, SyncListener listener,
                                      Consumer<Attention> attention) {
        Batch batch = new Batch(jobs.size(), listener);
        EncodeCache cache = new EncodeCache();
        for (Job j : jobs) {
            if (j.action() == JobAction.CREATE || j.action() == JobAction.REPLACE) {
                cache.expect(encodeKey(j, Optional.empty()));
            }
        }
        Map<String, Semaphore> perDestination = new ConcurrentHashMap<>();
        Blocked blocked = new Blocked(attention);
        Map<String, Capabilities> caps = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(encodeWorkers * 2 + uploadsPerDestination);
        List<ItemProgress> results = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService encoders = Executors.newFixedThreadPool(encodeWorkers, Thread.ofPlatform()
                .name("lumasync-encode-", 0).daemon(true).factory());
             ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Job job : jobs) {
                workers.submit(() -> {
                    inFlight.acquireUninterruptibly();
                    try {
                        JobRun run = new JobRun(job, resumed, batch, cache, encoders, blocked, caps,
                                perDestination.computeIfAbsent(job.destination(), d -> new Semaphore(uploadsPerDestination)));
                        results.add(run.run());
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return results;
    }

    private String encodeKey(Job j, Optional<java.util.Set<ImageFormat>> accepted) {
        return j.source() + "\u0000" + j.assetId() + "\u0000" + j.encode().hash()
                + accepted.map(a -> "\u0000" + new TreeSet<>(a)).orElse("") + "\u0000" + policy.key(j);
    }

    /**
     * Destinations a run stopped calling because they need the user (sign-in, full disk), each reported once.
     * Failures while reading the source are reported for the source: they block the same way, but the fix is there.
     */
    private static final class Blocked {
        private final Map<String, LumasyncException> byDestination = new ConcurrentHashMap<>();
        private final java.util.Set<Throwable> fromSource = ConcurrentHashMap.newKeySet();
        private final Consumer<Attention> attention;

        Blocked(Consumer<Attention> attention) {
            this.attention = attention;
        }

        LumasyncException get(String destination) {
            return byDestination.get(destination);
        }

        void sourceFailed(LumasyncException e) {
            fromSource.add(e);
        }

        void failed(Job job, LumasyncException e) {
            if (Attention.needed(e.kind()) && byDestination.putIfAbsent(job.destination(), e) == null) {
                attention.accept(fromSource.contains(e)
                        ? new Attention(Attention.Target.SOURCE, job.source(), e.kind(), e.getMessage())
                        : new Attention(Attention.Target.DESTINATION, job.destination(), e.kind(), e.getMessage()));
            }
        }
    }

    /** Counts finished jobs and tells the listener. */
    private static final class Batch {
        final int total;
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final SyncListener listener;

        Batch(int total, SyncListener listener) {
            this.total = total;
            this.listener = listener;
        }

        void finished(ItemProgress p) {
            switch (p.state()) {
                case DONE -> done.incrementAndGet();
                case SKIPPED -> skipped.incrementAndGet();
                default -> failed.incrementAndGet();
            }
            listener.onItem(p);
            listener.onBatch(new BatchProgress(total, done.get(), skipped.get(), failed.get()));
        }
    }

    /** One job's way through the states. */
    private final class JobRun {
        private final Job job;
        private final boolean resumed;
        private final Batch batch;
        private final EncodeCache cache;
        private final ExecutorService encoders;
        private final Blocked blocked;
        private final Map<String, Capabilities> caps;
        private final Semaphore uploadSlot;
        private int attempts;

        JobRun(Job job, boolean resumed, Batch batch, EncodeCache cache, ExecutorService encoders,
               Blocked blocked, Map<String, Capabilities> caps, Semaphore uploadSlot) {
            this.job = job;
            this.resumed = resumed;
            this.batch = batch;
            this.cache = cache;
            this.encoders = encoders;
            this.blocked = blocked;
            this.caps = caps;
            this.uploadSlot = uploadSlot;
            this.attempts = job.attempts();
        }

        ItemProgress run() {
            boolean usesEncode = job.action() == JobAction.CREATE || job.action() == JobAction.REPLACE;
            try {
                if (cancelled.get()) {
                    return notStarted();
                }
                LumasyncException block = blocked.get(job.destination());
                if (block != null) {
                    throw block;
                }
                Destination dest = adapters.destination(job.destination());
                return switch (job.action()) {
                    case DELETE -> delete(dest);
                    case METADATA -> metadata(dest);
                    case CREATE, REPLACE -> publish(dest);
                };
            } catch (StoreException e) {
                // Lumasync's own disk failed, not the destination: the other jobs may still go through.
                return fail("the sync database could not be written (" + e.detail() + ")");
            } catch (LumasyncException e) {
                blocked.failed(job, e);
                return fail(e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Unexpected error while syncing '{}' to '{}'", job.assetName(), job.destination(), e);
                return fail(LogFile.unexpectedError(e));
            } finally {
                if (usesEncode) {
                    cache.release(encodeKey(job, Optional.empty()));
                }
            }
        }

        private ItemProgress publish(Destination dest) throws LumasyncException {
            Capabilities c = capabilities(dest);
            journal.setState(job.id(), JobState.ENCODING, attempts, "");
            progress(JobState.ENCODING, 0, "encoding");
            Encoded enc = encode(c);
            // Only a new upload is named by the template: a published file keeps its name (and URL).
            EncodedImage img = job.action() != JobAction.CREATE ? enc.image() : names.apply(
                    new ConfigStore(db).destination(job.destination()).flatMap(d -> UploadNames.template(d.settings())),
                    job, enc.image(), known(enc), new SyncMap(db).list(Optional.of(job.destination())));
            Optional<String> refused = policy.refuseResult(job, img);
            if (refused.isPresent()) {
                throw LumasyncException.giveUp(refused.get());
            }
            if (c.maxUploadBytes() > 0 && img.size() > c.maxUploadBytes()) {
                throw LumasyncException.giveUp("the optimized file is " + Sizes.human(img.size())
                        + ", more than the " + Sizes.human(c.maxUploadBytes()) + " this destination accepts. "
                        + "Lower the maximum size or the quality.");
            }
            Upload upload = new Upload(img, job.metadata(), job.syncId(), job.source(), job.assetId(), job.folder());
            boolean mayHaveArrived = resumed && job.state() == JobState.UPLOADING;
            journal.setState(job.id(), JobState.UPLOADING, attempts, "");
            progress(JobState.UPLOADING, img.size(), "uploading");
            List<String> notes = new ArrayList<>(img.notes());
            RemoteRef ref = withRetries(dest, () -> {
                if (job.action() == JobAction.CREATE) {
                    if (mayHaveArrived || attempts > 1) {
                        Optional<RemoteRef> found = dest.reconcile(upload);
                        if (found.isPresent()) {
                            notes.add("found the earlier upload at the destination; not sent again");
                            return found.get();
                        }
                    }
                    return dest.put(upload);
                }
                RemoteRef old = job.existing().orElseThrow();
                if (c.replace() == ReplaceStrategy.PUT_THEN_REMOVE) {
                    RemoteRef fresh = dest.put(upload);
                    try {
                        dest.remove(old);
                    } catch (LumasyncException e) {
                        notes.add("the old copy could not be removed: " + e.getMessage());
                    }
                    notes.add("this destination cannot replace files: published a new copy, the URL changed from "
                            + old.url());
                    return fresh;
                }
                RemoteRef replaced = dest.replace(old, upload);
                if (c.replace() == ReplaceStrategy.NEW_ASSET_REPOINTED) {
                    notes.add("published as a new asset; the CMS items that showed the old one were re-pointed to it"
                            + " and the old asset removed");
                }
                // A cache-busting query (WordPress's ?v=2) keeps the address pages embed: not a URL change.
                if (!addressOf(replaced.url()).equals(addressOf(old.url())) && !old.url().isEmpty()) {
                    notes.add("the URL changed (was " + old.url() + ")");
                    if (dest instanceof UrlReferences refs) {
                        notes.add(linkingNote(refs, old.url()));
                    }
                }
                return replaced;
            });
            Fingerprint fp = job.fingerprint().contentHash().isEmpty()
                    ? new Fingerprint(job.fingerprint().size(), job.fingerprint().modifiedMs(), enc.inputHash())
                    : job.fingerprint();
            String message = (job.action() == JobAction.CREATE ? "published" : "updated in place") + ", "
                    + Sizes.human(img.inputBytes()) + " → " + Sizes.human(img.size()) + " " + img.format().name()
                    + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
            ItemProgress done = progressOf(JobState.DONE, img.inputBytes(), img.size(), message, ref.url());
            db.inTransaction(con -> {
                JobJournal.setState(con, job.id(), JobState.DONE, attempts, "");
                JobJournal.setResult(con, job.id(), ref.url(), img.inputBytes(), img.size());
                SyncMap.upsert(con, new SyncMapEntry(job.source(), job.assetId(), job.destination(), job.assetName(),
                        fp, job.encode().hash(), metadataHash(), ref, img.format().name(), img.inputBytes(), img.size(),
                        clock.instant()));
                PublishedPixels.record(con, job.destination(), ref.id(), pixels(img));
                ActivityLog.append(con, event(job.action() == JobAction.CREATE ? "synced" : "replaced", message,
                        ref.url(), img.inputBytes(), img.size()));
                return null;
            });
            batch.finished(done);
            return done;
        }

        private ItemProgress metadata(Destination dest) throws LumasyncException {
            RemoteRef ref = job.existing().orElseThrow();
            journal.setState(job.id(), JobState.UPLOADING, attempts, "");
            // A destination that keeps no descriptions (a folder) has nothing to update: the text counts as sent,
            // so alt-text modes do not make a failing job of every image there.
            boolean keepsText = capabilities(dest).canUpdateMetadata();
            if (keepsText) {
                withRetries(dest, () -> {
                    dest.updateMetadata(ref, job.metadata());
                    return ref;
                });
            }
            ItemProgress done = progressOf(JobState.DONE, 0, 0, keepsText ? "alt text and captions updated"
                    : "this destination keeps no alt text or captions; nothing to send", ref.url());
            db.inTransaction(con -> {
                JobJournal.setState(con, job.id(), JobState.DONE, attempts, "");
                SyncMap.setMetadataHash(con, job.source(), job.assetId(), job.destination(), metadataHash());
                ActivityLog.append(con, event("synced", done.message(), ref.url(), 0, 0));
                return null;
            });
            batch.finished(done);
            return done;
        }

        private ItemProgress delete(Destination dest) throws LumasyncException {
            RemoteRef ref = job.existing().orElseThrow();
            journal.setState(job.id(), JobState.UPLOADING, attempts, "");
            withRetries(dest, () -> {
                dest.remove(ref);
                return ref;
            });
            ItemProgress done = progressOf(JobState.DONE, 0, 0, "removed (deleted at the source)", ref.url());
            db.inTransaction(con -> {
                JobJournal.setState(con, job.id(), JobState.DONE, attempts, "");
                SyncMap.delete(con, job.source(), job.assetId(), job.destination());
                ActivityLog.append(con, event("deleted", done.message(), ref.url(), 0, 0));
                return null;
            });
            batch.finished(done);
            return done;
        }

        /** The published file's size: the encoder's, or read from the header of an original sent as it was. */
        private static PublishedPixels.Pixels pixels(EncodedImage img) {
            if (img.width() > 0 && img.height() > 0) {
                return new PublishedPixels.Pixels(img.width(), img.height(), img.size());
            }
            return ImageSize.of(img.bytes()).map(d -> new PublishedPixels.Pixels(d.width(), d.height(), img.size()))
                    .orElse(new PublishedPixels.Pixels(0, 0, img.size()));
        }

        /** What the name template may use besides the file: EXIF facts, and the prompt of a generated image. */
        private UploadNames.Known known(Encoded enc) throws LumasyncException {
            String prompt = "";
            if (job.source().equals(Generator.SOURCE)) {
                String stem = job.assetName().contains(".")
                        ? job.assetName().substring(0, job.assetName().lastIndexOf('.')) : job.assetName();
                prompt = new Generations(db).current(stem).map(Generations.Generation::prompt).orElse("");
            }
            return new UploadNames.Known(job.metadata().title(), enc.capture(), job.fingerprint().modifiedMs(),
                    prompt);
        }

        private Capabilities capabilities(Destination dest) throws LumasyncException {
            Capabilities c = caps.get(job.destination());
            if (c == null) {
                c = dest.capabilities();
                caps.put(job.destination(), c);
            }
            return c;
        }

        private Encoded encode(Capabilities c) throws LumasyncException {
            String key = encodeKey(job, Optional.empty());
            CompletableFuture<Encoded> f = cache.get(key, () -> CompletableFuture.supplyAsync(() -> {
                try {
                    try (Staging.Staged in = stage()) {
                        Optional<String> refused = policy.refuseSource(job, in.path());
                        if (refused.isPresent()) {
                            throw LumasyncException.giveUp(refused.get());
                        }
                        return new Encoded(pipeline.encode(in.path(), job.assetName(), job.encode(),
                                policy.formats(job, c.formats()), cancelled::get), in.contentHash(),
                                CaptureFacts.read(in.path()));
                    }
                } catch (LumasyncException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, encoders));
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LumasyncException(ErrorKind.GIVE_UP, "interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof LumasyncException le) {
                    throw le;
                }
                LOG.error("Unexpected error while converting '{}'", job.assetName(), e.getCause());
                throw new LumasyncException(ErrorKind.GIVE_UP, job.assetName() + ": could not be converted ("
                        + LogFile.unexpectedError(e.getCause()) + ")", e.getCause());
            }
        }

        private RemoteRef withRetries(Destination dest, DestinationCall call) throws LumasyncException {
            return retry.call(() -> {
                attempts++;
                uploadSlot.acquireUninterruptibly();
                try {
                    // Checked and set while holding the slot: once a destination refused the credentials or
                    // is unreachable, no further job of this run calls it.
                    LumasyncException block = blocked.get(job.destination());
                    if (block != null) {
                        throw block;
                    }
                    Throttle.pause();
                    return call.run();
                } catch (LumasyncException e) {
                    blocked.failed(job, e);
                    throw e;
                } finally {
                    uploadSlot.release();
                }
            }, (attempt, wait, e) -> {
                progress(JobState.UPLOADING, 0, "retrying in " + wait.toMillis() / 1000.0 + " s: " + e.getMessage());
                try {
                    db.query(con -> {
                        ActivityLog.append(con, event("retried", e.getMessage(), "", 0, 0));
                        return null;
                    });
                } catch (StoreException ignored) {
                    // the retry itself matters more than its log line
                }
            });
        }

        private Staging.Staged stage() throws LumasyncException {
            try {
                return staging.stage(job, adapters);
            } catch (LumasyncException e) {
                blocked.sourceFailed(e);
                throw e;
            }
        }

        /** Left PLANNED in the journal, with no activity line: the user stopped the run, nothing failed. */
        private ItemProgress notStarted() {
            ItemProgress p = progressOf(JobState.PLANNED, job.fingerprint().size(), 0,
                    "not started: the sync was cancelled", "");
            batch.listener.onItem(p);
            return p;
        }

        private ItemProgress fail(String reason) {
            String message = reason.startsWith(job.assetName() + ":") ? reason : job.assetName() + ": " + reason;
            ItemProgress p = progressOf(JobState.FAILED, job.fingerprint().size(), 0, message, "");
            try {
                db.inTransaction(con -> {
                    JobJournal.setState(con, job.id(), JobState.FAILED, attempts, reason);
                    ActivityLog.append(con, event("failed", message, "", job.fingerprint().size(), 0));
                    return null;
                });
            } catch (StoreException ignored) {
                // the item is reported failed either way; the journal still says it is unfinished
            }
            batch.finished(p);
            return p;
        }

        private void progress(JobState state, long bytesOut, String message) {
            batch.listener.onItem(progressOf(state, job.fingerprint().size(), bytesOut, message, ""));
        }

        private ItemProgress progressOf(JobState state, long in, long out, String message, String url) {
            return new ItemProgress(job.source(), job.assetId(), job.assetName(), job.destination(), job.action(),
                    state, in, out, message, url);
        }

        private ActivityEvent event(String kind, String message, String url, long in, long out) {
            return new ActivityEvent(0, clock.instant(), kind, job.source(), job.assetName(), job.destination(),
                    message, url, in, out, db.origin());
        }

        private String metadataHash() {
            return Hashing.metadataHash(job.metadata());
        }
    }

    @FunctionalInterface
    private interface DestinationCall {
        RemoteRef run() throws LumasyncException;
    }

    private static String addressOf(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Names what still links the old address after a replace that changed it; a failed look-up is only said. */
    private static String linkingNote(UrlReferences refs, String oldUrl) {
        try {
            List<String> using = refs.referencesTo(oldUrl);
            return using.isEmpty() ? "nothing found that links the old address"
                    : "still linking the old address: " + String.join(", ", using);
        } catch (LumasyncException e) {
            return "could not look for what links the old address (" + e.getMessage() + ")";
        }
    }
}
