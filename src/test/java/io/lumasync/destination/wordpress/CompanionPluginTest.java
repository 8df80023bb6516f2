package io.lumasync.destination.wordpress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

class CompanionPluginTest {

    @Test
    void savesAZipWordPressCanInstall(@TempDir Path dir) throws Exception {
        Path zip = CompanionPlugin.saveTo(dir.resolve("out/" + CompanionPlugin.FILE_NAME));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            // wp-admin's uploader wants one top folder holding the main file with the plugin header.
            ZipEntry main = z.getEntry("lumasync-companion/lumasync-companion.php");
            assertThat(main).isNotNull();
            String header = new String(z.getInputStream(main).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(header).contains("Plugin Name:       Lumasync Companion");
            assertThat(z.getEntry("lumasync-companion/includes/class-lumasync-replacer.php")).isNotNull();
            assertThat(z.stream().map(ZipEntry::getName)).allMatch(n -> n.startsWith("lumasync-companion/"));
        }
    }
}
