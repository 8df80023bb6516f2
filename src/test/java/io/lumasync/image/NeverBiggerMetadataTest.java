package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.MetadataPolicy;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static io.lumasync.image.IptcCarryTest.exif;
import static io.lumasync.image.IptcCarryTest.tag;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Never bigger" keeps an already small original: under web-safe its location, serial numbers and thumbnail go,
 * while copyright, artist, title and caption stay — in JPEG and in WebP originals.
 */
class NeverBiggerMetadataTest extends PipelineTestBase {
    private static final String[] CAMERA_TAGS = {
            "-Copyright=© 2026 Ada Müller", "-Artist=Ada Müller", "-ImageDescription=Boats", "-Make=TestCam",
            "-DateTimeOriginal=2026:05:01 06:30:00", "-ExposureTime=1/250",
            "-GPSLatitude=35.0116", "-GPSLatitudeRef=N", "-GPSLongitude=135.7681", "-GPSLongitudeRef=E",
            "-SerialNumber=CAM123456", "-LensSerialNumber=LENS98765", "-OwnerName=Ada at home",
            "-XMP-dc:Title=Harbour at dawn", "-XMP-dc:Rights=© 2026 Ada Müller", "-XMP-exif:GPSLatitude=35.0116",
            "-XMP-aux:SerialNumber=CAM123456"};

    private EncodedImage encode(Path in, OutputFormat f, MetadataPolicy policy) throws Exception {
        return pipeline.encode(in, in.getFileName().toString(), EncodeSettings.defaults().withFormat(f)
                .withMetadata(policy).withQuality(new Quality.Fixed(95)), Set.of());
    }

    private Path written(EncodedImage out) throws Exception {
        Path p = dir.resolve("written." + out.format().extension());
        Files.write(p, out.bytes());
        return p;
    }

    private static void assertWebSafe(Path out) throws Exception {
        assertThat(tag(out, "IFD0:Copyright")).isEqualTo("© 2026 Ada Müller");
        assertThat(tag(out, "IFD0:Artist")).isEqualTo("Ada Müller");
        assertThat(tag(out, "ExifIFD:DateTimeOriginal")).isEqualTo("2026:05:01 06:30:00");
        assertThat(tag(out, "XMP-dc:Title")).isEqualTo("Harbour at dawn");
        assertThat(tag(out, "XMP-dc:Rights")).isEqualTo("© 2026 Ada Müller");
        assertThat(ImageTools.tags(out)).doesNotContain("GPS", "CAM123456", "LENS98765", "SerialNumber",
                "Ada at home", "[IFD1]", "ThumbnailImage");
    }

    @Test
    void anOptimalJpegKeepsCreditsButNotLocationSerialsOrThumbnail() throws Exception {
        Path small = dir.resolve("small.jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.photo(dir, 300, 200, 21).toString(), "-quality", "40",
                small.toString());
        Path thumb = dir.resolve("thumb.jpg");
        ImageTools.run(ImageTools.magick(), small.toString(), "-resize", "60x40", thumb.toString());
        exif(dir, small, CAMERA_TAGS);
        exif(dir, small, "-ThumbnailImage<=" + thumb, "-IPTC:CodedCharacterSet=UTF8",
                "-IPTC:Caption-Abstract=Boote, 日本");
        assertThat(ImageTools.tags(small)).contains("ThumbnailImage", "GPSLatitude", "CAM123456");

        EncodedImage out = encode(small, OutputFormat.JPEG, MetadataPolicy.WEB_SAFE);
        assertThat(out.notes()).anyMatch(n -> n.startsWith("Already optimal"));
        assertThat(out.size()).isLessThan(Files.size(small));
        Path p = written(out);
        assertWebSafe(p);
        assertThat(tag(p, "IPTC:Caption-Abstract")).isEqualTo("Boote, 日本");
    }

    @Test
    void anOptimalWebpKeepsCreditsButNotLocationOrSerials() throws Exception {
        Path small = dir.resolve("small.webp");
        ImageTools.run(ImageTools.tool("cwebp", "webp"), "-quiet", "-q", "30",
                Fixtures.photo(dir, 300, 200, 22).toString(), "-o", small.toString());
        exif(dir, small, CAMERA_TAGS);
        assertThat(ImageTools.tags(small)).contains("GPSLatitude", "CAM123456", "Ada Müller");

        EncodedImage out = encode(small, OutputFormat.WEBP, MetadataPolicy.WEB_SAFE);
        assertThat(out.notes()).anyMatch(n -> n.startsWith("Already optimal"));
        Path p = written(out);
        assertWebSafe(p);
        Fixtures.Decoded d = Fixtures.decode(vips, out.bytes());
        assertThat(d.width()).isEqualTo(300);
    }

    @Test
    void stripAllKeepsNoMetadataInAnOptimalOriginal() throws Exception {
        Path small = dir.resolve("small.jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.photo(dir, 300, 200, 23).toString(), "-quality", "40",
                small.toString());
        exif(dir, small, CAMERA_TAGS);
        exif(dir, small, "-IPTC:Caption-Abstract=Boats");
        EncodedImage out = encode(small, OutputFormat.JPEG, MetadataPolicy.STRIP_ALL);
        assertThat(out.notes()).anyMatch(n -> n.startsWith("Already optimal"));
        assertThat(ImageTools.tags(written(out))).doesNotContain("Ada", "Boats", "Harbour", "GPS", "CAM123456",
                "[IFD0]", "[XMP", "[IPTC]");
    }
}
