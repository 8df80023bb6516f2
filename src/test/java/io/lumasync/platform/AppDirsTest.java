package io.lumasync.platform;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppDirsTest {
    @Test
    void lumasyncHomeWinsEverywhere() {
        assertThat(AppDirs.dataDir(Map.of("LUMASYNC_HOME", "/data/ls"), "Linux", "/home/a")).isEqualTo(Path.of("/data/ls"));
        assertThat(AppDirs.dataDir(Map.of("LUMASYNC_HOME", "/data/ls"), "Mac OS X", "/Users/a")).isEqualTo(Path.of("/data/ls"));
    }

    @Test
    void followsEachOperatingSystemsConvention() {
        assertThat(AppDirs.dataDir(Map.of(), "Linux", "/home/a")).isEqualTo(Path.of("/home/a/.local/share/lumasync"));
        assertThat(AppDirs.dataDir(Map.of("XDG_DATA_HOME", "/x"), "Linux", "/home/a")).isEqualTo(Path.of("/x/lumasync"));
        assertThat(AppDirs.dataDir(Map.of(), "Mac OS X", "/Users/a"))
                .isEqualTo(Path.of("/Users/a/Library/Application Support/Lumasync"));
        assertThat(AppDirs.dataDir(Map.of("APPDATA", "/c/Users/a/AppData/Roaming"), "Windows 11", "/c/Users/a"))
                .isEqualTo(Path.of("/c/Users/a/AppData/Roaming/Lumasync"));
    }
}
