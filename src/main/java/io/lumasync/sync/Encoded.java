package io.lumasync.sync;

import io.lumasync.core.EncodedImage;

/** An encode result with the SHA-256 of the input it was made from (for the sync map). */
record Encoded(EncodedImage image, String inputHash) {
}
