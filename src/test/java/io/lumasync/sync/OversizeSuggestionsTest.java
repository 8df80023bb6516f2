package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.image.ImagePipelines;
import io.lumasync.store.JobState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Much larger than needed" on the real engine with libvips: an original pushed at 4,400 px to a destination whose
 * images are made at 2,048 px is found with its pixel size, bytes and the saving; acting resizes it in place.
 */
class OversizeSuggestionsTest {
    @TempDir
    Path dir;
    private SyncService sync;
    private Path web;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(ImagePipelines.unavailableReason().isEmpty(), () -> ImagePipelines.unavailableReason()
                .orElse(""));
        web = Files.createDirectories(dir.resolve("web"));
        sync = SyncService.open(dir.resolve("data"), new InMemorySecretVault(), ImagePipelines.best(),
                new SyncService.Options(EngineFixture.FAST, 1, 1, false));
        sync.addDestination("web", "folder", Map.of("path", web.toString()));
    }

    @AfterEach
    void stop() {
        sync.close();
    }

    private Path noise(String name, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(w * 31L + h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 100 + r.nextInt(40) + (x * 100 / w);
                img.setRGB(x, y, (v << 16) | ((v / 2) << 8) | (255 - v));
            }
        }
        Path p = Files.createDirectories(dir.resolve("in")).resolve(name);
        ImageIO.write(img, "jpg", p.toFile());
        return p;
    }

    private List<Suggestion> larger() throws Exception {
        return sync.suggestions().stream().filter(s -> s.kind() == Suggestion.Kind.LARGER_THAN_NEEDED).toList();
    }

    @Test
    void anOriginalFarAboveTheDestinationsSizeIsResizedInPlace() throws Exception {
        Path big = noise("panorama.jpg", 4400, 300);
        Path fine = noise("thumb.jpg", 3000, 200);   // larger than 2,048 px but not twice: left alone
        RunReport pushed = sync.push(List.of(big, fine), List.of("web"), EngineFixture.ORIGINAL.withMaxSize(0),
                Optional.empty(), false, SyncListener.NONE);
        assertThat(pushed.results()).allMatch(p -> p.state() == JobState.DONE);

        Suggestion s = larger().getFirst();

        assertThat(larger()).hasSize(1);
        assertThat(s.target()).isEqualTo("web");
        assertThat(s.title()).isEqualTo("1 image(s) at 'web' are much larger than needed");
        assertThat(s.evidence()).contains("panorama.jpg (4400×300 px").doesNotContain("thumb.jpg")
                .contains("at most 2048 px").contains("less for visitors to download");
        assertThat(s.canAct()).isTrue();
        long before = Files.size(web.resolve("panorama.jpg"));

        RunReport r = sync.actOnSuggestion(s.id(), SyncListener.NONE);

        assertThat(r.results()).singleElement().satisfies(p -> assertThat(p.state()).as(p.message())
                .isEqualTo(JobState.DONE));
        BufferedImage now = ImageIO.read(web.resolve("panorama.jpg").toFile());
        assertThat(now.getWidth()).as("resized in place, same name").isEqualTo(2048);
        assertThat(Files.size(web.resolve("panorama.jpg"))).isLessThan(before);
        assertThat(ImageIO.read(web.resolve("thumb.jpg").toFile()).getWidth()).isEqualTo(3000);
        assertThat(larger()).isEmpty();
    }
}
