package io.lumasync.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Linux and BSD desktops: an XDG autostart entry, {@code $XDG_CONFIG_HOME/autostart/lumasync.desktop}. */
record XdgAutostart(Path configHome, Optional<Path> launcher) implements Autostart {
    Path entry() {
        return configHome.resolve("autostart").resolve("lumasync.desktop");
    }

    @Override
    public String apply(boolean on) throws IOException {
        if (!on) {
            Files.deleteIfExists(entry());
            return "";
        }
        if (launcher.isEmpty()) {
            return NOT_INSTALLED;
        }
        Files.createDirectories(entry().getParent());
        Files.writeString(entry(), """
                [Desktop Entry]
                Type=Application
                Name=Lumasync
                Comment=Keeps your published images in sync
                Exec="%s"
                X-GNOME-Autostart-enabled=true
                Terminal=false
                """.formatted(launcher.get().toString().replace("\\", "\\\\").replace("\"", "\\\"")));
        return "Lumasync will start when you log in.";
    }
}
