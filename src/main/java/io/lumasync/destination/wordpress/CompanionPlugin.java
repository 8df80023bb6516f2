package io.lumasync.destination.wordpress;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The Lumasync Companion WordPress plugin, shipped inside the app as the zip a user uploads in wp-admin
 * (Plugins → Add New → Upload Plugin). Built from installer/wordpress-plugin by the Maven build.
 */
public final class CompanionPlugin {
    public static final String FILE_NAME = "lumasync-companion.zip";

    private CompanionPlugin() {
    }

    /** Saves the plugin zip to {@code target} (a file path), replacing a file already there. */
    public static Path saveTo(Path target) throws LumasyncException {
        try (InputStream in = CompanionPlugin.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new LumasyncException(ErrorKind.GIVE_UP,
                        "This build of Lumasync does not contain the WordPress companion plugin. Rebuild it with Maven.");
            }
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "Cannot save the plugin to " + target + ": " + e.getMessage(), e);
        }
    }
}
