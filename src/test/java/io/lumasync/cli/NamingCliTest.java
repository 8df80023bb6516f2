package io.lumasync.cli;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.SecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.SyncService;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** From the command line: a destination's file-name template names new uploads; map rename applies it on purpose. */
class NamingCliTest {
    @TempDir
    Path dir;
    private final SecretVault vault = new InMemorySecretVault();

    private SyncService open() throws io.lumasync.core.LumasyncException {
        return SyncService.open(dir.resolve("data"), vault, new PassThroughPipeline(),
                new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false));
    }

    private String ok(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (CliContext ctx = new CliContext(this::open, new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), Map.of())) {
            int exit = Cli.run(ctx, args);
            assertThat(exit).as(String.join(" ", args) + ":\n" + out + err).isZero();
        }
        return out.toString();
    }

    private static String names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return String.join(",", s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void templateNamesUploadsAndMapRenameReportsTheAddressChange() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.write(photos.resolve("IMG_0001.png"), TestImages.png(1));
        Files.write(photos.resolve("IMG_0002.png"), TestImages.png(2));
        ok("destinations", "add", "folder", "site", "--path", site.toString(), "--name-template", "{original}-web.{ext}");
        ok("sources", "add", "folder", "shoot", "--path", photos.toString(), "--to", "site");
        ok("sync", "shoot");
        assertThat(names(site)).isEqualTo("img-0001-web.png,img-0002-web.png");

        try (SyncService s = open()) {
            s.updateDestination("site", Map.of("name_template", "{source}-{original}.{ext}"));
        }
        ok("sync", "shoot");
        assertThat(names(site)).as("a new template renames nothing by itself").isEqualTo("img-0001-web.png,img-0002-web.png");

        String out = ok("map", "rename", "shoot:IMG_0001.png", "--to", "site");

        assertThat(out).containsPattern("Renamed: \\S+/img-0001-web\\.png -> \\S+/shoot-img-0001\\.png");
        assertThat(names(site)).isEqualTo("img-0002-web.png,shoot-img-0001.png");
    }
}
