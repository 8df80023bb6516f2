package io.lumasync.sync;

/**
 * What a deliberate rename would do, shown before it runs.
 *
 * @param oldUrl  the address the image has now
 * @param newName the name the template gives it; empty when it already has it
 * @param how     what happens at the destination, in plain words (or why it cannot rename)
 * @param allowed whether the destination can rename at all
 */
public record RenamePreview(String oldUrl, String newName, String how, boolean allowed) {
    public boolean changes() {
        return allowed && !newName.isEmpty();
    }
}
