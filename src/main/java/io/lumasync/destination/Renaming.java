package io.lumasync.destination;

/**
 * How a destination gives a published file another name on purpose ({@code lumasync map rename}), declared by the
 * adapter and carried out by the engine, which always records the new address before anything old is removed.
 *
 * @param route       what the engine does
 * @param explanation what happens at this destination, in the words shown before a rename is confirmed (or why
 *                    it cannot rename)
 */
public record Renaming(Route route, String explanation) {
    /** The ways a rename can go. */
    public enum Route {
        /**
         * {@link Destination#copyAs} copies the file to its new name on the server (no bytes travel); the engine
         * records the copy, then removes the old file.
         */
        SERVER_COPY,
        /** {@link Destination#renameInPlace} renames the same asset: its id stays, its address changes. */
        IN_PLACE,
        /**
         * The engine reads the file back and hands it to {@link Destination#replace} under the new name: the asset
         * (and what points at it on the platform) stays, its address changes.
         */
        REPLACE,
        /**
         * The engine reads the file back and publishes it as a new asset under the new name with the old one's
         * text, records it, then removes the old asset.
         */
        REPUBLISH,
        /** Files have no names here: nothing to rename. */
        REFUSED
    }

    public Renaming {
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("a renaming needs its explanation");
        }
    }

    /** The route every destination that can hand its file back and take a new one can take. */
    public static Renaming republish() {
        return new Renaming(Route.REPUBLISH, "The file is published again under the new name and the old one is "
                + "removed; its address changes.");
    }
}
