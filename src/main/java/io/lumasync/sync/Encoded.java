package io.lumasync.sync;

import io.lumasync.core.EncodedImage;
import io.lumasync.image.CaptureFacts;

/**
 * An encode result with the SHA-256 of the input it was made from (for the sync map) and the capture facts its
 * EXIF block told (for file names), read while the input was at hand.
 */
record Encoded(EncodedImage image, String inputHash, CaptureFacts capture) {
}
