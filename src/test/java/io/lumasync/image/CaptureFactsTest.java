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
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Capture date and camera from real EXIF blocks written by exiftool, and from the pipeline's own outputs. */
class CaptureFactsTest extends PipelineTestBase {

    private Path cameraJpeg(String... tags) throws Exception {
        Path png = Fixtures.photo(dir, 320, 240, 3);
        Path jpg = dir.resolve("camera.jpg");
        ImageTools.run(ImageTools.magick(), png.toString(), "-quality", "90", jpg.toString());
        String[] cmd = new String[tags.length + 4];
        cmd[0] = ImageTools.exiftool();
        cmd[1] = "-q";
        cmd[2] = "-overwrite_original";
        System.arraycopy(tags, 0, cmd, 3, tags.length);
        cmd[cmd.length - 1] = jpg.toString();
        ImageTools.run(cmd);
        return jpg;
    }

    @Test
    void aNikonJpegSaysWhenAndWithWhat() throws Exception {
        Path jpg = cameraJpeg("-Make=NIKON CORPORATION", "-Model=NIKON D850",
                "-DateTimeOriginal=2019:07:14 06:12:45", "-ModifyDate=2024:01:02 10:00:00");

        CaptureFacts f = CaptureFacts.read(jpg);

        assertThat(f.taken()).contains(LocalDateTime.of(2019, 7, 14, 6, 12, 45));
        assertThat(f.camera()).isEqualTo("NIKON D850");
    }

    @ParameterizedTest(name = "{0} output keeps them under web-safe")
    @EnumSource(value = OutputFormat.class, names = {"JPEG", "WEBP", "AVIF"})
    void theWebSafeOutputStillSaysIt(OutputFormat format) throws Exception {
        Path jpg = cameraJpeg("-Make=Canon", "-Model=Canon EOS R5", "-DateTimeOriginal=2023:03:30 17:45:00",
                "-GPSLatitude=48.85", "-GPSLatitudeRef=N");
        EncodedImage out = pipeline.encode(jpg, "camera.jpg", EncodeSettings.defaults().withFormat(format)
                .withMetadata(MetadataPolicy.WEB_SAFE).withQuality(new Quality.Fixed(60)).withMaxSize(200), Set.of());

        CaptureFacts f = CaptureFacts.of(out.bytes());
        Path file = dir.resolve("out." + out.format().extension());
        Files.write(file, out.bytes());

        assertThat(f.taken()).contains(LocalDateTime.of(2023, 3, 30, 17, 45, 0));
        assertThat(f.camera()).isEqualTo("Canon EOS R5");
        assertThat(CaptureFacts.read(file)).as("read from the file, the HEIF item where iloc places it").isEqualTo(f);
    }

    @Test
    void aFileWithoutExifOrWithAnUnsetClockSaysNothing() throws Exception {
        assertThat(CaptureFacts.read(Fixtures.photo(dir, 64, 48, 1))).isEqualTo(CaptureFacts.NONE);
        Path jpg = cameraJpeg("-Make=Apple", "-Model=iPhone 15 Pro", "-DateTimeOriginal=0000:00:00 00:00:00");
        CaptureFacts f = CaptureFacts.read(jpg);
        assertThat(f.taken()).isEmpty();
        assertThat(f.camera()).isEqualTo("Apple iPhone 15 Pro");
    }

    @Test
    void damagedBlocksNeverThrow() throws Exception {
        byte[] good = Files.readAllBytes(cameraJpeg("-Make=SONY", "-Model=ILCE-7M4",
                "-DateTimeOriginal=2022:10:01 12:00:00"));
        assertThat(CaptureFacts.of(good).camera()).isEqualTo("SONY ILCE-7M4");
        Random r = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            byte[] bad = Arrays.copyOf(good, Math.min(good.length, 40 + r.nextInt(2_000)));
            for (int k = 0; k < 4; k++) {
                bad[6 + r.nextInt(bad.length - 6)] = (byte) r.nextInt(256);
            }
            assertThat(CaptureFacts.of(bad)).isNotNull();
        }
        assertThat(CaptureFacts.of(new byte[0])).isEqualTo(CaptureFacts.NONE);
        EncodedImage avif = pipeline.encode(cameraJpeg("-Make=SONY", "-Model=ILCE-7M4",
                "-DateTimeOriginal=2022:10:01 12:00:00"), "c.jpg", EncodeSettings.defaults()
                .withFormat(OutputFormat.AVIF).withQuality(new Quality.Fixed(40)).withMaxSize(64), Set.of());
        assertThat(CaptureFacts.of(avif.bytes()).camera()).isEqualTo("SONY ILCE-7M4");
        for (int i = 0; i < 2_000; i++) {
            byte[] bad = avif.bytes().clone();
            for (int k = 0; k < 3; k++) {
                bad[8 + r.nextInt(Math.min(bad.length, 600) - 8)] = (byte) r.nextInt(256);
            }
            assertThat(CaptureFacts.of(bad)).isNotNull();
        }
    }

    @Test
    void cameraNamesLoseCompanyWordsAndRepeatedMakes() {
        assertThat(CaptureFacts.camera("OLYMPUS IMAGING CORP.", "E-M1MarkII")).isEqualTo("OLYMPUS E-M1MarkII");
        assertThat(CaptureFacts.camera("FUJIFILM", "X-T5")).isEqualTo("FUJIFILM X-T5");
        assertThat(CaptureFacts.camera("Canon", "Canon EOS 5D Mark IV")).isEqualTo("Canon EOS 5D Mark IV");
        assertThat(CaptureFacts.camera("Panasonic", "DC-GH6")).isEqualTo("Panasonic DC-GH6");
        assertThat(CaptureFacts.camera("", "DMC-LX100")).isEqualTo("DMC-LX100");
        assertThat(CaptureFacts.camera("", "")).isEmpty();
    }
}
