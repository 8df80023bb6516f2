package io.lumasync.sync;

import io.lumasync.core.LumasyncException;
import io.lumasync.store.ActivityEvent;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.PublishedPixels;
import io.lumasync.store.SourceRecord;
import io.lumasync.store.StoreException;
import io.lumasync.store.SyncMapEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds what is worth doing: published images without alt text, source images changed since they were published,
 * JPEG and PNG files a modern format would make much smaller, recent failures, the same picture uploaded twice.
 * Each suggestion says its evidence and its action; acting goes through the engine like any run, and a dismissed
 * suggestion stays dismissed while its finding is the same.
 */
final class Suggestions {
    /** Published JPEG/PNG files at least this big are worth recompressing (AVIF/WebP save 25–50 % on photos). */
    static final long SMALLER_FROM_BYTES = 300_000;
    private static final String DISMISSED = "suggestion.dismissed.";

    private final ConfigStore config;
    private final Runs runs;
    private final AltTexting alt;
    private final SyncService service;
    private final PublishedPixels pixels;

    Suggestions(ConfigStore config, Runs runs, AltTexting alt, SyncService service, PublishedPixels pixels) {
        this.config = config;
        this.runs = runs;
        this.alt = alt;
        this.service = service;
        this.pixels = pixels;
    }

    /** Every current suggestion not dismissed; one source that cannot be listed is a suggestion of its own. */
    List<Suggestion> find() throws LumasyncException {
        List<Suggestion> out = new ArrayList<>();
        List<SyncMapEntry> map = service.syncMap(Optional.empty());
        missingAlt(out);
        changed(out);
        smaller(map, out);
        failures(out);
        duplicates(map, out);
        SignInSuggestions.find(service, java.time.Instant.now(), out);
        OversizeSuggestions.find(config.sources(), pixels.all(), map, out);
        List<Suggestion> shown = new ArrayList<>();
        for (Suggestion s : out) {
            if (config.setting(DISMISSED + s.id()).isEmpty()) {
                shown.add(s);
            }
        }
        return shown;
    }

    void dismiss(String id) throws StoreException {
        config.setSetting(DISMISSED + id, "1");
    }

    /**
     * Carries out a suggestion that can be: syncing a changed source or one with failures, or resizing images much
     * larger than needed in place (Optimize).
     */
    RunReport act(String id, SyncListener listener) throws LumasyncException {
        Suggestion s = find().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() ->
                SyncService.usage("There is no suggestion " + id + " (any more). See `lumasync suggestions`."));
        if (!s.canAct()) {
            throw SyncService.usage("This one is done by hand: " + s.action());
        }
        if (s.kind() == Suggestion.Kind.LARGER_THAN_NEEDED) {
            return service.optimize(OversizeSuggestions.request(config.sources(), pixels.all(),
                    service.syncMap(Optional.of(s.target())), s.target()), listener).toRunReport();
        }
        return runs.syncSources(List.of(s.target()), false, false, listener);
    }

    private void missingAlt(List<Suggestion> out) throws StoreException {
        Map<String, List<AltTextEntry>> byDestination = new TreeMap<>();
        for (AltTextEntry e : alt.list(Optional.empty(), true)) {
            byDestination.computeIfAbsent(e.destination(), k -> new ArrayList<>()).add(e);
        }
        byDestination.forEach((dest, entries) -> out.add(new Suggestion(id("alt", dest, entries.size()),
                Suggestion.Kind.MISSING_ALT_TEXT, dest, entries.size() + " image(s) at '" + dest + "' have no alt text",
                "For example " + names(entries.stream().map(AltTextEntry::assetName).toList()) + ". Screen readers "
                        + "say nothing useful for them, and search engines cannot tell what they show.",
                "Choose an alt-text mode for '" + dest + "' (lumasync alt mode " + dest + " embedded|ai), or write "
                        + "texts with lumasync alt set; the next sync sends them without uploading the images again.",
                false)));
    }

    private void changed(List<Suggestion> out) throws LumasyncException {
        for (SourceRecord s : config.sources()) {
            List<BrowseItem> items;
            try {
                items = runs.browse(s.name());
            } catch (LumasyncException e) {
                continue;   // a source that cannot be listed shows on its own card; no guess here
            }
            List<String> changed = new ArrayList<>();
            for (BrowseItem i : items) {
                if (i.status().containsValue(AssetStatus.CHANGED)) {
                    changed.add(i.item().name());
                }
            }
            if (!changed.isEmpty()) {
                out.add(new Suggestion(id("changed", s.name(), changed.size()), Suggestion.Kind.SOURCE_CHANGED,
                        s.name(), changed.size() + " image(s) in '" + s.name() + "' changed since they were published",
                        "Changed: " + names(changed) + ".", "Sync '" + s.name() + "' to update them in place "
                        + "(lumasync sync " + s.name() + ").", true));
            }
        }
    }

    private static void smaller(List<SyncMapEntry> map, List<Suggestion> out) {
        Map<String, List<SyncMapEntry>> big = new TreeMap<>();
        for (SyncMapEntry e : map) {
            if ((e.format().equalsIgnoreCase("JPEG") || e.format().equalsIgnoreCase("PNG"))
                    && e.bytesOut() >= SMALLER_FROM_BYTES) {
                big.computeIfAbsent(e.destination(), k -> new ArrayList<>()).add(e);
            }
        }
        big.forEach((dest, entries) -> {
            long bytes = entries.stream().mapToLong(SyncMapEntry::bytesOut).sum();
            out.add(new Suggestion(id("smaller", dest, entries.size()), Suggestion.Kind.COULD_BE_SMALLER, dest,
                    entries.size() + " JPEG/PNG image(s) at '" + dest + "' could be much smaller",
                    Sizes.human(bytes) + " in all, e.g. " + names(entries.stream().map(SyncMapEntry::assetName)
                            .toList()) + ". AVIF or WebP usually saves a quarter to a half at the same look.",
                    "Optimize them where the destination accepts AVIF or WebP (lumasync optimize " + dest
                            + " --dry-run shows the savings first).", false));
        });
    }

    private void failures(List<Suggestion> out) throws LumasyncException {
        Map<String, List<ActivityEvent>> bySource = new LinkedHashMap<>();
        for (ActivityEvent e : service.activity(Optional.of(java.time.Instant.now().minus(java.time.Duration.ofDays(7))),
                true, 500)) {
            bySource.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
        }
        for (var e : bySource.entrySet()) {
            boolean configured = config.source(e.getKey()).isPresent();
            List<ActivityEvent> failed = e.getValue();
            out.add(new Suggestion(id("failed", e.getKey(), failed.size()), Suggestion.Kind.FAILED, e.getKey(),
                    failed.size() + " image(s) from '" + e.getKey() + "' failed in the last 7 days",
                    "Latest: " + failed.getFirst().message(),
                    configured ? "Try them again (lumasync sync " + e.getKey() + ")."
                            : "Push the files again once the cause is fixed; see lumasync activity --failed.",
                    configured));
        }
    }

    private static void duplicates(List<SyncMapEntry> map, List<Suggestion> out) {
        Map<String, List<SyncMapEntry>> byContent = new TreeMap<>();
        for (SyncMapEntry e : map) {
            if (e.fingerprint().contentHash().startsWith("sha256:")) {
                byContent.computeIfAbsent(e.destination() + "\u0000" + e.fingerprint().contentHash(),
                        k -> new ArrayList<>()).add(e);
            }
        }
        for (List<SyncMapEntry> same : byContent.values()) {
            if (same.size() < 2) {
                continue;
            }
            String dest = same.getFirst().destination();
            out.add(new Suggestion(id("duplicate", dest + same.getFirst().fingerprint().contentHash(), same.size()),
                    Suggestion.Kind.DUPLICATE, dest, "The same picture is at '" + dest + "' " + same.size() + " times",
                    "Identical content: " + names(same.stream().map(e -> e.source() + ":" + e.assetName()).toList())
                            + ".", "Keep one and delete the others at the destination.", false));
        }
    }

    static String names(List<String> names) {
        List<String> shown = names.subList(0, Math.min(3, names.size()));
        return String.join(", ", shown) + (names.size() > shown.size() ? " and " + (names.size() - shown.size())
                + " more" : "");
    }

    /** The same finding (kind, target, count) keeps its id, so a dismissal holds until something changes. */
    static String id(String kind, String target, int count) {
        return kind + "-" + Hashing.sha256((kind + "\u0000" + target + "\u0000" + count)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(7, 15);
    }
}
