package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke: every web format comes out, resized, from a plain input. */
class VipsPipelineTest extends PipelineTestBase {

    @Test
    void encodesEachWebFormatResizedToTheLongEdge() throws Exception {
        Path in = Fixtures.photo(dir, 600, 400, 1);
        for (OutputFormat f : new OutputFormat[]{OutputFormat.AVIF, OutputFormat.WEBP, OutputFormat.JPEG}) {
            EncodedImage out = pipeline.encode(in, "holiday.png",
                    EncodeSettings.defaults().withFormat(f).withMaxSize(300).withQuality(new Quality.Fixed(70)),
                    Set.of());
            assertThat(out.format()).isEqualTo(f.imageFormat().orElseThrow());
            assertThat(out.fileName()).isEqualTo("holiday." + out.format().extension());
            assertThat(FormatSniffer.sniff(out.bytes())).contains(out.format());
            Fixtures.Decoded d = Fixtures.decode(vips, out.bytes());
            assertThat(d.width()).isEqualTo(300);
            assertThat(d.height()).isEqualTo(200);
            assertThat(out.width()).isEqualTo(300);
        }
    }

    @Test
    void neverUpscales() throws Exception {
        Path in = Fixtures.photo(dir, 120, 80, 2);
        EncodedImage out = pipeline.encode(in, "small.png",
                EncodeSettings.defaults().withFormat(OutputFormat.WEBP).withMaxSize(2048), Set.of(ImageFormat.WEBP));
        assertThat(Fixtures.decode(vips, out.bytes()).width()).isEqualTo(120);
    }
}
