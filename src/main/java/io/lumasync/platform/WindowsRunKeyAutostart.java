package io.lumasync.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Windows: a value under the current user's Run key, the place Settings → Apps → Startup lists and lets the user
 * switch off. Written with {@code reg.exe}, which every Windows has, so no native binding is needed.
 */
record WindowsRunKeyAutostart(Optional<Path> launcher, Commands commands) implements Autostart {
    static final String KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    static final String VALUE = "Lumasync";

    @Override
    public String apply(boolean on) throws IOException {
        if (!on) {
            // Exit code 1 means "no such value": already off.
            commands.run(List.of("reg.exe", "delete", KEY, "/v", VALUE, "/f"));
            return "";
        }
        if (launcher.isEmpty()) {
            return NOT_INSTALLED;
        }
        int code = commands.run(List.of("reg.exe", "add", KEY, "/v", VALUE, "/t", "REG_SZ",
                "/d", "\"" + launcher.get() + "\"", "/f"));
        if (code != 0) {
            return "Windows did not accept the start-up entry (reg.exe exit code " + code + ").";
        }
        return "Lumasync will start when you log in.";
    }
}
