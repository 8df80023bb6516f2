package io.lumasync.image.bench;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.ImageLimits;
import io.lumasync.image.VipsPipeline;
import io.lumasync.image.vips.Vips;
import io.lumasync.image.vips.VipsLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The image benchmark behind docs/benchmarks.md (run by scripts/bench-images, not by the tests): Lumasync's
 * pipeline in-process against the command-line tools on the same photos, long edge to 2048 px, one libvips thread
 * per image. Per route: median time per image, peak memory, total bytes and the median SSIMULACRA2 of the outputs
 * against a lanczos3 resize of the original; then throughput with 1 and 2 workers, and memory on 45 MP inputs.
 */
public final class ImageBenchmark {
    static final int MAX = 2048;

    /** One route through the corpus: writes the output for {@code in} into {@code out}, returns the peak KiB or -1. */
    interface Route {
        long run(Path in, Path out) throws Exception;
    }

    record Result(String name, String ext, List<Double> millis, List<Long> peaks, List<Path> outputs) {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path report = Path.of(args[1]);
        int limit = args.length > 3 && args[2].equals("--limit") ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        List<Path> photos;
        try (Stream<Path> s = Files.list(corpus)) {
            photos = s.sorted().limit(limit).toList();
        }
        Path outRoot = report.getParent().resolve("out");
        Vips vips = VipsLoader.load();
        vips.concurrency(1);
        VipsPipeline pipeline = new VipsPipeline(vips, ImageLimits.defaults());
        Routes routes = new Routes(pipeline, outRoot);
        routes.prepareResizedPngs(photos);

        for (Path p : photos.subList(0, Math.min(2, photos.size()))) {   // JIT and library warm-up
            routes.lumasync(OutputFormat.WEBP, new Quality.Fixed(80)).run(p, Files.createTempFile("warm", ".webp"));
        }
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, Route> e : routes.all().entrySet()) {
            String name = e.getKey();
            String ext = Routes.extensionOf(name);
            Path dir = Files.createDirectories(outRoot.resolve(slug(name)));
            List<Double> ms = new ArrayList<>();
            List<Long> peaks = new ArrayList<>();
            List<Path> outs = new ArrayList<>();
            Cli.resetPeak();
            for (Path p : photos) {
                Path out = dir.resolve(base(p) + "." + ext);
                long t0 = System.nanoTime();
                long peak = e.getValue().run(p, out);
                ms.add((System.nanoTime() - t0) / 1e6);
                peaks.add(peak >= 0 ? peak : Cli.ownPeakKib());
                outs.add(out);
            }
            results.add(new Result(name, ext, ms, peaks, outs));
            System.out.printf("%-48s median %6.0f ms%n", name, Stats.median(ms));
        }
        Throughput throughput = Throughput.measure(routes, photos, outRoot);
        String bigMemory = Throughput.bigInputs(routes, photos, outRoot);
        Files.writeString(report, Report.markdown(vips, photos, results, throughput, bigMemory,
                new Scorer(vips)));
        System.out.println("Wrote " + report);
    }

    static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    static String base(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    /** 1 vs 2 workers for Lumasync (in-process) and for the vips command (processes). */
    record Throughput(double lumasync1, double lumasync2, double vips1, double vips2, long lumasyncPeakKib2) {
        static Throughput measure(Routes routes, List<Path> photos, Path outRoot) throws Exception {
            Path dir = Files.createDirectories(outRoot.resolve("throughput"));
            Route lumasync = routes.lumasync(OutputFormat.WEBP, new Quality.Fixed(80));
            Route cli = routes.vipsCli("webp[Q=80,strip]");
            double l1 = perSecond(lumasync, photos, dir, 1);
            Cli.resetPeak();
            double l2 = perSecond(lumasync, photos, dir, 2);
            long peak = Cli.ownPeakKib();
            double v1 = perSecond(cli, photos, dir, 1);
            double v2 = perSecond(cli, photos, dir, 2);
            return new Throughput(l1, l2, v1, v2, peak);
        }

        /** Peak memory of the JVM encoding 45 MP photos, two at a time, to WebP then AVIF. */
        static String bigInputs(Routes routes, List<Path> photos, Path outRoot) throws Exception {
            List<Path> big = routes.upscaledCopies(photos, 2, 8192);
            Path dir = Files.createDirectories(outRoot.resolve("big"));
            StringBuilder sb = new StringBuilder();
            for (OutputFormat f : new OutputFormat[]{OutputFormat.WEBP, OutputFormat.AVIF}) {
                Cli.resetPeak();
                long t0 = System.nanoTime();
                perSecond(routes.lumasync(f, new Quality.Fixed(f == OutputFormat.AVIF ? 60 : 80)), big, dir, 2);
                sb.append(String.format("| %s, 2 workers, 2 × %s | %.1f s | %d MiB |%n", f, routes.describe(big.getFirst()),
                        (System.nanoTime() - t0) / 1e9, Cli.ownPeakKib() / 1024));
            }
            return sb.toString();
        }

        static double perSecond(Route route, List<Path> photos, Path dir, int workers) throws Exception {
            try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
                long t0 = System.nanoTime();
                List<Future<Long>> jobs = new ArrayList<>();
                for (Path p : photos) {
                    jobs.add(pool.submit(() -> route.run(p, dir.resolve(base(p) + "-" + workers + ".out"))));
                }
                for (Future<Long> j : jobs) {
                    j.get();
                }
                return photos.size() / ((System.nanoTime() - t0) / 1e9);
            }
        }
    }

    /** Lumasync's own settings for the routes, kept here so the report can print them. */
    static EncodeSettings settings(OutputFormat f, Quality q) {
        return EncodeSettings.defaults().withFormat(f).withQuality(q).withMaxSize(MAX);
    }

    static byte[] encode(VipsPipeline pipeline, Path in, OutputFormat f, Quality q) throws Exception {
        EncodedImage out = pipeline.encode(in, in.getFileName().toString(), settings(f, q), Set.of());
        return out.bytes();
    }

    static Map<String, Route> ordered() {
        return new LinkedHashMap<>();
    }

    static void write(Path out, byte[] bytes) throws IOException {
        Files.write(out, bytes);
    }
}
