package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {date} and {camera} come from the photo's EXIF (the file's time when it has none), end to end to a folder. */
class CaptureNamesTest {
    @TempDir
    Path dir;

    @Test
    void photosAreFiledByCaptureYearAndNamedByCamera() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path in = Files.createDirectories(dir.resolve("in"));
        Path nikon = Files.write(in.resolve("DSC_0412.png"),
                TinyPng.withExif(8, 8, 40, "NIKON CORPORATION", "NIKON D850", "2019:07:14 06:12:45"));
        Files.setLastModifiedTime(nikon, FileTime.from(LocalDateTime.of(2024, 1, 5, 12, 0)
                .atZone(ZoneId.systemDefault()).toInstant()));
        Path plain = Files.write(in.resolve("Scan 7.png"), TinyPng.solid(8, 8, 90));
        Files.setLastModifiedTime(plain, FileTime.from(LocalDateTime.of(2021, 3, 4, 12, 0)
                .atZone(ZoneId.systemDefault()).toInstant()));
        try (SyncService sync = SyncService.open(dir.resolve("data"), new InMemorySecretVault(),
                new PassThroughPipeline(), new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false))) {
            sync.addDestination("site", "folder", Map.of("path", out.toString(),
                    "name_template", "{date:yyyy}/{camera}-{slug}.{ext}"));
            Map<Path, AssetMetadata> files = new LinkedHashMap<>();
            files.put(nikon, new AssetMetadata("", "Harbour at dawn", "", ""));
            files.put(plain, AssetMetadata.EMPTY);

            RunReport r = sync.push(files, List.of("site"), EngineFixture.ORIGINAL, false, SyncListener.NONE);

            assertThat(r.results()).allMatch(p -> p.state() == JobState.DONE);
            assertThat(out.resolve("2019/nikon-d850-harbour-at-dawn.png")).as("EXIF date and camera").exists();
            assertThat(out.resolve("2021/scan-7.png")).as("no EXIF: the file's date, no camera").exists();
            assertThat(sync.syncMap(java.util.Optional.of("site"))).extracting(e -> e.remote().id())
                    .containsExactlyInAnyOrder("2019/nikon-d850-harbour-at-dawn.png", "2021/scan-7.png");
        }
    }

    @Test
    void aDeliberateRenameNamesThePublishedPhotoByItsCamera() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path in = Files.createDirectories(dir.resolve("in"));
        Path nikon = Files.write(in.resolve("DSC_0412.png"),
                TinyPng.withExif(8, 8, 40, "NIKON CORPORATION", "NIKON D850", "2019:07:14 06:12:45"));
        try (SyncService sync = SyncService.open(dir.resolve("data"), new InMemorySecretVault(),
                new PassThroughPipeline(), new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false))) {
            sync.addDestination("site", "folder", Map.of("path", out.toString(), "name_template", "{slug}.{ext}"));
            sync.push(Map.of(nikon, new AssetMetadata("", "Harbour at dawn", "", "")), List.of("site"),
                    EngineFixture.ORIGINAL, false, SyncListener.NONE);
            assertThat(out.resolve("harbour-at-dawn.png")).exists();
            var entry = sync.syncMap(java.util.Optional.of("site")).getFirst();
            sync.updateDestination("site", Map.of("name_template", "{date:yyyy}-{camera}-{slug}.{ext}"));

            RenameReport r = sync.renamePublished(entry.source(), entry.assetId(), "site");

            // The camera and capture date come from the published file itself, read back for the rename (a folder
            // keeps no title, so the slug is the file name's).
            assertThat(r.newUrl()).endsWith("2019-nikon-d850-dsc-0412.png");
            assertThat(out.resolve("2019-nikon-d850-dsc-0412.png")).exists();
            assertThat(out.resolve("harbour-at-dawn.png")).doesNotExist();
        }
    }
}
