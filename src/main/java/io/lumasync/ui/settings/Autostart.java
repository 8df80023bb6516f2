package io.lumasync.ui.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Start at login" on Linux desktops: an XDG autostart entry ({@code ~/.config/autostart/lumasync.desktop}) that
 * starts the installed launcher. Other systems are not handled yet and say so.
 */
final class Autostart {
    static final String FILE = "lumasync.desktop";

    private final Map<String, String> env;
    private final String osName;
    private final Optional<Path> launcher;

    Autostart(Map<String, String> env, String osName, Optional<Path> launcher) {
        this.env = env;
        this.osName = osName;
        this.launcher = launcher;
    }

    /** The launcher of this installation: jpackage's executable, or the dist's bin/lumasync. */
    static Autostart forThisSystem() {
        Optional<Path> exe = Optional.ofNullable(System.getProperty("jpackage.app-path")).map(Path::of)
                .or(() -> Optional.ofNullable(System.getProperty("lumasync.home")).map(h -> Path.of(h, "bin", "lumasync")))
                .filter(Files::isExecutable);
        return new Autostart(System.getenv(), System.getProperty("os.name", ""), exe);
    }

    Path entry() {
        String config = env.get("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank() ? Path.of(config)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return base.resolve("autostart").resolve(FILE);
    }

    /** Adds or removes the entry; the message says in plain words what happened. */
    String apply(boolean on) throws IOException {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return on ? "Start at login is not available on this system yet." : "";
        }
        Path entry = entry();
        if (!on) {
            Files.deleteIfExists(entry);
            return "";
        }
        if (launcher.isEmpty()) {
            return "Start at login needs an installed Lumasync (this copy runs from a build folder).";
        }
        Files.createDirectories(entry.getParent());
        Files.writeString(entry, """
                [Desktop Entry]
                Type=Application
                Name=Lumasync
                Comment=Keeps your published images in sync
                Exec="%s"
                X-GNOME-Autostart-enabled=true
                Terminal=false
                """.formatted(launcher.get()));
        return "Lumasync will start when you log in.";
    }
}
