package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.vips.Opt;
import io.lumasync.image.vips.VipsEnums;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Content never chooses its decoder: disguised SVG and other loaders' formats are refused before any pixel. */
class UntrustedInputTest extends PipelineTestBase {
    private static final EncodeSettings WEBP = EncodeSettings.defaults().withFormat(OutputFormat.WEBP)
            .withQuality(new Quality.Fixed(80));

    @Test
    void anSvgStartingWithFtypAtOffsetFourIsNotAnImage() throws Exception {
        byte[] svg = Files.readAllBytes(HostileFiles.svgAsAvif(dir, "nested.avif"));
        assertThat(FormatSniffer.sniff(svg)).isEmpty();
        byte[] heic = "<!--ftypheic -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
        assertThat(FormatSniffer.sniff(heic)).isEmpty();
    }

    @Test
    void theFtypBoxMustBeWellFormedAndNameAKnownBrand() {
        assertThat(FormatSniffer.sniff(box("avif", "mif1", "miaf"))).contains(ImageFormat.AVIF);
        assertThat(FormatSniffer.sniff(box("mif1", "avif"))).contains(ImageFormat.AVIF);
        assertThat(FormatSniffer.sniff(box("heic", "mif1"))).contains(ImageFormat.HEIF);
        assertThat(FormatSniffer.sniff(box("mif1", "heic"))).contains(ImageFormat.HEIF);
        assertThat(FormatSniffer.sniff(box("isom", "mp41"))).as("a video").isEmpty();
        byte[] badSize = box("avif", "mif1");
        badSize[3] = 0x17;   // not a whole number of brands
        assertThat(FormatSniffer.sniff(badSize)).isEmpty();
        byte[] pastTheEnd = box("avif", "mif1");
        pastTheEnd[2] = 0x10;   // 4 KB: longer than what was read
        assertThat(FormatSniffer.sniff(pastTheEnd)).isEmpty();
        byte[] noNextBox = box("avif", "mif1");
        noNextBox[noNextBox.length - 8 + 4] = '<';
        assertThat(FormatSniffer.sniff(noNextBox)).isEmpty();
    }

    @Test
    void nestedSvgDisguisedAsAvifIsRefusedAtOnce() throws Exception {
        Path file = HostileFiles.svgAsAvif(dir, "nested.avif");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                () -> pipeline.encode(file, "nested.avif", WEBP, Set.of()))
                .isInstanceOf(LumasyncException.class)
                .hasMessageStartingWith("nested.avif: this is not an image Lumasync can read"));
    }

    @Test
    void anSvgPointingAtANeighbouringFileNeverPublishesIt() throws Exception {
        Fixtures.photo(Files.createDirectories(dir.resolve("sub")), 400, 300, 5);
        Path neighbour = Files.list(dir.resolve("sub")).findFirst().orElseThrow();
        Path file = HostileFiles.svgWithNeighbour(dir, "innocent.avif", "sub/" + neighbour.getFileName());
        assertThatThrownBy(() -> pipeline.encode(file, "innocent.avif", WEBP, Set.of()))
                .isInstanceOf(LumasyncException.class)
                .hasMessageStartingWith("innocent.avif: this is not an image Lumasync can read");
    }

    @Test
    void aWellFormedFtypBoxFollowedBySvgIsReadOnlyAsHeif() throws Exception {
        ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
        polyglot.write(box("avif", "mif1", "miaf"));
        polyglot.write(Files.readAllBytes(HostileFiles.svgWithNeighbour(dir, "x.svg", "sub/secret.jpg")));
        Path file = Files.write(dir.resolve("polyglot.avif"), polyglot.toByteArray());
        assertThat(FormatSniffer.sniff(polyglot.toByteArray())).contains(ImageFormat.AVIF);
        assertThatThrownBy(() -> pipeline.encode(file, "polyglot.avif", WEBP, Set.of()))
                .isInstanceOf(LumasyncException.class)
                .hasMessageStartingWith("polyglot.avif: ");
    }

    @Test
    void loadersOutsideTheInputListAreBlocked() throws Exception {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"
                .getBytes(StandardCharsets.UTF_8);
        Path matrix = Files.writeString(dir.resolve("m.mat"), "2 2\n1 2\n3 4\n");
        try (VipsScope scope = vips.scope()) {
            assertThatThrownBy(() -> scope.load("svgload", svg)).isInstanceOf(VipsException.class)
                    .hasMessageContaining("blocked");
            assertThatThrownBy(() -> scope.open(svg, "")).isInstanceOf(VipsException.class);
            assertThatThrownBy(() -> scope.load("matrixload", matrix)).isInstanceOf(VipsException.class)
                    .hasMessageContaining("blocked");
            byte[] jpeg = scope.save("vips_jpegsave_buffer", scope.open(Fixtures.photo(dir, 40, 30, 3)),
                    Opt.of("Q", 90));
            assertThat(scope.load("jpegload", jpeg, Opt.of("access", VipsEnums.ACCESS_SEQUENTIAL)).width())
                    .isEqualTo(40);
        }
    }

    @Test
    void anUltraHdrJpegIsStillAJpeg() throws Exception {
        Path file = dir.resolve("pixel.jpg");
        try (VipsScope scope = vips.scope()) {
            VipsImage hdr = scope.apply("vips_colourspace", scope.open(Fixtures.photo(dir, 320, 240, 9)),
                    new Object[]{VipsEnums.INTERPRETATION_SCRGB});
            Files.write(file, scope.save("vips_uhdrsave_buffer", hdr));
        }
        assertThat(FormatSniffer.sniff(Files.readAllBytes(file))).contains(ImageFormat.JPEG);
        assertThat(pipeline.encode(file, "pixel.jpg", WEBP, Set.of()).width()).isEqualTo(320);
    }

    /** An 'ftyp' box with these brands (the first is the major), then the header of a 'meta' box. */
    private static byte[] box(String major, String... compatible) {
        int size = 16 + 4 * compatible.length;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[]{0, 0, 0, (byte) size});
        b.writeBytes(("ftyp" + major).getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[4]);
        for (String c : compatible) {
            b.writeBytes(c.getBytes(StandardCharsets.US_ASCII));
        }
        b.writeBytes(new byte[]{0, 0, 0, 0x20});
        b.writeBytes("meta".getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }
}
