package io.lumasync.ui.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AutostartTest {
    @TempDir
    Path dir;

    @Test
    void writesAndRemovesAnXdgAutostartEntry() throws Exception {
        Path exe = dir.resolve("opt/lumasync/bin/Lumasync");
        Autostart a = new Autostart(Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString()), "Linux", Optional.of(exe));
        assertThat(a.apply(true)).contains("start when you log in");
        Path entry = dir.resolve("config/autostart/lumasync.desktop");
        assertThat(Files.readString(entry)).contains("Exec=\"" + exe + "\"").contains("Type=Application");
        assertThat(a.apply(false)).isEmpty();
        assertThat(entry).doesNotExist();
    }

    @Test
    void saysPlainlyWhenItCannot() throws Exception {
        assertThat(new Autostart(Map.of(), "Mac OS X", Optional.empty()).apply(true)).contains("not available");
        Autostart fromBuild = new Autostart(Map.of("XDG_CONFIG_HOME", dir.toString()), "Linux", Optional.empty());
        assertThat(fromBuild.apply(true)).contains("needs an installed Lumasync");
        assertThat(dir.resolve("autostart/lumasync.desktop")).doesNotExist();
    }
}
