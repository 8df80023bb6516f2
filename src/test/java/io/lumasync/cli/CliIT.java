package io.lumasync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user types it, through the packaged launcher. */
class CliIT {
    @TempDir
    Path tmp;
    Dist cli;
    Path photos;
    Path out;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Dist(tmp.resolve("home"), Map.of());
        Files.createDirectories(tmp.resolve("home"));
        photos = tmp.resolve("My Photos");
        out = tmp.resolve("out");
        Files.createDirectories(photos.resolve("2024 trip"));
        Files.write(photos.resolve("sunset.png"), Images.png(40, 30, 90));
        Files.write(photos.resolve("2024 trip/café ☕ 🌅.png"), Images.png(20, 20, 150));
        Files.write(photos.resolve("empty.jpg"), new byte[0]);
        Files.writeString(photos.resolve("invoice.jpg"), "%PDF-1.4 not a photo");
        Files.write(photos.resolve("truncated.png"), java.util.Arrays.copyOf(Images.png(40, 30, 10), 7));
        Files.writeString(photos.resolve("notes.txt"), "shopping list");
        Files.write(photos.resolve(".hidden.png"), Images.png(4, 4, 1));
        Files.write(photos.resolve("export.png.part"), Images.png(4, 4, 1));
    }

    @Test
    void helpListsTheCommandsWithoutTouchingAnyData() throws Exception {
        Dist.Result r = cli.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("push", "destinations", "sources", "sync", "daemon", "map", "activity");
        assertThat(tmp.resolve("home/lumasync.db")).doesNotExist();
    }

    @Test
    void pushPublishesSkipsUnchangedUpdatesInPlaceAndNamesEachBadFile() throws Exception {
        assertThat(cli.run("destinations", "add", "folder", "web", "--path", out.toString()).exit()).isZero();

        Dist.Result first = cli.run("push", photos.toString(), "--to", "web", "--format", "original");
        assertThat(first.exit()).as(first.out() + first.err()).isEqualTo(1);
        assertThat(first.out())
                .contains("empty.jpg: the file is empty (0 bytes).")
                .contains("invoice.jpg: this is not an image")
                .contains("truncated.png: this is not an image")
                .contains("2 done, 0 skipped, 3 failed");
        assertThat(out.resolve("sunset.png")).exists();
        assertThat(java.nio.file.Files.getPosixFilePermissions(out.resolve("sunset.png")))
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        assertThat(out.resolve("café ☕ 🌅.png")).exists();
        assertThat(Files.list(out).filter(p -> !p.getFileName().toString().startsWith(".")).count()).isEqualTo(2);

        Files.delete(photos.resolve("empty.jpg"));
        Files.delete(photos.resolve("invoice.jpg"));
        Files.delete(photos.resolve("truncated.png"));
        Dist.Result again = cli.run("push", photos.toString(), "--to", "web", "--format", "original");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("0 done, 2 skipped, 0 failed");

        byte[] changed = Images.png(41, 31, 200);
        Files.write(photos.resolve("sunset.png"), changed);
        Dist.Result json = cli.run("push", photos.toString(), "--to", "web", "--format", "original", "--json");
        assertThat(json.exit()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("version").asInt()).isEqualTo(1);
        assertThat(doc.at("/plan/web/replace").asInt()).isEqualTo(1);
        assertThat(doc.at("/plan/web/skip").asInt()).isEqualTo(1);
        assertThat(doc.at("/summary/done").asInt()).isEqualTo(1);
        assertThat(Files.readAllBytes(out.resolve("sunset.png"))).isEqualTo(changed);
        assertThat(Files.list(out).filter(p -> !p.getFileName().toString().startsWith(".")).count()).isEqualTo(2);

        Dist.Result map = cli.run("map", "--json");
        JsonNode rows = new ObjectMapper().readTree(map.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.findValuesAsText("remoteId")).containsExactlyInAnyOrder("sunset.png", "café ☕ 🌅.png");
    }

    @Test
    void dryRunShowsThePlanAndChangesNothing() throws Exception {
        cli.run("destinations", "add", "folder", "web", "--path", out.toString());
        Dist.Result r = cli.run("push", photos.toString(), "--to", "web", "--dry-run");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("would web: create 5, replace 0, skip 0, delete 0");
        assertThat(out).doesNotExist();
    }

    @Test
    void usageAndConfigurationErrorsExitWithTwo() throws Exception {
        assertThat(cli.run("push", photos.toString(), "--to", "nowhere").exit()).isEqualTo(2);
        assertThat(cli.run("push", photos.toString()).exit()).isEqualTo(2);
        Dist.Result bad = cli.run("destinations", "add", "folder", "x", "--colour", "red");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown option '--colour'").contains("--path VALUE");
        assertThat(cli.run("push", photos.toString(), "--to", "local", "--quality", "loud").exit()).isEqualTo(2);
    }

    @Test
    void sourcesSyncAndActivity() throws Exception {
        cli.run("destinations", "add", "folder", "web", "--path", out.toString());
        Dist.Result add = cli.run("sources", "add", "folder", "exports", "--path", photos.toString(), "--to", "web",
                "--every", "15m", "--format", "original");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(cli.run("sources", "list").out()).contains("exports", "every 15m");
        Dist.Result dry = cli.run("sync", "--dry-run");
        assertThat(dry.out()).contains("would web: create 5");
        Dist.Result sync = cli.run("sync", "exports");
        assertThat(sync.exit()).isEqualTo(1);
        assertThat(sync.out()).contains("2 done");
        Dist.Result failed = cli.run("activity", "--failed", "--json");
        assertThat(new ObjectMapper().readTree(failed.out())).hasSize(3);
        assertThat(cli.run("sources", "remove", "exports").exit()).isZero();
        assertThat(cli.run("destinations", "remove", "web").exit()).isZero();
        assertThat(cli.run("destinations", "list").out()).doesNotContain("web");
    }

    @Test
    void theWordPressCompanionPluginCanBeSavedForInstallingFromWpAdmin() throws Exception {
        Dist.Result r = cli.run("destinations", "companion", "wordpress", "--out", tmp.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        try (var zip = new java.util.zip.ZipFile(tmp.resolve("lumasync-companion.zip").toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                    .contains("lumasync-companion/lumasync-companion.php");
        }
        assertThat(cli.run("destinations", "companion", "folder").exit()).isEqualTo(2);
        assertThat(cli.run("destinations", "add", "folder", "x", "--path", out.toString(), "--connect").err())
                .contains("has no sign-in page");
    }

    @Test
    void aReadOnlyDestinationFolderFailsEveryItemWithOneClearReason() throws Exception {
        Path ro = tmp.resolve("readonly");
        Files.createDirectories(ro);
        Files.writeString(ro.resolve("file"), "x");
        // A regular file where a folder is expected cannot be written to even by root.
        cli.run("destinations", "add", "folder", "bad", "--path", ro.resolve("file").toString());
        Dist.Result r = cli.run("push", photos.resolve("sunset.png").toString(), "--to", "bad", "--format", "original");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("is not a folder");
    }
}
