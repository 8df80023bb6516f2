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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    /** The heap options the launcher (src/dist/bin/lumasync) gives the app, so fresh-JVM runs measure it as run. */
    public static final List<String> APP_HEAP = List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");

    /** One route through the corpus: writes the output for {@code in} into {@code out}, returns the peak KiB or -1. */
    interface Route {
        long run(Path in, Path out) throws Exception;
    }

    record Result(String name, String ext, List<Double> millis, List<Long> peaks, List<Path> outputs) {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].startsWith("--")) {
            child(args);
            return;
        }
        Path corpus = Path.of(args[0]);
        Path report = Path.of(args[1]);
        int limit = args.length > 3 && args[2].equals("--limit") ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        List<Path> photos = corpus(corpus, limit);
        Path outRoot = report.getParent().resolve("out");
        Vips vips = VipsLoader.load();
        vips.concurrency(1);
        VipsPipeline pipeline = new VipsPipeline(vips, ImageLimits.defaults());
        Routes routes = new Routes(vips, pipeline, outRoot);
        routes.prepareResizedPngs(photos);

        warmUp(routes, photos);
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
        Throughput throughput = throughputInFreshJvm(corpus, outRoot);
        String bigMemory = bigInputsInFreshJvm(corpus, outRoot);
        Files.writeString(report, Report.markdown(vips, photos, results, throughput, bigMemory,
                new Scorer(vips)));
        System.out.println("Wrote " + report);
    }

    /**
     * The runs made in a fresh JVM: {@code --big CORPUS OUT ROUTE} (one large-input run, for
     * {@link #bigInputsInFreshJvm}) or {@code --throughput CORPUS OUT} (the 1- vs 2-worker batches, for
     * {@link #throughputInFreshJvm}); each prints its result on standard output.
     */
    private static void child(String[] args) throws Exception {
        boolean throughput = args[0].startsWith("--throughput");
        Vips vips = VipsLoader.load();
        if (throughput) {
            vips.concurrency(1);
        }
        Path outRoot = Path.of(args[2]);
        Routes routes = new Routes(vips, new VipsPipeline(vips, ImageLimits.defaults()), outRoot);
        List<Path> photos = corpus(Path.of(args[1]), Integer.MAX_VALUE);
        if (!throughput) {
            System.out.print(Throughput.bigInputs(routes, photos, outRoot, args[3]));
            return;
        }
        warmUp(routes, photos);
        if (args[0].equals("--throughput-default")) {
            System.out.print(Throughput.defaultRoute(routes, photos, outRoot));
            return;
        }
        Throughput t = Throughput.measure(routes, photos, outRoot);
        System.out.printf(Locale.ROOT, "%f %f %f %f %f %f %f %f %d%n", t.lumasync1().perSecond(),
                t.lumasync1().cores(), t.lumasync2().perSecond(), t.lumasync2().cores(), t.vips1().perSecond(),
                t.vips1().cores(), t.vips2().perSecond(), t.vips2().cores(), t.lumasyncPeakKib2());
    }

    /** The corpus's photos, sorted by name. */
    static List<Path> corpus(Path dir, int limit) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().limit(limit).toList();
        }
    }

    /** JIT and library warm-up: two photos through the WebP route before anything is timed. */
    private static void warmUp(Routes routes, List<Path> photos) throws Exception {
        for (Path p : photos.subList(0, Math.min(2, photos.size()))) {
            routes.lumasync(OutputFormat.WEBP, new Quality.Fixed(80)).run(p, Files.createTempFile("warm", ".webp"));
        }
    }

    private static String bigInputsInFreshJvm(Path corpus, Path outRoot) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String route : List.of("webp", "avif", "webp-auto", "default")) {
            sb.append(inFreshJvm("--big", corpus, outRoot, route));
        }
        return sb.toString();
    }

    /**
     * Throughput in a JVM of its own: measured after the auto-quality routes, the same JVM carried their grown,
     * garbage-laden heap into the batches, and its collections ran in the middle of them.
     */
    private static Throughput throughputInFreshJvm(Path corpus, Path outRoot) throws Exception {
        String[] f = inFreshJvm("--throughput", corpus, outRoot, "").strip().split(" ");
        double[] v = new double[8];
        for (int i = 0; i < 8; i++) {
            v[i] = Double.parseDouble(f[i]);
        }
        return new Throughput(new Rate(v[0], v[1]), new Rate(v[2], v[3]), new Rate(v[4], v[5]), new Rate(v[6], v[7]),
                Long.parseLong(f[8]));
    }

    static String inFreshJvm(String mode, Path corpus, Path outRoot, String route) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector", "-Dlumasync.native=" + System.getProperty("lumasync.native", "")));
        cmd.addAll(APP_HEAP);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ImageBenchmark.class.getName(), mode,
                corpus.toString(), outRoot.toString(), route));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(mode + " " + route + " failed: " + out);
        }
        return out;
    }

    static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    static String base(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    /** Images per second, and how many cores were busy on average meanwhile (CPU time / wall time). */
    record Rate(double perSecond, double cores) {
    }

    /** 1 vs 2 workers for Lumasync (in-process) and for the vips command (processes). */
    record Throughput(Rate lumasync1, Rate lumasync2, Rate vips1, Rate vips2, long lumasyncPeakKib2) {
        /**
         * A batch of three passes over the corpus, largest files first (as a scheduler that knows sizes would do):
         * with one pass of 18 photos, the last big photo ran alone on one core while the other core idled, which
         * is the batch's tail, not the engine's scaling.
         */
        static Throughput measure(Routes routes, List<Path> corpus, Path outRoot) throws Exception {
            List<Path> photos = batch(corpus);
            Path dir = Files.createDirectories(outRoot.resolve("throughput"));
            Route lumasync = routes.lumasync(OutputFormat.WEBP, new Quality.Fixed(80));
            Route cli = routes.vipsCli("webp[Q=80,strip]");
            Rate l1 = rate(lumasync, photos, dir, 1);
            Cli.resetPeak();
            Rate l2 = rate(lumasync, photos, dir, 2);
            long peak = Cli.ownPeakKib();
            Rate v1 = rate(cli, photos, dir, 1);
            Rate v2 = rate(cli, photos, dir, 2);
            return new Throughput(l1, l2, v1, v2, peak);
        }

        /**
         * Peak memory of a JVM encoding two 45 MP photos at once (2 workers), to WebP, AVIF and auto-quality WebP.
         * Each run is its own fresh JVM with the default heap settings, as the app runs: a JVM whose heap earlier
         * routes had grown would report their memory, not this run's.
         */
        static String bigInputs(Routes routes, List<Path> photos, Path outRoot, String route) throws Exception {
            List<Path> big = routes.upscaledCopies(photos, 2, 8208, 5472);
            Path dir = Files.createDirectories(outRoot.resolve("big"));
            OutputFormat f = route.equals("default") ? OutputFormat.AUTO
                    : route.startsWith("avif") ? OutputFormat.AVIF : OutputFormat.WEBP;
            Quality q = route.endsWith("auto") || f == OutputFormat.AUTO ? Quality.HIGH
                    : new Quality.Fixed(f == OutputFormat.AVIF ? 60 : 80);
            Cli.resetPeak();
            long t0 = System.nanoTime();
            perSecond(routes.lumasync(f, q), big, dir, 2);
            return String.format("| %s %s, 2 workers, 2 × %s | %.1f s | %d MiB |%n", f, q.token(),
                    routes.describe(big.getFirst()), (System.nanoTime() - t0) / 1e9, Cli.ownPeakKib() / 1024);
        }

        /**
         * The default route (auto format, quality "high") over the same batch with 1 and 2 workers: images per
         * second, cores busy, and the peak RSS of the 2-worker batch ({@code --throughput-default}).
         */
        static String defaultRoute(Routes routes, List<Path> corpus, Path outRoot) throws Exception {
            List<Path> photos = batch(corpus);
            Path dir = Files.createDirectories(outRoot.resolve("throughput-default"));
            Route route = routes.lumasync(OutputFormat.AUTO, Quality.HIGH);
            Cli.resetPeak();
            Rate one = rate(route, photos, dir, 1);
            long peak1 = Cli.ownPeakKib();
            Cli.resetPeak();
            Rate two = rate(route, photos, dir, 2);
            return String.format(Locale.ROOT, "| default route (auto format, high), %d images | %.2f img/s | "
                            + "%.2f img/s | %.2f× | %.2f → %.2f | %d / %d MiB |%n", photos.size(), one.perSecond(),
                    two.perSecond(), two.perSecond() / one.perSecond(), one.cores(), two.cores(), peak1 / 1024,
                    Cli.ownPeakKib() / 1024);
        }

        /** Three passes over the corpus, largest files first. */
        private static List<Path> batch(List<Path> corpus) {
            List<Path> photos = new ArrayList<>();
            for (int pass = 0; pass < 3; pass++) {
                photos.addAll(corpus);
            }
            photos.sort(Comparator.comparingLong((Path p) -> p.toFile().length()).reversed());
            return photos;
        }

        static Rate rate(Route route, List<Path> photos, Path dir, int workers) throws Exception {
            double cpu0 = Cli.cpuSeconds();
            long t0 = System.nanoTime();
            double perSecond = perSecond(route, photos, dir, workers);
            double wall = (System.nanoTime() - t0) / 1e9;
            return new Rate(perSecond, (Cli.cpuSeconds() - cpu0) / wall);
        }

        static double perSecond(Route route, List<Path> photos, Path dir, int workers) throws Exception {
            try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
                long t0 = System.nanoTime();
                List<Future<Long>> jobs = new ArrayList<>();
                for (int i = 0; i < photos.size(); i++) {
                    Path p = photos.get(i);
                    Path out = dir.resolve(base(p) + "-" + workers + "-" + i + ".out");   // one file per job
                    jobs.add(pool.submit(() -> route.run(p, out)));
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
