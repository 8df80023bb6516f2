package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.MetadataPolicy;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.vips.VipsScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden tests of the metadata policies, read back with exiftool from every output format. */
class MetadataPolicyTest extends PipelineTestBase {

    /** A camera-like JPEG: GPS, body and lens serial numbers, maker note-ish fields, and the author's credits. */
    private Path cameraJpeg() throws Exception {
        Path png = Fixtures.photo(dir, 320, 240, 7);
        Path jpg = dir.resolve("camera.jpg");
        ImageTools.run(ImageTools.magick(), png.toString(), "-quality", "95", jpg.toString());
        ImageTools.run(ImageTools.exiftool(), "-q", "-overwrite_original",
                "-GPSLatitude=48.8583", "-GPSLatitudeRef=N", "-GPSLongitude=2.2945", "-GPSLongitudeRef=E",
                "-SerialNumber=CAM123456", "-LensSerialNumber=LENS98765", "-Make=TestCam", "-Model=TC-1",
                "-Copyright=(c) 2026 Ada Photographer", "-Artist=Ada Photographer",
                "-XMP-dc:Title=Harbour at dawn", "-XMP-dc:Creator=Ada Photographer",
                "-XMP-dc:Rights=(c) 2026 Ada Photographer", "-XMP-dc:Subject=harbour", "-XMP-photoshop:Credit=Ada",
                "-XMP-exif:GPSLatitude=48.8583", "-XMP-aux:SerialNumber=CAM123456",
                "-IPTC:Keywords=harbour", "-IPTC:CopyrightNotice=(c) 2026 Ada Photographer", jpg.toString());
        String before = ImageTools.tags(jpg);
        assertThat(before).contains("GPSLatitude", "CAM123456", "LENS98765", "Ada Photographer");
        return jpg;
    }

    private String tagsOf(EncodedImage out) throws Exception {
        Path p = dir.resolve("out." + out.format().extension());
        Files.write(p, out.bytes());
        return ImageTools.tags(p);
    }

    private EncodedImage encode(Path in, OutputFormat f, MetadataPolicy policy) throws Exception {
        return pipeline.encode(in, "camera.jpg", EncodeSettings.defaults().withFormat(f).withMetadata(policy)
                .withQuality(new Quality.Fixed(60)).withMaxSize(200), Set.of());
    }

    @ParameterizedTest(name = "web-safe {0}")
    @EnumSource(value = OutputFormat.class, names = {"JPEG", "WEBP", "AVIF"})
    void webSafeDropsLocationAndSerialsButKeepsCredits(OutputFormat f) throws Exception {
        String tags = tagsOf(encode(cameraJpeg(), f, MetadataPolicy.WEB_SAFE));
        assertThat(tags).doesNotContain("GPS", "CAM123456", "LENS98765", "SerialNumber");
        assertThat(tags).containsPattern("\\[IFD0\\]\\s+Copyright\\s+: \\(c\\) 2026 Ada Photographer");
        assertThat(tags).containsPattern("\\[IFD0\\]\\s+Artist\\s+: Ada Photographer");
        assertThat(tags).containsPattern("\\[XMP-dc\\]\\s+Title\\s+: Harbour at dawn");
        assertThat(tags).containsPattern("\\[XMP-dc\\]\\s+Creator\\s+: Ada Photographer");
        assertThat(tags).containsPattern("\\[XMP-photoshop\\]\\s+Credit\\s+: Ada");
        if (f == OutputFormat.JPEG) {   // IPTC exists only in JPEG (WebP and AVIF have no IPTC block)
            assertThat(tags).containsPattern("\\[IPTC\\]\\s+Keywords\\s+: harbour");
        }
    }

    @Test
    void webpExifChunkIsTheBareTiffBlockTheContainerSpecifies() throws Exception {
        EncodedImage out = encode(cameraJpeg(), OutputFormat.WEBP, MetadataPolicy.WEB_SAFE);
        String riff = new String(out.bytes(), StandardCharsets.ISO_8859_1);
        int chunk = riff.indexOf("EXIF");
        assertThat(chunk).isPositive();
        assertThat(riff.substring(chunk + 8, chunk + 10)).isIn("MM", "II");   // not JPEG's "Exif\0\0"
        Path p = dir.resolve("bare.webp");
        Files.write(p, out.bytes());
        assertThat(ImageTools.run(ImageTools.exiftool(), "-validate", "-warning", "-a", p.toString()))
                .doesNotContain("EXIF header");
        try (VipsScope scope = vips.scope()) {   // libvips reads it back too
            assertThat(scope.string(scope.open(out.bytes(), ""), "exif-ifd0-Copyright"))
                    .hasValueSatisfying(v -> assertThat(v).contains("Ada Photographer"));
        }
    }

    @ParameterizedTest(name = "strip-all {0}")
    @EnumSource(value = OutputFormat.class, names = {"JPEG", "WEBP", "AVIF"})
    void stripAllLeavesNoMetadata(OutputFormat f) throws Exception {
        String tags = tagsOf(encode(cameraJpeg(), f, MetadataPolicy.STRIP_ALL));
        assertThat(tags).doesNotContain("GPS", "CAM123456", "Ada Photographer", "Harbour", "[IFD0]", "[XMP");
    }

    @Test
    void keepAllKeepsEverything() throws Exception {
        String tags = tagsOf(encode(cameraJpeg(), OutputFormat.JPEG, MetadataPolicy.KEEP_ALL));
        assertThat(tags).contains("GPSLatitude", "CAM123456", "Ada Photographer");
    }
}
