package io.lumasync.destination;

/** How a destination updates an asset that was published before. Declared by the adapter, used by the engine. */
public enum ReplaceStrategy {
    /** {@link Destination#replace} keeps the id and the URL (S3 key overwrite, WordPress with the companion plugin). */
    SAME_ID_SAME_URL,
    /** {@link Destination#replace} keeps the id; the URL may change (recorded by the engine). */
    SAME_ID_NEW_URL,
    /** No replace: the engine puts a new asset, records it, then removes the old one, and reports the URL change. */
    PUT_THEN_REMOVE,
    /**
     * {@link Destination#replace} publishes a new asset (new id and URL), re-points the places on the platform that
     * showed the old one (Webflow's CMS items), then removes the old asset; the engine records the new address.
     */
    NEW_ASSET_REPOINTED;

    /** What a replace does, in the words of a dry run's plan ("replace 2, URL kept"). */
    public String planWording() {
        return switch (this) {
            case SAME_ID_SAME_URL -> "URL kept";
            case SAME_ID_NEW_URL -> "same asset, URL changes";
            case PUT_THEN_REMOVE -> "new file, old one removed, URL changes";
            case NEW_ASSET_REPOINTED -> "new asset, CMS items re-pointed, URL changes";
        };
    }
}
