package io.lumasync.sync;

/**
 * A published image's alt text at one destination.
 *
 * @param altText "" when it has none
 * @param origin  where the text came from: basic, embedded, ai, manual (set by hand), given (typed for the run);
 *                "" when unknown
 */
public record AltTextEntry(String source, String assetId, String assetName, String destination, String altText,
                           String origin, String url) {
}
