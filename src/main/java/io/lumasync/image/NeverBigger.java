package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.MetadataPolicy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * "Never bigger": when the input is already web-ready (same format as the result, upright, sRGB or untagged,
 * within the size limit) and our encode is not smaller, publish the input's own bytes instead — with the policy
 * applied to its metadata in the container ({@link ContainerStrip}) — and say "already optimal".
 */
final class NeverBigger {
    private NeverBigger() {
    }

    /**
     * @param webReady the input needs no rotation and no colour conversion, and fits the size limit
     */
    static EncodedImage check(SourceFile source, boolean webReady, EncodeSettings settings, EncodedImage encoded) {
        if (!webReady || source.format() != encoded.format() || encoded.size() < source.size()) {
            return encoded;
        }
        byte[] original;
        try {
            original = source.originalBytes();
        } catch (IOException e) {
            return encoded;   // we still have a good encode; the original vanished meanwhile
        }
        Optional<byte[]> kept = ContainerStrip.strip(original, settings.metadata());
        if (kept.isEmpty() || kept.get().length > encoded.size()) {
            return encoded;
        }
        List<String> notes = new ArrayList<>(encoded.notes().stream()
                .filter(n -> !n.startsWith("Quality")).toList());
        notes.add(Arrays.equals(kept.get(), original)
                ? EncodedImage.KEPT_ORIGINAL + " (re-encoding would not make it smaller)."
                : settings.metadata() == MetadataPolicy.STRIP_ALL
                ? EncodedImage.KEPT_ORIGINAL + ", with its metadata removed."
                : EncodedImage.KEPT_ORIGINAL + ", without its location, camera serial numbers and thumbnail "
                + "(copyright, credits and captions kept).");
        return new EncodedImage(kept.get(), encoded.format(), encoded.fileName(), encoded.width(), encoded.height(),
                encoded.inputBytes(), notes);
    }
}
