package io.lumasync.destination;

import java.nio.file.Path;

/**
 * A file the user installs on the destination's side (WordPress: the plugin that replaces images in place).
 *
 * @param file    where it was saved
 * @param install how to install it, in the words of the destination's own admin pages
 */
public record CompanionFile(Path file, String install) {
}
