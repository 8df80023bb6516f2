package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-image deadline and the cancel hook stop libvips itself, and only that image fails. */
class DeadlineTest extends PipelineTestBase {
    /** Full size, perceptual quality, every format: the slowest conversion the pipeline has. */
    private static final EncodeSettings SLOW = EncodeSettings.defaults().withFormat(OutputFormat.AUTO)
            .withMaxSize(0).withQuality(Quality.BALANCED);
    @TempDir
    static Path shared;
    static Path big;

    @BeforeAll
    static void bigPhoto() throws Exception {
        big = Fixtures.photo(shared, 3000, 2000, 41);
    }

    @Test
    void aConversionPastItsDeadlineIsStoppedInsideLibvips() throws Exception {
        VipsPipeline strict = new VipsPipeline(vips, ImageLimits.defaults().withDeadline(Duration.ofMillis(300)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> strict.encode(big, "big.png", SLOW, Set.of()))
                .isInstanceOfSatisfying(LumasyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
                    assertThat(e.getMessage()).startsWith("big.png: stopped after 300 ms, the time limit for one "
                            + "image.");
                });
        long stopped = System.nanoTime() - start;

        start = System.nanoTime();
        pipeline.encode(big, "big.png", SLOW, Set.of());
        long whole = System.nanoTime() - start;
        System.out.printf("deadline 300 ms: stopped after %d ms; the whole conversion takes %d ms%n",
                stopped / 1_000_000, whole / 1_000_000);
        assertThat(stopped).as("stopped well before the work would have ended").isLessThan(whole / 3);
    }

    @Test
    void cancellingStopsTheWorkAndSaysSo() throws Exception {
        AtomicBoolean cancel = new AtomicBoolean();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            cancel.set(true);
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> pipeline.encode(big, "big.png", SLOW, Set.of(), cancel::get))
                .isInstanceOf(LumasyncException.class)
                .hasMessage("big.png: cancelled; it was not converted.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theNextImageIsConvertedNormally() throws Exception {
        VipsPipeline strict = new VipsPipeline(vips, ImageLimits.defaults().withDeadline(Duration.ofMillis(300)));
        assertThatThrownBy(() -> strict.encode(big, "big.png", SLOW, Set.of()))
                .isInstanceOf(LumasyncException.class);
        Path small = Fixtures.photo(dir, 200, 150, 3);
        EncodeSettings quick = EncodeSettings.defaults().withFormat(OutputFormat.WEBP).withQuality(new Quality.Fixed(80));
        assertThat(strict.encode(small, "small.png", quick, Set.of()).width()).isEqualTo(200);
    }
}
