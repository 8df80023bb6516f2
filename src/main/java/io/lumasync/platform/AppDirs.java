package io.lumasync.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Lumasync keeps its data: {@code LUMASYNC_HOME} when set, else the OS convention
 * (Linux {@code $XDG_DATA_HOME/lumasync}, macOS {@code ~/Library/Application Support/Lumasync},
 * Windows {@code %APPDATA%\Lumasync}).
 */
public final class AppDirs {
    private AppDirs() {
    }

    public static Path dataDir() {
        return dataDir(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    static Path dataDir(Map<String, String> env, String osName, String home) {
        String override = env.get("LUMASYNC_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Lumasync");
        }
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Lumasync") : Path.of(home, "AppData", "Roaming", "Lumasync");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "lumasync") : Path.of(home, ".local", "share", "lumasync");
    }

    /** The default folder of the embedded "local" destination: the user's pictures folder. */
    public static Path defaultOutputDir() {
        String home = System.getProperty("user.home");
        Path pictures = Path.of(home, "Pictures");
        return pictures.resolve("Lumasync");
    }
}
