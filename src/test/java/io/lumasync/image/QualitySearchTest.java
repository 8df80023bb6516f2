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
import java.util.List;
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
    void aSmallImageIsSearchedWholeAtTheFastEffortAndItsFinalEncodeChecked() throws Exception {
        // 640 × 480 is searched whole (no sample): at AVIF's fast effort, then encoded once at the final effort,
        // whose score is what the target is held to.
        Path in = Fixtures.photo(dir, 640, 480, 17);
        EncodedImage out = pipeline.encode(in, "p.png", EncodeSettings.defaults().withFormat(OutputFormat.AVIF)
                .withQuality(Quality.HIGH), Set.of());
        assertThat(out.notes()).anyMatch(n -> n.contains("on the whole image (target 80, high)")
                && n.contains("tries on the whole image at the fast effort"));
        assertThat(scoreAgainstInput(in, out)).isGreaterThanOrEqualTo(80.0);
    }

    @Test
    void aSearchOfTheWholeImageAimsWhereTheFinalEffortWillLand() throws Exception {
        // Scores rise 0.5 per quality step at the fast effort. On a sample the search aims above the target (the
        // tiles may misjudge the photo); searched whole, below it (the final effort scores higher at the same
        // quality, and the final encode is checked).
        SampleSearch.Trial trial = (format, q, quick) -> new SampleSearch.Tried(1_000L * q, 40 + 0.5 * q);
        QualitySearch.Hints from60 = format -> 60;
        SampleSearch.Found sampled = QualitySearch.searchSample(List.of(ImageFormat.AVIF), 80, true,
                QualitySearch.QUICK_AIM, from60, trial, () -> true).found().getFirst();
        SampleSearch.Found whole = QualitySearch.searchSample(List.of(ImageFormat.AVIF), 80, true,
                QualitySearch.WHOLE_QUICK_AIM, from60, trial, () -> true).found().getFirst();
        assertThat(sampled.sampleScore()).isGreaterThanOrEqualTo(80 + QualitySearch.QUICK_AIM);
        assertThat(whole.sampleScore()).isGreaterThanOrEqualTo(80 + QualitySearch.WHOLE_QUICK_AIM).isLessThan(80);
        assertThat(whole.quality()).isLessThan(sampled.quality());
    }

    @Test
    void veryLargeOutputsAreCheckedOnADenseGridOfTheirTiles() throws Exception {
        // Kept at full size (no resize), 4400 × 2600 = 11.4 MP: more than the check scores whole.
        Path in = Fixtures.photo(dir, 4400, 2600, 15);
        EncodedImage out = pipeline.encode(in, "p.png", EncodeSettings.defaults().withFormat(OutputFormat.WEBP)
                .withQuality(Quality.BALANCED).withMaxSize(0), Set.of());
        assertThat(out.width()).isEqualTo(4400);
        assertThat(out.notes()).anyMatch(n -> n.contains("on " + QualitySample.CHECK_GRID * QualitySample.CHECK_GRID
                + " tiles across the whole image (target 70"));
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

    @Test
    void aFormatTheFastEffortCannotBringToTheTargetIsSearchedAgainAtTheFinalEffort() throws Exception {
        // AVIF at the fast effort tops out below the target; at the final effort it reaches it and is the smallest.
        // The search must not drop it and hand the photo to a format several times larger.
        ModelledFormats model = new ModelledFormats(1.0);
        QualitySearch.Searched searched = QualitySearch.searchSample(
                List.of(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG), 80, true,
                f -> QualityMemory.curve(f, 80), model, () -> true);
        assertThat(searched.found()).anyMatch(f -> f.format() == ImageFormat.AVIF && f.reached() && !f.quick());
        Candidate chosen = QualitySearch.choose(searched, model::whole);
        assertThat(chosen.format()).isEqualTo(ImageFormat.AVIF);
        assertThat(model.finalScore(ImageFormat.AVIF, chosen.quality())).isGreaterThanOrEqualTo(80.0);
    }

    @Test
    void aFormatRescuedFromTheFastEffortIsAlwaysEncodedWholeAndKeptWhenSmaller() throws Exception {
        // The rescued AVIF's sample is larger than WebP's by more than samples are trusted to tell apart, yet whole it
        // is smaller: the choice must never be larger than the format the fast effort alone would have dropped.
        ModelledFormats model = new ModelledFormats(0.8);
        QualitySearch.Searched searched = QualitySearch.searchSample(
                List.of(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG), 80, true,
                f -> QualityMemory.curve(f, 80), model, () -> true);
        Candidate chosen = QualitySearch.choose(searched, model::whole);
        assertThat(model.wholeEncoded).contains(ImageFormat.AVIF);
        assertThat(chosen.format()).isEqualTo(ImageFormat.AVIF);
    }

    @Test
    void anAvifAnswerBehindOnlyByTheFastEffortsSizeIsMeasuredAtTheFinalEffort() throws Exception {
        // At the fast effort AVIF's sample is 1.3× its final size, enough to lose to WebP's on the estimate alone.
        SampleSearch.Trial trial = (format, q, quick) -> switch (format) {
            case AVIF -> new SampleSearch.Tried(Math.round(1_000 * Math.exp(0.02 * q) * (quick ? 1.3 : 1)),
                    30 + 0.6 * q);
            case WEBP -> new SampleSearch.Tried(Math.round(1_040 * Math.exp(0.02 * q)), 20 + 0.7 * q);
            default -> new SampleSearch.Tried(Math.round(6_000 * Math.exp(0.02 * q)), 10 + 0.8 * q);
        };
        QualitySearch.Searched searched = QualitySearch.searchSample(
                List.of(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG), 80, true,
                f -> QualityMemory.curve(f, 80), trial, () -> true);
        assertThat(searched.found()).anyMatch(f -> f.format() == ImageFormat.AVIF && f.reached() && !f.quick());
        Candidate chosen = QualitySearch.choose(searched, f -> new Candidate(new byte[(int) f.sampleBytes()],
                f.format(), f.quality(), ""));
        assertThat(chosen.format()).isEqualTo(ImageFormat.AVIF);
    }

    @Test
    void formatsTheMemorySettledAreNotTriedAndRuleOutsAreReported() throws Exception {
        // WebP and JPEG are far larger than AVIF at every quality: tried, they are ruled out; settled, never encoded.
        List<ImageFormat> tried = new java.util.ArrayList<>();
        SampleSearch.Trial trial = (format, q, quick) -> {
            tried.add(format);
            return switch (format) {
                case AVIF -> new SampleSearch.Tried(Math.round(1_000 * Math.exp(0.02 * q)), 30 + 0.6 * q);
                case WEBP -> new SampleSearch.Tried(Math.round(3_000 * Math.exp(0.02 * q)), 20 + 0.7 * q);
                default -> new SampleSearch.Tried(Math.round(6_000 * Math.exp(0.02 * q)), 10 + 0.8 * q);
            };
        };
        java.util.Map<ImageFormat, Boolean> outcomes = new java.util.EnumMap<>(ImageFormat.class);
        List<ImageFormat> all = List.of(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG);
        QualitySearch.Searched first = QualitySearch.searchSample(all, 80, false, new QualitySearch.Hints() {
            @Override
            public int start(ImageFormat format) {
                return QualityMemory.curve(format, 80);
            }

            @Override
            public void outcome(ImageFormat format, boolean ruledOut) {
                outcomes.put(format, ruledOut);
            }
        }, trial, () -> true);
        assertThat(outcomes).containsEntry(ImageFormat.WEBP, true).containsEntry(ImageFormat.JPEG, true);
        assertThat(first.ruledOut()).containsExactly("WebP", "JPEG");
        assertThat(tried).contains(ImageFormat.WEBP, ImageFormat.JPEG);

        tried.clear();
        QualitySearch.Searched next = QualitySearch.searchSample(all, 80, false, new QualitySearch.Hints() {
            @Override
            public int start(ImageFormat format) {
                return QualityMemory.curve(format, 80);
            }

            @Override
            public boolean settled(ImageFormat format) {
                return true;
            }
        }, trial, () -> true);
        assertThat(tried).containsOnly(ImageFormat.AVIF);
        assertThat(next.leftOut()).containsExactly("WebP", "JPEG");
        assertThat(next.found()).singleElement().satisfies(f -> assertThat(f.format()).isEqualTo(ImageFormat.AVIF));
    }

    @Test
    void theFirstFormatIsAlwaysSearchedWhateverTheMemorySays() throws Exception {
        List<ImageFormat> tried = new java.util.ArrayList<>();
        SampleSearch.Trial trial = (format, q, quick) -> {
            tried.add(format);
            return new SampleSearch.Tried(Math.round(1_000 * Math.exp(0.02 * q)), 30 + 0.6 * q);
        };
        QualitySearch.Searched searched = QualitySearch.searchSample(List.of(ImageFormat.WEBP), 80, false,
                new QualitySearch.Hints() {
                    @Override
                    public int start(ImageFormat format) {
                        return 80;
                    }

                    @Override
                    public boolean settled(ImageFormat format) {
                        return true;
                    }
                }, trial, () -> true);
        assertThat(tried).isNotEmpty().containsOnly(ImageFormat.WEBP);
        assertThat(searched.leftOut()).isEmpty();
    }

    @Test
    void theNextFormatIsEncodedWholeWhenTheWinnerNeededAHigherQualityThanItsSample() throws Exception {
        // JPEG's sample is the smallest, but the whole image needs 3 more steps and grows past what AVIF needs whole.
        QualitySearch.Searched searched = new QualitySearch.Searched(List.of(
                new SampleSearch.Found(ImageFormat.AVIF, 78, 31_084, 81.1, 4, true, 0.55, true),
                new SampleSearch.Found(ImageFormat.JPEG, 87, 26_804, 80.8, 2, true, 0.85, true)),
                List.of("WebP"), Set.of());
        List<ImageFormat> encoded = new java.util.ArrayList<>();
        Candidate chosen = QualitySearch.choose(searched, f -> {
            encoded.add(f.format());
            return f.format() == ImageFormat.JPEG ? new Candidate(new byte[200_590], f.format(), 90, "")
                    : new Candidate(new byte[147_118], f.format(), 80, "");
        });
        assertThat(encoded).containsExactly(ImageFormat.JPEG, ImageFormat.AVIF);
        assertThat(chosen.format()).isEqualTo(ImageFormat.AVIF);
    }

    /**
     * Sample encodes modelled per format: AVIF at the fast effort never scores above 78.5, at the final effort it
     * gains 0.6 point per step and is the smallest; WebP and JPEG are larger. Whole-image bytes are the sample's
     * times {@code avifWholeRatio} for AVIF and as the sample for the others.
     */
    private static final class ModelledFormats implements SampleSearch.Trial {
        final List<ImageFormat> wholeEncoded = new java.util.ArrayList<>();
        private final double avifWholeRatio;

        ModelledFormats(double avifWholeRatio) {
            this.avifWholeRatio = avifWholeRatio;
        }

        @Override
        public SampleSearch.Tried run(ImageFormat format, int q, boolean quick) {
            return new SampleSearch.Tried(bytes(format, q, quick), quick && format == ImageFormat.AVIF
                    ? Math.min(78.5, 30 + 0.6 * q) : finalScore(format, q));
        }

        double finalScore(ImageFormat format, int q) {
            return switch (format) {
                case AVIF -> 30 + 0.6 * q;
                case WEBP -> 20 + 0.7 * q;
                default -> 10 + 0.8 * q;
            };
        }

        long bytes(ImageFormat format, int q, boolean quick) {
            double base = switch (format) {
                case AVIF -> avifWholeRatio < 1 ? 2_800 : 1_000;   // below 1: a sample larger than WebP's
                case WEBP -> 2_000;
                default -> 6_000;
            };
            return Math.round(base * Math.exp(0.02 * q) * (quick && format == ImageFormat.AVIF ? 1.2 : 1));
        }

        Candidate whole(SampleSearch.Found f) {
            wholeEncoded.add(f.format());
            double ratio = f.format() == ImageFormat.AVIF && avifWholeRatio < 1 ? avifWholeRatio * 2_000 / 2_800 : 1;
            return new Candidate(new byte[(int) Math.round(bytes(f.format(), f.quality(), false) * ratio)],
                    f.format(), f.quality(), "");
        }
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
