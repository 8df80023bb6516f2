package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.vips.Opt;
import io.lumasync.image.vips.VipsEnums;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/** A file cut short, in every format the pipeline reads, is a clear error naming it: never a silent half image. */
class BrokenInputsTest extends PipelineTestBase {

    @ParameterizedTest(name = "{0} cut at 60 %")
    @ValueSource(strings = {"photo.png", "lossy.webp", "lossless.webp", "photo.avif", "photo.tif", "photo.gif",
            "progressive.jpg"})
    void aTruncatedFileIsAClearError(String name) throws Exception {
        Path source = Fixtures.photo(dir, 300, 200, 31);
        Path whole = dir.resolve("whole-" + name);
        switch (name) {
            case "photo.png" -> InputFixtures.save(vips, source, whole, "vips_pngsave_buffer");
            case "lossy.webp" -> InputFixtures.save(vips, source, whole, "vips_webpsave_buffer", Opt.of("Q", 90));
            case "lossless.webp" -> InputFixtures.save(vips, source, whole, "vips_webpsave_buffer",
                    Opt.of("lossless", true));
            case "photo.avif" -> InputFixtures.save(vips, source, whole, "vips_heifsave_buffer",
                    Opt.of("compression", VipsEnums.HEIF_COMPRESSION_AV1));
            case "photo.tif" -> InputFixtures.save(vips, source, whole, "vips_tiffsave_buffer",
                    Opt.of("compression", 5));
            case "photo.gif" -> InputFixtures.save(vips, source, whole, "vips_gifsave_buffer");
            default -> InputFixtures.save(vips, source, whole, "vips_jpegsave_buffer", Opt.of("interlace", true));
        }
        Fixtures.decode(vips, Files.readAllBytes(whole));           // the whole file is fine
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve(name);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 6 / 10));
        assertThatThrownBy(() -> pipeline.encode(cut, name, EncodeSettings.defaults().withFormat(OutputFormat.WEBP)
                .withQuality(new Quality.Fixed(80)), Set.of()))
                .isInstanceOfSatisfying(LumasyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
                    assertThat(e.getMessage()).satisfiesAnyOf(
                            m -> assertThat(m).startsWith(name + ": the file is truncated or corrupt"),
                            m -> assertThat(m).startsWith(name + ": the file starts like a"));
                });
    }
}
