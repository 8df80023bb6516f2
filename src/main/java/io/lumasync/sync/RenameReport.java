package io.lumasync.sync;

import java.util.Optional;

/**
 * What a deliberate rename did.
 *
 * @param oldUrl   the address before (equal to {@code newUrl} when the name already was the template's)
 * @param newUrl   the address now, recorded in the sync map
 * @param leftover a plain-words note when the old file could not be removed, else empty
 */
public record RenameReport(String oldUrl, String newUrl, Optional<String> leftover) {
    public boolean changed() {
        return !oldUrl.equals(newUrl);
    }
}
