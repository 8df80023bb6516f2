package io.lumasync.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * macOS: a per-user LaunchAgent, {@code ~/Library/LaunchAgents/io.lumasync.Lumasync.plist}, which launchd reads at
 * the next login. {@code LimitLoadToSessionType Aqua} keeps it out of SSH sessions, where there is no window server.
 */
record LaunchAgentAutostart(Path home, Optional<Path> launcher) implements Autostart {
    static final String LABEL = "io.lumasync.Lumasync";

    Path plist() {
        return home.resolve("Library").resolve("LaunchAgents").resolve(LABEL + ".plist");
    }

    @Override
    public String apply(boolean on) throws IOException {
        if (!on) {
            Files.deleteIfExists(plist());
            return "";
        }
        if (launcher.isEmpty()) {
            return NOT_INSTALLED;
        }
        Files.createDirectories(plist().getParent());
        Files.writeString(plist(), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>Label</key>
                  <string>%s</string>
                  <key>ProgramArguments</key>
                  <array>
                    <string>%s</string>
                  </array>
                  <key>RunAtLoad</key>
                  <true/>
                  <key>LimitLoadToSessionType</key>
                  <string>Aqua</string>
                  <key>ProcessType</key>
                  <string>Interactive</string>
                </dict>
                </plist>
                """.formatted(LABEL, xml(launcher.get().toString())));
        return "Lumasync will start when you log in.";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
