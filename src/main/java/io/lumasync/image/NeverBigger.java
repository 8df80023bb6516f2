package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Never bigger": when the input is already web-ready (same format as the result, upright, sRGB or untagged,
 * within the size limit) and our encode is not smaller, publish the input's own bytes instead — with private
 * metadata cut out of its container where the policy asks — and say "already optimal".
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
        notes.add(kept.get().length == original.length
                ? "Already optimal: re-encoding would not make it smaller, so the original was kept."
                : "Already optimal: kept the original, with its EXIF/XMP metadata removed (location, camera "
                + "serial numbers).");
        return new EncodedImage(kept.get(), encoded.format(), encoded.fileName(), encoded.width(), encoded.height(),
                encoded.inputBytes(), notes);
    }
}
