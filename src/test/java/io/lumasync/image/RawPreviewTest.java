package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.OutputFormat;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RAW files are published from their largest embedded JPEG preview. */
class RawPreviewTest extends PipelineTestBase {

    private byte[] jpeg(int w, int h, int seed) throws Exception {
        Path out = dir.resolve("preview-" + w + ".jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.photo(dir, w, h, seed).toString(), "-quality", "85",
                "-interlace", w > 500 ? "Plane" : "None", out.toString());   // one progressive, one baseline
        return Files.readAllBytes(out);
    }

    /** A TIFF-based RAW in miniature: TIFF header, sensor-like noise, a thumbnail and a full-size preview. */
    private Path fakeRaw(String name, byte[]... previews) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(new byte[]{'I', 'I', '*', 0, 8, 0, 0, 0});
        byte[] sensor = new byte[20_000];
        new java.util.Random(3).nextBytes(sensor);
        raw.write(sensor);
        for (byte[] p : previews) {
            raw.write(p);
            raw.write(sensor, 0, 777);
        }
        Path p = dir.resolve(name);
        Files.write(p, raw.toByteArray());
        return p;
    }

    @Test
    void publishesTheLargestEmbeddedPreview() throws Exception {
        Path nef = fakeRaw("DSC_0001.NEF", jpeg(160, 120, 1), jpeg(1600, 1067, 2));
        EncodedImage out = pipeline.encode(nef, "DSC_0001.NEF",
                EncodeSettings.defaults().withFormat(OutputFormat.WEBP), Set.of());
        assertThat(out.width()).isEqualTo(1600);
        assertThat(out.height()).isEqualTo(1067);
        assertThat(out.fileName()).isEqualTo("DSC_0001.webp");
        assertThat(out.notes()).contains("Camera RAW: published the camera's embedded 1600 × 1067 preview.");
    }

    @Test
    void refusesARawWhosePreviewIsTooSmall() throws Exception {
        Path cr2 = fakeRaw("IMG_1.CR2", jpeg(160, 120, 1));
        assertThatThrownBy(() -> pipeline.encode(cr2, "IMG_1.CR2", EncodeSettings.defaults(), Set.of()))
                .hasMessageStartingWith("IMG_1.CR2: the largest preview inside this RAW file is only 160 × 120");
        Path bare = fakeRaw("IMG_2.CR2");
        assertThatThrownBy(() -> pipeline.encode(bare, "IMG_2.CR2", EncodeSettings.defaults(), Set.of()))
                .hasMessageContaining("carries no embedded JPEG preview");
    }
}
