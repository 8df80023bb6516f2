package io.lumasync.image;

import io.lumasync.image.vips.Vips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The bundled libvips, a pipeline with default limits, and a fresh folder for each test's fixtures. */
abstract class PipelineTestBase {
    static Vips vips;
    static VipsPipeline pipeline;
    @TempDir
    Path dir;

    @BeforeAll
    static void loadEngine() {
        vips = ImageTools.vips();
        pipeline = new VipsPipeline(vips, ImageLimits.defaults());
    }
}
