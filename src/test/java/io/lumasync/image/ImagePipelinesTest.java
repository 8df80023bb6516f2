package io.lumasync.image;

import io.lumasync.core.ImageFormat;
import io.lumasync.image.vips.VipsLoader;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ImagePipelinesTest {

    @Test
    void bestIsTheLibvipsPipelineWhenTheBundledLibraryIsThere() {
        ImageTools.vips();
        assertThat(ImagePipelines.best()).isInstanceOf(VipsPipeline.class);
        assertThat(ImagePipelines.best().engineName()).startsWith("libvips 8.");
        assertThat(ImagePipelines.unavailableReason()).isEmpty();
    }

    /** In a separate JVM, because the loader remembers its outcome for the life of the process. */
    @Test
    void aMissingLibraryFallsBackToOriginalsAndSaysWhichFileWasTried() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-D" + VipsLoader.PROPERTY + "=/nonexistent/libvips-cpp.so.42", "-Dlumasync.native=",
                "-Dlumasync.dist=", "-cp", System.getProperty("java.class.path"), Probe.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("engine=original (no re-encoding)")
                .contains("The image engine is unavailable: libvips was not found. Tried: "
                        + File.separator + "nonexistent" + File.separator + "libvips-cpp.so.42 (no libvips there)");
    }

    @Test
    void avifGetsFewerWorkersThanWebpWhenMemoryIsShort() {
        long gib = 1024L * 1024 * 1024;
        long heap = 16 * gib;
        assertThat(WorkerSizing.recommendedWorkers(ImageFormat.WEBP, 2, 2 * gib, heap)).isEqualTo(2);
        assertThat(WorkerSizing.recommendedWorkers(ImageFormat.AVIF, 2, 2 * gib, heap)).isEqualTo(1);
        assertThat(WorkerSizing.recommendedWorkers(ImageFormat.AVIF, 8, 0, heap)).isEqualTo(1);
        assertThat(WorkerSizing.recommendedWorkers(ImageFormat.JPEG, 8, 64 * gib, heap)).isEqualTo(8);
        // A small heap bounds the workers too: the app keeps some for itself, and one whole-image check and each
        // worker's quality search hold metric planes on the heap.
        long mib = 1024L * 1024;
        assertThat(WorkerSizing.recommendedWorkers(ImageFormat.JPEG, 8, 64 * gib, 100 * mib)).isEqualTo(1);
        // The launchers' 192 MiB (of which the serial collector reports ~185 usable) holds two on a 2-core laptop.
        assertThat(WorkerSizing.recommendedWorkers(ImageFormat.AVIF, 2, 64 * gib, 185 * mib)).isEqualTo(2);
        assertThat(WorkerSizing.recommendedWorkers(ImageFormat.JPEG, 8, 64 * gib, 185 * mib)).isEqualTo(2);
        assertThat(WorkerSizing.recommendedWorkers(ImageFormat.JPEG, 8, 64 * gib, 400 * mib)).isEqualTo(6);
    }

    /** Runs in the child JVM of the test above. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("engine=" + ImagePipelines.best().engineName());
            System.out.println(ImagePipelines.unavailableReason().orElse("none"));
        }
    }
}
