package io.lumasync.image;

import io.lumasync.core.ImageFormat;

import java.lang.management.ManagementFactory;

/**
 * How many images to encode at once without running out of memory. libvips streams the decode, so memory per
 * worker is dominated by the encoder and the in-memory prepared image: the budgets below (250 MiB for WebP/JPEG,
 * 600 MiB for AVIF, whose aom encoder keeps several frame buffers and analysis planes) are deliberately above the
 * peaks seen in docs/benchmarks.md for 2048 px outputs.
 */
public final class WorkerSizing {
    static final long MIB = 1024L * 1024;

    private WorkerSizing() {
    }

    /**
     * Java heap the app keeps for itself whatever the workers do: the desktop app's windows, its thumbnails in memory
     * (300 of at most 160 px, ~20 MB) and the engine's state.
     */
    static final long APP_HEAP = 32 * MIB;
    /**
     * Java heap of one whole-image check of perceptual auto-quality, for the largest check, 3.1 MP: both images'
     * pixels (19 MB) and the streamed SSIMULACRA2's rows and next-scale planes (33 MB measured; whole planes took
     * ~135 MB before the score was streamed). Whole-image checks are also limited to one per two cores
     * ({@link QualitySample}), so this is needed once, not per worker.
     */
    static final long METRIC_HEAP = 56 * MIB;
    /**
     * Java heap of one worker's quality search: the prepared original's planes and both images' pixels, at most for an
     * image searched whole (1.18 MP: 40 MiB of planes measured, 7 MiB of pixels); a 768 × 768 sample needs 23 MiB.
     */
    static final long SAMPLE_HEAP = 48 * MIB;

    /**
     * Workers for encoding to {@code format} on this machine: min(cores, half the free memory / per-worker need,
     * the JVM's maximum heap less the app's own and one whole-image check / a quality search's need).
     */
    public static int recommendedWorkers(ImageFormat format) {
        return recommendedWorkers(format, Runtime.getRuntime().availableProcessors(), freeMemoryBytes(),
                Runtime.getRuntime().maxMemory());
    }

    static int recommendedWorkers(ImageFormat format, int cores, long freeBytes, long maxHeap) {
        long perWorker = perWorkerBytes(format);
        long byMemory = (freeBytes / 2) / perWorker;   // leave half for the app, the OS and other programs
        long byHeap = (maxHeap - APP_HEAP - METRIC_HEAP) / SAMPLE_HEAP;
        return (int) Math.max(1, Math.min(cores, Math.min(byMemory, byHeap)));
    }

    static long perWorkerBytes(ImageFormat format) {
        return switch (format) {
            case AVIF -> 600 * MIB;
            case WEBP, JPEG -> 250 * MIB;
            default -> 250 * MIB;
        };
    }

    private static long freeMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
