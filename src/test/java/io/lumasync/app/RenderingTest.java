package io.lumasync.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RenderingTest {
    @TempDir
    Path dev;

    @Test
    void aLinuxMachineWithoutAGraphicsDeviceDrawsInSoftware() throws Exception {
        assertThat(Rendering.softwareOnly("Linux", dev, Map.of())).isTrue();
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/by-path-placeholder"));
        assertThat(Rendering.softwareOnly("Linux", dev, Map.of())).isTrue();
    }

    @Test
    void aDrmRenderNodeOrAnNvidiaDeviceKeepsOpenGl() throws Exception {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));
        assertThat(Rendering.softwareOnly("Linux", dev, Map.of())).isFalse();

        Path other = Files.createDirectories(dev.resolve("other"));
        Files.createFile(other.resolve("nvidiactl"));
        assertThat(Rendering.softwareOnly("Linux", other, Map.of())).isFalse();
    }

    @Test
    void mesaToldToEmulateCountsAsSoftwareEvenWithADevice() throws Exception {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/card0"));
        assertThat(Rendering.softwareOnly("Linux", dev, Map.of("LIBGL_ALWAYS_SOFTWARE", "1"))).isTrue();
        assertThat(Rendering.softwareOnly("Linux", dev, Map.of())).isFalse();
    }

    @Test
    void setsAndRemovesAVariableInTheProcesssOwnEnvironmentWithoutOverwriting() {
        String name = "LUMASYNC_RENDERING_TEST_" + ProcessHandle.current().pid();
        assertThat(Rendering.getenv(name)).isNull();
        assertThat(Rendering.setenv(name, "disable")).isTrue();
        assertThat(Rendering.getenv(name)).isEqualTo("disable");
        assertThat(Rendering.setenv(name, "other")).isTrue();
        assertThat(Rendering.getenv(name)).isEqualTo("disable");
        assertThat(Rendering.unsetenv(name)).isTrue();
        assertThat(Rendering.getenv(name)).isNull();
    }

    @Test
    void otherSystemsKeepTheirPipeline() {
        assertThat(Rendering.softwareOnly("Mac OS X", dev, Map.of())).isFalse();
        assertThat(Rendering.softwareOnly("Windows 11", dev, Map.of("LIBGL_ALWAYS_SOFTWARE", "1"))).isFalse();
    }
}
