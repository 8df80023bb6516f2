package io.lumasync.sync;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;
import io.lumasync.store.JobAction;
import io.lumasync.store.JobState;
import io.lumasync.store.OptimizeJournal.State;

import java.util.List;
import java.util.Optional;

/**
 * One image's way through Optimize: skip modern formats and images optimized before, download, keep the
 * original, recompress, replace. Each step is journaled before it is taken; a step an interrupted run may
 * already have taken is checked at the destination instead of being repeated.
 */
final class OptimizeItemRun {
    private final Destination d;
    private final Capabilities caps;
    private final String destination;
    private final EncodeSettings settings;
    private final RemoteAsset a;
    private final boolean dryRun;
    private final SyncListener listener;
    private final OptimizeBackups backups;
    private final OptimizeSteps steps;
    private String originalHash = "";

    /** A journal entry to commit before going on. */
    record Step(State state, String originalHash) {
    }

    /** Where an asset went when the destination gave it a new id or address. */
    @FunctionalInterface
    interface Moves {
        void moved(RemoteRef from, RemoteRef to) throws LumasyncException;
    }

    /** The run's journal, as one image's steps need it. */
    interface Journal extends Moves {
        void record(Step step) throws LumasyncException;
    }

    OptimizeItemRun(Destination d, Capabilities caps, String destination, EncodeSettings settings, RemoteAsset a,
                    boolean dryRun, SyncListener listener, OptimizeBackups backups, OptimizeSteps steps) {
        this.d = d;
        this.caps = caps;
        this.destination = destination;
        this.settings = settings;
        this.a = a;
        this.dryRun = dryRun;
        this.listener = listener;
        this.backups = backups;
        this.steps = steps;
    }

    /** The hash of the bytes the last journaled step expected at the destination. */
    String originalHash() {
        return originalHash;
    }

    OptimizeResult process(State from, String hashBefore, Journal journal) throws LumasyncException {
        originalHash = hashBefore;
        if (OptimizeSteps.modern(a)) {
            return result(OptimizeResult.Outcome.MODERN_FORMAT, a.size(), 0, "", "already "
                    + formatBefore() + ", a modern format: recompressing would cost quality for little gain.", "");
        }
        Optional<OptimizeBackups.Backup> kept = backups.find(destination, a.ref().id());
        if (!dryRun && from == State.PLANNED && kept.filter(b -> b.optimizedSettings().equals(settings.hash())
                && b.current().id().equals(a.ref().id())).isPresent()) {
            return result(OptimizeResult.Outcome.ALREADY_OPTIMIZED, a.size(), a.size(), "",
                    "already optimized with these settings; its original is in the backups.", "");
        }
        progress(JobState.ENCODING, "downloading");
        byte[] current = steps.download(d, a);
        String currentHash = Hashing.sha256(current);
        if (from == State.REPLACING && caps.replace() != ReplaceStrategy.PUT_THEN_REMOVE
                && !currentHash.equals(hashBefore)) {
            backups.replaced(destination, a.ref().id(), a.ref(), settings.hash());
            return result(OptimizeResult.Outcome.REPLACED_BEFORE_INTERRUPTION, current.length, current.length,
                    formatBefore(), "replaced before the interruption; checked at the destination, not sent again.",
                    "");
        }
        if (!dryRun) {
            backups.keep(destination, a, current);
            originalHash = currentHash;
            journal.record(new Step(State.BACKED_UP, currentHash));
        }
        progress(JobState.ENCODING, "compressing");
        EncodedImage img = steps.encode(caps, a, current, settings);
        String formatAfter = img.format().name();
        if (img.size() >= current.length) {
            return result(OptimizeResult.Outcome.NOT_SMALLER, current.length, img.size(), formatAfter,
                    "already as small as it gets at this quality; left unchanged.", "");
        }
        if (dryRun) {
            return result(OptimizeResult.Outcome.WOULD_OPTIMIZE, current.length, img.size(), formatAfter,
                    "would be " + Sizes.human(current.length) + " → " + Sizes.human(img.size()) + " " + formatAfter, "");
        }
        Upload upload = OptimizeSteps.upload(destination, a, img);
        List<String> notes = OptimizeSteps.notes(img);
        if (from == State.REPLACING && caps.replace() == ReplaceStrategy.PUT_THEN_REMOVE) {
            Optional<RemoteRef> arrived = steps.withRetries(() -> d.reconcile(upload));
            if (arrived.isPresent()) {
                steps.removeQuietly(d, a.ref(), notes);
                return done(OptimizeResult.Outcome.REPLACED_BEFORE_INTERRUPTION, current.length, img, arrived.get(),
                        notes, journal);
            }
        }
        journal.record(new Step(State.REPLACING, currentHash));
        progress(JobState.UPLOADING, "replacing");
        RemoteRef ref = steps.replace(d, caps, a.ref(), upload, notes);
        return done(OptimizeResult.Outcome.OPTIMIZED, current.length, img, ref, notes, journal);
    }

    private OptimizeResult done(OptimizeResult.Outcome outcome, long before, EncodedImage img, RemoteRef ref,
                                List<String> notes, Journal journal) throws LumasyncException {
        backups.replaced(destination, a.ref().id(), ref, settings.hash());
        if (!ref.equals(a.ref())) {
            journal.moved(a.ref(), ref);
        }
        boolean moved = !addressOf(ref.url()).equals(addressOf(a.ref().url())) && !a.ref().url().isEmpty();
        if (moved) {
            notes.add("the URL changed (was " + a.ref().url() + ")");
        }
        String words = (outcome == OptimizeResult.Outcome.OPTIMIZED ? "optimized" : "replaced before the "
                + "interruption; not sent again") + ", " + Sizes.human(before) + " → " + Sizes.human(img.size()) + " "
                + img.format().name() + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        return new OptimizeResult(destination, a.ref().id(), a.fileName(), outcome, before, img.size(), formatBefore(),
                img.format().name(), settings.quality().token(), words, ref.url(), moved ? a.ref().url() : "");
    }

    OptimizeResult failed(String reason) {
        String message = reason.startsWith(a.fileName()) ? reason : a.fileName() + ": " + reason;
        return result(OptimizeResult.Outcome.FAILED, a.size(), 0, "", message, "");
    }

    private OptimizeResult result(OptimizeResult.Outcome outcome, long before, long after, String formatAfter,
                                  String message, String previousUrl) {
        return new OptimizeResult(destination, a.ref().id(), a.fileName(), outcome, before, after, formatBefore(),
                formatAfter, settings.quality().token(), message, a.ref().url(), previousUrl);
    }

    private String formatBefore() {
        return OptimizeSteps.formatOf(a).map(Enum::name).orElse("");
    }

    private void progress(JobState state, String message) {
        listener.onItem(new ItemProgress(Optimizer.SOURCE, a.ref().id(), a.fileName(), destination, JobAction.REPLACE,
                state, a.size(), 0, message, a.ref().url()));
    }

    /** A cache-busting query (WordPress's ?v=2) keeps the address pages embed: not a URL change. */
    private static String addressOf(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
