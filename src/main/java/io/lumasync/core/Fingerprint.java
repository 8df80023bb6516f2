package io.lumasync.core;

/**
 * What identifies one version of a source asset.
 *
 * @param size        bytes
 * @param modifiedMs  modification time in epoch milliseconds (compared within {@link #MTIME_PRECISION_MS})
 * @param contentHash a content hash as {@code "algorithm:hex"} ({@code sha256:…} computed by us, or a provider's own
 *                    hash such as {@code dropbox:…} or {@code md5:…}); empty when unknown
 */
public record Fingerprint(long size, long modifiedMs, String contentHash) {
    /** Coarsest mtime precision of the file systems and providers we meet (FAT: 2 s). */
    public static final long MTIME_PRECISION_MS = 2000;

    public Fingerprint {
        contentHash = contentHash == null ? "" : contentHash;
    }

    /**
     * Same content? A shared hash decides; without one on either side, size and mtime within precision decide.
     */
    public boolean sameContentAs(Fingerprint other) {
        if (!contentHash.isEmpty() && !other.contentHash.isEmpty() && sameAlgorithm(other)) {
            return contentHash.equals(other.contentHash) && size == other.size;
        }
        return size == other.size && Math.abs(modifiedMs - other.modifiedMs) <= MTIME_PRECISION_MS;
    }

    private boolean sameAlgorithm(Fingerprint other) {
        int a = contentHash.indexOf(':');
        int b = other.contentHash.indexOf(':');
        return a > 0 && b > 0 && contentHash.substring(0, a).equals(other.contentHash.substring(0, b));
    }
}
