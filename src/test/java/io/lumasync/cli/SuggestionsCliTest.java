package io.lumasync.cli;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.SecretVault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `lumasync suggestions` with the two findings about accounts and sizes: the oversized image carries the command
 * that resizes it; the sign-in carries `lumasync login` and no secret.
 */
class SuggestionsCliTest {
    @TempDir
    Path dir;
    private final SecretVault vault = new InMemorySecretVault();

    private String ok(String... args) {
        InProcessCli.Run r = new InProcessCli(dir.resolve("data"), vault).run(args);
        assertThat(r.exit()).as(String.join(" ", args) + ":\n" + r.out() + r.err()).isZero();
        return r.out();
    }

    @Test
    void oversizedImagesAndEndingSignInsAreListedWithWhatToDo() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Path site = Files.createDirectories(dir.resolve("site"));
        ImageIO.write(new BufferedImage(5000, 200, BufferedImage.TYPE_INT_RGB), "jpeg",
                photos.resolve("wide.jpg").toFile());
        ok("destinations", "add", "folder", "site", "--path", site.toString());
        ok("push", photos.toString(), "--to", "site", "--format", "original", "--max-size", "0");
        ok("sources", "add", "dropbox", "drop", "--to", "site", "--client-id", "app-key", "--folder", "/Photos");
        vault.put("source/drop/access_token", "sl.SECRET");
        vault.put("source/drop/refresh_token", "SECRET-REFRESH");
        vault.put("source/drop/refresh_expires_at", Instant.now().plus(Duration.ofDays(5)).toString());

        String out = ok("suggestions");

        assertThat(out).contains("1 image(s) at 'site' are much larger than needed")
                .contains("wide.jpg (5000×200 px")
                .containsPattern("--max-size 2048 --dry-run shows the savings first\\)\\. \\(lumasync suggestions act "
                        + "larger-[0-9a-f]{8}\\)");
        assertThat(out).contains("The Dropbox sign-in of 'drop' ends in 5 days")
                .contains("Sign in again (lumasync login drop).").doesNotContain("SECRET");
    }
}
