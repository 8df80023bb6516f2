package io.lumasync.sync;

import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.image.ImagePipeline;
import io.lumasync.store.AltTexts;
import io.lumasync.store.StoreException;
import io.lumasync.store.SyncMap;
import io.lumasync.store.SyncMapEntry;
import io.lumasync.sync.alt.AltMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alt text as the engine keeps it: makes each run's {@link AltTextEnricher}, lists what published images carry
 * (and which carry none), and takes texts set by hand. A text set by hand reaches the destination with the next
 * push or sync of the item, as a metadata-only update (the image is not sent again).
 */
final class AltTexting {
    private final AltTexts store;
    private final AiSettings settings;
    private final SyncMap syncMap;
    private final ImagePipeline pipeline;
    private final Retrier retrier;
    private final java.util.function.Predicate<String> captions;

    /** @param captions whether a destination (by name) shows captions, so AI alt text comes with one */
    AltTexting(AltTexts store, AiSettings settings, SyncMap syncMap, ImagePipeline pipeline, Retrier retrier,
               java.util.function.Predicate<String> captions) {
        this.store = store;
        this.settings = settings;
        this.syncMap = syncMap;
        this.pipeline = pipeline;
        this.retrier = retrier;
        this.captions = captions;
    }

    AltTextEnricher enricher(String source, Optional<AltMode> runMode, boolean dryRun) {
        return new AltTextEnricher(source, settings, store, pipeline, retrier, runMode, captions, dryRun);
    }

    /**
     * The alt text of every published image (at one destination, or all); {@code missingOnly} keeps those that
     * have none. Text is known for what was published since alt text was tracked; older images count as missing.
     */
    List<AltTextEntry> list(Optional<String> destination, boolean missingOnly) throws StoreException {
        Map<String, AltTexts.Published> known = new HashMap<>();
        for (AltTexts.Published p : store.publishedAt(destination)) {
            known.put(key(p.source(), p.assetId(), p.destination()), p);
        }
        List<AltTextEntry> out = new ArrayList<>();
        for (SyncMapEntry e : syncMap.list(destination)) {
            AltTexts.Published p = known.get(key(e.source(), e.assetId(), e.destination()));
            boolean current = p != null && p.metadataHash().equals(e.metadataHash());
            String alt = current ? p.altText() : "";
            if (missingOnly && !alt.isBlank()) {
                continue;
            }
            out.add(new AltTextEntry(e.source(), e.assetId(), e.assetName(), e.destination(), alt,
                    current ? p.origin() : "", e.remote().url()));
        }
        return out;
    }

    /** The item's own alt text set by hand, if any (sent by the next push or sync when it differs). */
    Optional<String> own(String source, String assetId) throws StoreException {
        return store.override(source, assetId);
    }

    /** Sets (or with "" clears) an item's own alt text, which wins over every destination's mode. */
    void set(String source, String assetId, String altText) throws LumasyncException {
        boolean mapped = syncMap.list(Optional.empty()).stream()
                .anyMatch(e -> e.source().equals(source) && e.assetId().equals(assetId));
        if (!mapped && !altText.isEmpty()) {
            throw SyncService.usage("No image '" + assetId + "' from '" + source + "' has been published. See "
                    + "`lumasync alt list`.");
        }
        store.setOverride(source, assetId, altText.strip());
    }

    /**
     * The job with the text approved for it before its first publish: a text other than the drafted one becomes
     * the item's own text (so later syncs send the same) and is recorded as written by hand.
     */
    io.lumasync.store.Job approved(io.lumasync.store.Job job, String text) throws StoreException {
        String clean = text.strip();
        if (clean.isEmpty() || clean.equals(job.metadata().altText())) {
            return job;
        }
        store.setOverride(job.source(), job.assetId(), clean);
        io.lumasync.core.AssetMetadata md = job.metadata().withAltText(clean);
        store.published(new AltTexts.Published(job.source(), job.assetId(), job.destination(), clean, "manual",
                Hashing.metadataHash(md)));
        return job.withMetadata(md);
    }

    double spentThisMonth() throws StoreException {
        return store.spentThisMonth();
    }

    private static String key(String source, String assetId, String destination) {
        return source + "\u0000" + assetId + "\u0000" + destination;
    }
}
