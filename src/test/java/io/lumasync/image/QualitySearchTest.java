package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.metric.Ssimulacra2;
import io.lumasync.image.vips.VipsEnums;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Perceptual auto-quality: the chosen output meets the target, and a stricter target costs more bytes. */
class QualitySearchTest extends PipelineTestBase {

    @Test
    void saysSoWhenTheTargetCannotBeReached() throws Exception {
        EncodedImage out = pipeline.encode(Fixtures.photo(dir, 200, 150, 12), "p.png", EncodeSettings.defaults()
                .withFormat(OutputFormat.JPEG).withQuality(new Quality.Perceptual("impossible", 99.9)), Set.of());
        assertThat(out.notes()).anyMatch(n -> n.startsWith("Quality 95 (JPEG): even the highest quality tried"));
    }

    @Test
    void largeImagesAreSearchedOnATiledSampleAndCheckedWhole() throws Exception {
        Path in = Fixtures.photo(dir, 1600, 1100, 13);
        EncodedImage out = pipeline.encode(in, "p.png", EncodeSettings.defaults().withFormat(OutputFormat.WEBP)
                .withQuality(Quality.BALANCED), Set.of());
        assertThat(out.notes()).anyMatch(n -> n.contains("on the whole image (target 70, balanced)")
                && n.contains("on a 768 px sample of 9 tiles"));
        assertThat(out.width()).isEqualTo(1600);
        assertThat(scoreAgainstInput(in, out)).isGreaterThanOrEqualTo(70.0);
    }

    @Test
    void veryLargeOutputsAreCheckedOnADenseGridOfTheirTiles() throws Exception {
        // Kept at full size (no resize), 4400 × 2600 = 11.4 MP: more than the check scores whole.
        Path in = Fixtures.photo(dir, 4400, 2600, 15);
        EncodedImage out = pipeline.encode(in, "p.png", EncodeSettings.defaults().withFormat(OutputFormat.WEBP)
                .withQuality(Quality.BALANCED).withMaxSize(0), Set.of());
        assertThat(out.width()).isEqualTo(4400);
        assertThat(out.notes()).anyMatch(n -> n.contains("on 64 tiles across the whole image (target 70"));
    }

    @Test
    void detailTheSampleMissesIsCaughtOnTheWholeImage() throws Exception {
        // Smooth everywhere except bands of fine detail that fall between the sample's tiles: the sample alone
        // would choose a low quality that smears the bands.
        Path in = Fixtures.hiddenDetail(dir, 1536, 1536);
        EncodedImage out = pipeline.encode(in, "p.png", EncodeSettings.defaults().withFormat(OutputFormat.WEBP)
                .withQuality(Quality.BALANCED), Set.of());
        assertThat(out.notes()).anyMatch(n -> n.matches(".* and [1-9] on the whole image\\."));
        assertThat(scoreAgainstInput(in, out)).isGreaterThanOrEqualTo(70.0);
    }

    @Test
    void greyWithAlphaIsScoredThoughTheEncoderStoresItAsColour() throws Exception {
        Path in = dir.resolve("grey-alpha.png");
        try (VipsScope scope = vips.scope()) {
            VipsImage photo = scope.open(Fixtures.photo(dir, 400, 300, 16));
            VipsImage grey = scope.apply("vips_colourspace", photo, new Object[]{VipsEnums.INTERPRETATION_B_W});
            VipsImage withAlpha = scope.apply("vips_bandjoin_const1", grey, new Object[]{200.0});
            Files.write(in, scope.save("vips_pngsave_buffer", withAlpha));
        }
        EncodedImage out = pipeline.encode(in, "g.png", EncodeSettings.defaults().withFormat(OutputFormat.WEBP)
                .withQuality(Quality.BALANCED), Set.of());
        assertThat(out.notes()).anyMatch(n -> n.contains("chosen for SSIMULACRA2"));
        assertThat(out.notes()).noneMatch(n -> n.contains("cannot be scored"));
    }

    @Test
    void autoFormatKeepsTheSmallestFormatThatMeetsTheTarget() throws Exception {
        Path in = Fixtures.photo(dir, 640, 480, 14);
        EncodeSettings auto = EncodeSettings.defaults().withFormat(OutputFormat.AUTO).withQuality(Quality.HIGH);
        EncodedImage out = pipeline.encode(in, "p.png", auto, Set.of());
        assertThat(scoreAgainstInput(in, out)).isGreaterThanOrEqualTo(80.0);
        for (OutputFormat f : new OutputFormat[]{OutputFormat.AVIF, OutputFormat.WEBP, OutputFormat.JPEG}) {
            EncodedImage single = pipeline.encode(in, "p.png", auto.withFormat(f), Set.of());
            assertThat(out.size()).as("auto against %s", f).isLessThanOrEqualTo(single.size());
        }
    }

    @Test
    void fastEncodesTheFirstFormatOnceWithoutASearch() throws Exception {
        Path in = Fixtures.photo(dir, 1600, 1100, 13);
        EncodedImage out = pipeline.encode(in, "p.png", EncodeSettings.defaults().withFormat(OutputFormat.AUTO)
                .withQuality(Quality.parse("fast")), Set.of());
        assertThat(out.format()).isEqualTo(ImageFormat.AVIF);
        assertThat(out.notes()).contains("Quality 60 (AVIF), fast: no perceptual search.");
        assertThat(out.notes()).noneMatch(n -> n.contains("SSIMULACRA2") || n.startsWith("Smallest of"));
    }

    @Test
    void aFormatFarBehindOnTheSampleIsNeverEncodedWhole() throws Exception {
        Path in = Fixtures.smoothScene(dir, 1600, 1100);
        EncodedImage out = pipeline.encode(in, "p.png", EncodeSettings.defaults().withFormat(OutputFormat.AUTO)
                .withQuality(Quality.HIGH), Set.of());
        assertThat(out.format()).isEqualTo(ImageFormat.AVIF);
        assertThat(out.notes()).anyMatch(n -> n.contains("JPEG ruled out on the sample"));
        assertThat(scoreAgainstInput(in, out)).isGreaterThanOrEqualTo(80.0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = OutputFormat.class, names = {"AVIF", "WEBP", "JPEG"})
    void meetsTheTargetScoreAndAStricterTargetCostsMore(OutputFormat f) throws Exception {
        Path in = Fixtures.photo(dir, 480, 320, 11);
        EncodedImage small = pipeline.encode(in, "p.png", EncodeSettings.defaults().withFormat(f)
                .withQuality(Quality.SMALL), Set.of());
        EncodedImage high = pipeline.encode(in, "p.png", EncodeSettings.defaults().withFormat(f)
                .withQuality(new Quality.Perceptual("high", 78)), Set.of());
        assertThat(small.notes()).anyMatch(n -> n.contains("chosen for SSIMULACRA2"));
        assertThat(high.notes()).anyMatch(n -> n.contains("chosen for SSIMULACRA2"));
        assertThat(scoreAgainstInput(in, small)).isGreaterThanOrEqualTo(60.0);
        assertThat(scoreAgainstInput(in, high)).isGreaterThanOrEqualTo(78.0);
        assertThat(high.size()).isGreaterThan(small.size());
    }

    /** Scores an output against the input file (here the input needs no resize or colour change). */
    private double scoreAgainstInput(Path input, EncodedImage out) throws Exception {
        try (VipsScope scope = vips.scope()) {
            VipsImage ref = scope.open(input);
            VipsImage got = scope.open(out.bytes(), "");
            return Ssimulacra2.score(scope.pixels(ref), scope.pixels(got), ref.width(), ref.height(), ref.bands());
        }
    }
}
