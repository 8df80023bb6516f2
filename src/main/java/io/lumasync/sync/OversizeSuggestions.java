package io.lumasync.sync;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.OutputFormat;
import io.lumasync.store.PublishedPixels.Pixels;
import io.lumasync.store.SourceRecord;
import io.lumasync.store.SyncMapEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Published images far larger than their destination needs: a long edge more than {@link #FACTOR} times the size
 * the destination's images are made at (the largest maximum of the sources that feed it, else
 * {@link EncodeSettings#DEFAULT_MAX_SIZE}). Typically originals pushed as they were. Acting resizes the JPEG ones in
 * place at the destination through Optimize, keeping their format (and so their address where the destination
 * allows); the others are to be published again at the right size.
 */
final class OversizeSuggestions {
    /** "Far above": more than twice the size wanted; anything closer is not worth a re-upload. */
    static final int FACTOR = 2;

    private OversizeSuggestions() {
    }

    static void find(List<SourceRecord> sources, Map<String, Map<String, Pixels>> pixels, List<SyncMapEntry> map,
                     List<Suggestion> out) {
        Map<String, List<SyncMapEntry>> big = new TreeMap<>();
        for (SyncMapEntry e : map) {
            Pixels px = pixels.getOrDefault(e.destination(), Map.of()).get(e.remote().id());
            if (px != null && px.longEdge() > FACTOR * needed(sources, e.destination())) {
                big.computeIfAbsent(e.destination(), k -> new ArrayList<>()).add(e);
            }
        }
        big.forEach((dest, entries) -> {
            int needed = needed(sources, dest);
            long bytes = 0;
            long saving = 0;
            List<String> examples = new ArrayList<>();
            for (SyncMapEntry e : entries) {
                Pixels px = pixels.get(dest).get(e.remote().id());
                bytes += px.bytes();
                double scale = (double) needed / px.longEdge();
                saving += px.bytes() - Math.round(px.bytes() * scale * scale);   // bytes follow the pixel count
                examples.add(e.assetName() + " (" + px.width() + "×" + px.height() + " px, " + Sizes.human(px.bytes())
                        + ")");
            }
            long resizable = entries.stream().filter(OversizeSuggestions::resizable).count();
            String byHand = "Publish them again at " + needed + " px (lumasync push FILES --to " + dest
                    + " --max-size " + needed + ").";
            String action = resizable == 0 ? byHand : "Resize them in place to " + needed + " px, keeping their "
                    + "format (lumasync optimize " + dest + " --format original --max-size " + needed
                    + " --dry-run shows the savings first)."
                    + (resizable < entries.size() ? " Optimize resizes JPEG files only; for the others: " + byHand
                    : "");
            out.add(new Suggestion(Suggestions.id("larger", dest, entries.size()), Suggestion.Kind.LARGER_THAN_NEEDED,
                    dest, entries.size() + " image(s) at '" + dest + "' are much larger than needed",
                    Suggestions.names(examples) + ". Images at '" + dest + "' are made at most " + needed + " px on "
                            + "the long edge; these are more than twice that. " + Sizes.human(bytes) + " in all; at "
                            + needed + " px about " + Sizes.human(saving) + " less for visitors to download.",
                    action, resizable > 0));
        });
    }

    /** The selection and settings Optimize resizes a suggestion's images with. */
    static OptimizeRequest request(List<SourceRecord> sources, Map<String, Map<String, Pixels>> pixels,
                                   List<SyncMapEntry> map, String destination) {
        int needed = needed(sources, destination);
        List<String> ids = new ArrayList<>();
        for (SyncMapEntry e : map) {
            Pixels px = pixels.getOrDefault(destination, Map.of()).get(e.remote().id());
            if (e.destination().equals(destination) && px != null && px.longEdge() > FACTOR * needed
                    && resizable(e)) {
                ids.add(e.remote().id());
            }
        }
        return new OptimizeRequest(destination, ids, EncodeSettings.defaults().withFormat(OutputFormat.ORIGINAL)
                .withMaxSize(needed), false);
    }

    /**
     * Whether Optimize can resize it in place keeping its format: JPEG. It leaves WebP and AVIF alone (re-encoding
     * them costs quality) and has no PNG encoder.
     */
    private static boolean resizable(SyncMapEntry e) {
        return e.format().equalsIgnoreCase("JPEG");
    }

    /** The long edge the destination's images are made at. */
    static int needed(List<SourceRecord> sources, String destination) {
        int max = 0;
        for (SourceRecord s : sources) {
            if (s.destinations().contains(destination)) {
                max = Math.max(max, s.encode().maxSize());
            }
        }
        return max > 0 ? max : EncodeSettings.DEFAULT_MAX_SIZE;
    }
}
