package io.lumasync.image.bench;

import io.lumasync.core.EncodedImage;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.ImageLimits;
import io.lumasync.image.VipsPipeline;
import io.lumasync.image.vips.Vips;
import io.lumasync.image.vips.VipsLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Perceptual auto-quality against fixed encodes, per photo and in the same run (so that a busy machine slows both
 * sides alike): the default route (auto format, quality "high") and the other presets against one fixed AVIF q60
 * encode at the same effort (time) and against fixed WebP q80 (bytes); then, at equal SSIMULACRA2, the q80 file's
 * score as the target of two auto-quality runs, WebP only and auto format. Every output is scored by the same
 * independent {@link Scorer}, not by the pipeline's own account. Usage: AutoVsFixed CORPUS_DIR OUT_DIR [REPORT]
 * [--limit N].
 */
public final class AutoVsFixed {
    /** The presets measured, in the order they run for each photo (interleaved with the fixed encodes). */
    private static final Map<String, Quality> PRESETS = presets();

    private AutoVsFixed() {
    }

    private record Row(String photo, Run q80, Run avif, Map<String, Run> presets, Run webp, Run auto) {
    }

    private record Run(long bytes, double score, double millis, String format) {
    }

    /** A photo fitted into {@link #SMALL} px: small enough to be searched whole rather than on a sample. */
    private record Small(Run q80, Run avif, Run high) {
    }

    /** The long edge of the small-image runs: 1024 × 640 for the corpus's 16:10 photos (0.66 MP). */
    static final int SMALL = 1024;

    public static void main(String[] args) throws Exception {
        Vips vips = VipsLoader.load();
        vips.concurrency(1);
        VipsPipeline pipeline = new VipsPipeline(vips, ImageLimits.defaults());
        Scorer scorer = new Scorer(vips);
        Path out = Files.createDirectories(Path.of(args[1]));
        int limit = args.length > 4 && args[3].equals("--limit") ? Integer.parseInt(args[4]) : Integer.MAX_VALUE;
        List<Path> photos = ImageBenchmark.corpus(Path.of(args[0]), limit);
        // Warm-up (JIT, libvips caches) on the first photo, untimed.
        run(pipeline, scorer, photos.getFirst(), OutputFormat.AUTO, Quality.HIGH, out.resolve("warm"));
        List<Row> rows = new ArrayList<>();
        for (Path p : photos) {
            String stem = ImageBenchmark.base(p);
            Run q80 = run(pipeline, scorer, p, OutputFormat.WEBP, new Quality.Fixed(80), out.resolve(stem + "-q80"));
            Run avif = run(pipeline, scorer, p, OutputFormat.AVIF, new Quality.Fixed(60), out.resolve(stem + "-q60"));
            Map<String, Run> presets = new LinkedHashMap<>();
            for (Map.Entry<String, Quality> e : PRESETS.entrySet()) {
                presets.put(e.getKey(), run(pipeline, scorer, p, OutputFormat.AUTO, e.getValue(),
                        out.resolve(stem + "-" + e.getKey())));
            }
            Quality same = new Quality.Perceptual("same as q80", q80.score());
            Row row = new Row(p.getFileName().toString(), q80, avif, presets,
                    run(pipeline, scorer, p, OutputFormat.WEBP, same, out.resolve(stem + "-auto")),
                    run(pipeline, scorer, p, OutputFormat.AUTO, same, out.resolve(stem + "-any")));
            rows.add(row);
            Run high = presets.get("high");
            System.out.printf(Locale.ROOT, "%-58s q80 %.1f | avif q60 %.0f ms | high %s %.0f ms (%.2f×) %.2f× q80 "
                            + "bytes, %.1f | same score: WebP %.2f×, auto %.2f× %.1f%n", row.photo(), q80.score(),
                    avif.millis(), high.format(), high.millis(), high.millis() / avif.millis(),
                    sizeRatio(high, row), high.score(), sizeRatio(row.webp(), row), sizeRatio(row.auto(), row),
                    row.auto().score());
        }
        List<Small> small = new ArrayList<>();
        for (Path p : photos) {
            String stem = ImageBenchmark.base(p) + "-" + SMALL;
            Run q80 = run(pipeline, scorer, p, OutputFormat.WEBP, new Quality.Fixed(80), out.resolve(stem + "-q80"),
                    SMALL);
            Run avif = run(pipeline, scorer, p, OutputFormat.AVIF, new Quality.Fixed(60), out.resolve(stem + "-q60"),
                    SMALL);
            small.add(new Small(q80, avif, run(pipeline, scorer, p, OutputFormat.AUTO, Quality.HIGH,
                    out.resolve(stem + "-high"), SMALL)));
        }
        String report = timeTable(rows) + "\n" + presetTable(rows) + "\n" + equalScoreTable(rows) + "\n"
                + smallTable(small) + "\n" + memoryAndScaling(Path.of(args[0]), out);
        System.out.print(report);
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), report);
        }
    }

    /**
     * The default route's memory and scaling, each in a fresh JVM with the launcher's heap options: two 45 MP photos
     * at once on 2 workers, and a batch of three passes over the corpus with 1 and 2 workers.
     */
    private static String memoryAndScaling(Path corpus, Path out) throws Exception {
        return "| default route, fresh JVM (" + String.join(" ", ImageBenchmark.APP_HEAP) + ") | wall time | JVM "
                + "peak RSS |\n|---|---:|---:|\n" + ImageBenchmark.inFreshJvm("--big", corpus, out, "default")
                + "\n| batch | 1 worker | 2 workers | 2 vs 1 | cores busy | peak RSS, 1 / 2 workers |\n"
                + "|---|---:|---:|---:|---:|---:|\n"
                + ImageBenchmark.inFreshJvm("--throughput-default", corpus, out, "");
    }

    private static Map<String, Quality> presets() {
        Map<String, Quality> m = new LinkedHashMap<>();
        m.put("high", Quality.HIGH);
        m.put("balanced", Quality.BALANCED);
        m.put("small", Quality.SMALL);
        m.put("fast", Quality.FAST);
        return m;
    }

    private static Run run(VipsPipeline pipeline, Scorer scorer, Path photo, OutputFormat format, Quality q,
                           Path stem) throws Exception {
        return run(pipeline, scorer, photo, format, q, stem, ImageBenchmark.MAX);
    }

    private static Run run(VipsPipeline pipeline, Scorer scorer, Path photo, OutputFormat format, Quality q,
                           Path stem, int box) throws Exception {
        long t0 = System.nanoTime();
        EncodedImage img = pipeline.encode(photo, photo.getFileName().toString(),
                ImageBenchmark.settings(format, q).withMaxSize(box), Set.of());
        double ms = (System.nanoTime() - t0) / 1e6;
        Path file = Path.of(stem + "." + img.format().extension());
        ImageBenchmark.write(file, img.bytes());
        return new Run(img.size(), scorer.score(photo, file, box), ms, img.format().extension());
    }

    /** The default route on images searched whole: time against AVIF q60, bytes against WebP q80, target met. */
    private static String smallTable(List<Small> rows) {
        List<Double> time = rows.stream().map(r -> r.high().millis() / r.avif().millis()).toList();
        List<Double> size = rows.stream().map(r -> r.high().bytes() / (double) r.q80().bytes()).toList();
        double total = rows.stream().mapToDouble(r -> r.high().millis()).sum()
                / rows.stream().mapToDouble(r -> r.avif().millis()).sum();
        long met = rows.stream().filter(r -> r.high().score() >= ((Quality.Perceptual) Quality.HIGH).targetScore() - 0.05).count();
        return String.format(Locale.ROOT, "| default route at %d px (searched whole), same run | median time vs "
                        + "AVIF q60 | range | whole corpus | median size vs WebP q80 | median SSIMULACRA2 (q80: %s) "
                        + "| photos at or above 80 |%n|---|---:|---:|---:|---:|---:|---:|%n"
                        + "| high | %.2f× | %.2f–%.2f× | %.2f× | %.2f× | %s | %d of %d |%n", SMALL,
                fmt(Stats.median(rows.stream().map(r -> r.q80().score()).toList())), Stats.median(time), min(time),
                max(time), total, Stats.median(size),
                fmt(Stats.median(rows.stream().map(r -> r.high().score()).toList())), met, rows.size());
    }

    private static double sizeRatio(Run run, Row row) {
        return run.bytes() / (double) row.q80().bytes();
    }

    /** The default route's time against one fixed AVIF encode of the same photo, measured next to it. */
    private static String timeTable(List<Row> rows) {
        List<Double> ratios = rows.stream().map(r -> r.presets().get("high").millis() / r.avif().millis()).toList();
        double total = rows.stream().mapToDouble(r -> r.presets().get("high").millis()).sum()
                / rows.stream().mapToDouble(r -> r.avif().millis()).sum();
        return String.format(Locale.ROOT, "| default route (auto format, high) vs Lumasync AVIF q60 effort 3, same "
                        + "run | median per photo | range | whole corpus | median ms, default / AVIF |%n"
                        + "|---|---:|---:|---:|---:|%n| time | %.2f× | %.2f–%.2f× | %.2f× | %.0f / %.0f |%n",
                Stats.median(ratios), min(ratios), max(ratios), total,
                Stats.median(rows.stream().map(r -> r.presets().get("high").millis()).toList()),
                Stats.median(rows.stream().map(r -> r.avif().millis()).toList()));
    }

    /** Each preset (auto format) against fixed WebP q80: bytes, score, target met, time. */
    private static String presetTable(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| preset (auto format) | target | median size vs WebP q80 | per photo "
                + "| median SSIMULACRA2 (q80: " + fmt(Stats.median(rows.stream().map(r -> r.q80().score()).toList()))
                + ") | photos at or above the target | median time vs AVIF q60 | formats kept |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map.Entry<String, Quality> e : PRESETS.entrySet()) {
            String name = e.getKey();
            double target = e.getValue() instanceof Quality.Perceptual p ? p.targetScore() : Double.NaN;
            line(sb, name + " | " + (Double.isNaN(target) ? "none" : fmt(target)), rows,
                    r -> r.presets().get(name), r -> target);
        }
        return sb.toString();
    }

    private static String equalScoreTable(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| at each photo's WebP q80 score | target | median size vs WebP q80 "
                + "| per photo | median SSIMULACRA2 | photos at or above the q80 score | median time vs AVIF q60 "
                + "| formats kept |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        line(sb, "WebP, auto quality | q80's", rows, Row::webp, r -> r.q80().score());
        line(sb, "auto format (AVIF/WebP/JPEG), auto quality | q80's", rows, Row::auto, r -> r.q80().score());
        return sb.toString();
    }

    private interface Pick {
        Run of(Row row);
    }

    private interface Target {
        double of(Row row);
    }

    private static void line(StringBuilder sb, String name, List<Row> rows, Pick pick, Target target) {
        List<Double> ratios = rows.stream().map(r -> sizeRatio(pick.of(r), r)).toList();
        long atOrAbove = rows.stream().filter(r -> pick.of(r).score() >= target.of(r) - 0.05).count();
        String met = Double.isNaN(target.of(rows.getFirst())) ? "—" : atOrAbove + " of " + rows.size();
        String formats = rows.stream().map(r -> pick.of(r).format()).distinct().sorted()
                .map(f -> f + " " + rows.stream().filter(r -> pick.of(r).format().equals(f)).count())
                .reduce((a, b) -> a + ", " + b).orElse("");
        sb.append(String.format(Locale.ROOT, "| %s | %.2f× | %.2f–%.2f× | %s | %s | %.2f× | %s |%n", name,
                Stats.median(ratios), min(ratios), max(ratios),
                fmt(Stats.median(rows.stream().map(r -> pick.of(r).score()).toList())), met,
                Stats.median(rows.stream().map(r -> pick.of(r).millis() / r.avif().millis()).toList()), formats));
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(d -> d).min().orElse(0);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(d -> d).max().orElse(0);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
