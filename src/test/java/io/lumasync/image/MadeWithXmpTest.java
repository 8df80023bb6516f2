package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.MetadataPolicy;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated image's prompt and model in its XMP: written into PNG and JPEG, read back by exiftool from the file and
 * from every output format the pipeline makes; the metadata policy decides whether it is published.
 */
class MadeWithXmpTest extends PipelineTestBase {
    private static final String PROMPT = "A lighthouse at dawn, \"stormy\" sea & <gulls>, 35 mm";
    private static final String MODEL = "google/gemini-2.5-flash-image";

    private Path stamped(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, MadeWithXmp.stamp(bytes, PROMPT, MODEL));
        return p;
    }

    private Path stampedPng() throws Exception {
        return stamped("gen.png", Files.readAllBytes(Fixtures.photo(dir, 240, 160, 5)));
    }

    private String tags(byte[] bytes, String ext) throws Exception {
        Path p = dir.resolve("out." + ext);
        Files.write(p, bytes);
        return ImageTools.tags(p);
    }

    @Test
    void pngAndJpegCarryThePromptAndModel() throws Exception {
        Path png = stampedPng();
        Path jpgIn = dir.resolve("in.jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.photo(dir, 200, 100, 2).toString(), jpgIn.toString());
        Path jpg = stamped("gen.jpg", Files.readAllBytes(jpgIn));
        for (Path p : new Path[]{png, jpg}) {
            String t = ImageTools.tags(p);
            assertThat(t).containsPattern("\\[XMP-dc\\]\\s+Description\\s+: " + Pattern.quote(PROMPT));
            assertThat(t).containsPattern("\\[XMP-xmp\\]\\s+CreatorTool\\s+: " + MODEL);
            assertThat(t).containsPattern("DigitalSourceType\\s+: .*trainedAlgorithmicMedia");
            assertThat(ImageTools.run(ImageTools.exiftool(), "-validate", "-warning", "-a", p.toString()))
                    .doesNotContain("Error");
            assertThat(EmbeddedText.read(p).caption()).isEqualTo(PROMPT);
        }
    }

    @Test
    void webpFilesSimpleOrExtendedCarryItAndStillDecode() throws Exception {
        EncodedImage lossy = pipeline.encode(Fixtures.photo(dir, 241, 161, 9), "p.png", EncodeSettings.defaults()
                .withFormat(OutputFormat.WEBP).withMetadata(MetadataPolicy.STRIP_ALL), Set.of());
        Path alphaPng = dir.resolve("alpha.png");
        ImageTools.run(ImageTools.magick(), "-size", "33x21", "xc:rgba(200,40,40,0.5)", alphaPng.toString());
        Path lossless = dir.resolve("lossless.webp");
        ImageTools.run(ImageTools.magick(), alphaPng.toString(), "-define", "webp:lossless=true",
                lossless.toString());
        EncodedImage extended = pipeline.encode(stampedPng(), "gen.png", EncodeSettings.defaults()
                .withFormat(OutputFormat.WEBP).withMetadata(MetadataPolicy.KEEP_ALL), Set.of());
        for (byte[] in : new byte[][]{lossy.bytes(), Files.readAllBytes(lossless), extended.bytes()}) {
            Path p = stamped("gen.webp", in);
            String t = ImageTools.tags(p);
            assertThat(t).containsPattern("\\[XMP-dc\\]\\s+Description\\s+: " + Pattern.quote(PROMPT));
            assertThat(ImageTools.run(ImageTools.exiftool(), "-validate", "-warning", "-a", p.toString()))
                    .doesNotContain("Error").doesNotContain("Warning");
            try (io.lumasync.image.vips.VipsScope scope = vips.scope()) {
                io.lumasync.image.vips.VipsImage img = scope.open(Files.readAllBytes(p), "");
                ImageSize.Dimensions d = ImageSize.of(in).orElseThrow();
                assertThat(ImageSize.of(Files.readAllBytes(p))).contains(d);
                assertThat(scope.blob(img, "xmp-data")).as("libvips reads the packet").isPresent();
            }
        }
        assertThat(ImageTools.tags(stamped("a.webp", Files.readAllBytes(lossless))))
                .as("XMP (4) and the lossless image's alpha (16) declared").containsPattern("WebP_Flags\\s+: 20\\n");
        assertThat(new String(Files.readAllBytes(lossless), 12, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .as("a simple lossless file before").isEqualTo("VP8L");
    }

    @Test
    void stampingAgainReplacesThePacket() throws Exception {
        byte[] once = Files.readAllBytes(stampedPng());
        byte[] twice = MadeWithXmp.stamp(once, "a second prompt", MODEL);
        String t = tags(twice, "png");
        assertThat(t).contains("a second prompt").doesNotContain("lighthouse");
        assertThat(MadeWithXmp.stamp(twice, PROMPT, MODEL)).isEqualTo(once);
    }

    @ParameterizedTest(name = "web-safe {0} publishes the prompt")
    @EnumSource(value = OutputFormat.class, names = {"JPEG", "WEBP", "AVIF"})
    void thePublishedFileSaysHowItWasMade(OutputFormat format) throws Exception {
        EncodedImage out = pipeline.encode(stampedPng(), "gen.png", EncodeSettings.defaults().withFormat(format)
                .withMetadata(MetadataPolicy.WEB_SAFE).withQuality(new Quality.Fixed(60)), Set.of());
        String t = tags(out.bytes(), out.format().extension());
        assertThat(t).containsPattern("\\[XMP-dc\\]\\s+Description\\s+: " + Pattern.quote(PROMPT));
        assertThat(t).containsPattern("\\[XMP-xmp\\]\\s+CreatorTool\\s+: " + MODEL);
    }

    @Test
    void stripAllLeavesNoTrace() throws Exception {
        EncodedImage out = pipeline.encode(stampedPng(), "gen.png", EncodeSettings.defaults()
                .withFormat(OutputFormat.WEBP).withMetadata(MetadataPolicy.STRIP_ALL), Set.of());
        assertThat(tags(out.bytes(), "webp")).doesNotContain("lighthouse").doesNotContain(MODEL);
    }

    @Test
    void otherFormatsAndDamagedFilesComeBackUnchanged() {
        byte[] gif = "GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(MadeWithXmp.stamp(gif, PROMPT, MODEL)).isSameAs(gif);
        byte[] truncated = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'};
        assertThat(MadeWithXmp.stamp(truncated, PROMPT, MODEL)).isSameAs(truncated);
    }
}
