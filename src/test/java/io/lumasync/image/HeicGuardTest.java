package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HEVC-coded HEIC goes to the system's converter only within the pixel limit, and only for the time left. */
class HeicGuardTest extends PipelineTestBase {
    private static final EncodeSettings WEBP = EncodeSettings.defaults().withFormat(OutputFormat.WEBP)
            .withQuality(new Quality.Fixed(80));

    @Test
    void theContainersDimensionsAreCheckedBeforeTheConverterRuns() throws Exception {
        Path heic = heic("IMG_0002.HEIC");
        byte[] bytes = Files.readAllBytes(heic);
        int ispe = indexOf(bytes, "ispe");
        assertThat(ispe).as("the image spatial extents property").isPositive();
        ByteBuffer.wrap(bytes).putInt(ispe + 12, 20000).putInt(ispe + 16, 20000);
        Files.write(heic, bytes);
        assertThatThrownBy(() -> pipeline.encode(heic, "IMG_0002.HEIC", WEBP, Set.of()))
                .isInstanceOf(LumasyncException.class)
                .hasMessageStartingWith("IMG_0002.HEIC: refused: 20000 × 20000 is 400 megapixels");
    }

    @Test
    void theConverterRunsUnderTheImagesDeadline() throws Exception {
        Path heic = heic("IMG_0003.HEIC");
        VipsPipeline hurried = new VipsPipeline(vips, ImageLimits.defaults().withDeadline(Duration.ofMillis(1)));
        assertThatThrownBy(() -> hurried.encode(heic, "IMG_0003.HEIC", WEBP, Set.of()))
                .isInstanceOf(LumasyncException.class)
                .hasMessageStartingWith("IMG_0003.HEIC: stopped after 1 ms, the time limit for one image.");
    }

    private Path heic(String name) throws Exception {
        Path jpg = dir.resolve(name + ".jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.quadrants(dir, 160, 96).toString(), "-quality", "95",
                jpg.toString());
        Path heic = dir.resolve(name);
        ImageTools.run(ImageTools.tool("heif-enc", "libheif-examples"), "-q", "90", jpg.toString(), "-o",
                heic.toString());
        return heic;
    }

    private static int indexOf(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i - 4;
        }
        return -1;
    }
}
