package io.lumasync.image.vips;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which file the loader takes from a native folder on each OS. The folders hold what scripts/fetch-libvips copies
 * from each platform's npm package (file names as listed by `npm pack` of @img/sharp-libvips-linux-x64 1.3.4,
 * -darwin-arm64 1.3.4 and @img/sharp-win32-x64 0.35.5); scripts/check-libvips-platforms checks the real packages.
 */
class VipsLoaderTest {
    @TempDir
    Path dir;

    private Path folder(String name, String... files) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        for (String f : files) {
            Files.writeString(d.resolve(f), "x");
        }
        return d;
    }

    @Test
    void takesTheBundledLibraryOfEachOs() throws Exception {
        Path linux = folder("linux", "libvips-cpp.so.8.18.7", "libvips-versions.json");
        Path mac = folder("mac", "libvips-cpp.8.18.7.dylib", "libvips-versions.json");
        Path windows = folder("windows", "libvips-cpp-8.18.7.dll", "libvips-42.dll", "libvips-versions.json");
        assertThat(VipsLoader.libraryIn(linux, "Linux")).contains(linux.resolve("libvips-cpp.so.8.18.7"));
        assertThat(VipsLoader.libraryIn(mac, "Mac OS X")).contains(mac.resolve("libvips-cpp.8.18.7.dylib"));
        // The C API is in libvips-42.dll; libvips-cpp-*.dll is only the C++ wrapper and must not be taken.
        assertThat(VipsLoader.libraryIn(windows, "Windows 11")).contains(windows.resolve("libvips-42.dll"));
    }

    @Test
    void neverTakesAnotherOsLibraryAndFallsBackToASystemName() throws Exception {
        Path windowsFiles = folder("w", "libvips-42.dll");
        assertThat(VipsLoader.libraryIn(windowsFiles, "Linux")).isEmpty();
        assertThat(VipsLoader.libraryIn(windowsFiles, "Mac OS X")).isEmpty();
        Path system = folder("s", "libvips.so.42.17.7", "libvips-cpp.so.42");
        assertThat(VipsLoader.libraryIn(system, "Linux")).contains(system.resolve("libvips-cpp.so.42"));
        Path systemOnly = folder("so", "libvips.so.42");
        assertThat(VipsLoader.libraryIn(systemOnly, "Linux")).contains(systemOnly.resolve("libvips.so.42"));
        Path file = systemOnly.resolve("libvips.so.42");
        assertThat(VipsLoader.libraryIn(file, "Windows 10")).contains(file);   // a file named outright is taken
    }
}
