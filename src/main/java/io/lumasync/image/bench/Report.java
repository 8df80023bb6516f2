package io.lumasync.image.bench;

import io.lumasync.image.vips.Vips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the benchmark's Markdown: the machine, then one table row per route. */
final class Report {
    private Report() {
    }

    static String markdown(Vips vips, List<Path> photos, List<ImageBenchmark.Result> results,
                           ImageBenchmark.Throughput t, String bigMemory, Scorer scorer) throws Exception {
        StringBuilder sb = new StringBuilder();
        sb.append("Machine: ").append(machine()).append('\n');
        sb.append("Lumasync engine: bundled libvips ").append(vips.version()).append(", JDK ")
                .append(Runtime.version()).append("; command-line tools: Debian 12 packages.\n");
        sb.append("Corpus: ").append(photos.size()).append(" JPEG photographs from Debian wallpaper packages, ")
                .append(String.format(Locale.ROOT, "%.1f–%.1f MP", mp(photos, true), mp(photos, false)))
                .append(", long edge → 2048 px, one libvips thread per image.\n\n");
        sb.append("| route | median ms/img | time vs vips thumbnail | time vs bundled plain | peak RSS | total bytes "
                + "| bytes vs vips thumbnail | median SSIMULACRA2 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ImageBenchmark.Result r : results) {
            ImageBenchmark.Result vipsRow = results.stream()
                    .filter(o -> o.name().startsWith("vips thumbnail") && o.ext().equals(r.ext())).findFirst()
                    .orElse(r);
            ImageBenchmark.Result plainRow = results.stream()
                    .filter(o -> o.name().startsWith("bundled libvips") && o.ext().equals(r.ext())).findFirst()
                    .orElse(r);
            long bytes = total(r.outputs());
            List<Double> scores = new ArrayList<>();
            for (int i = 0; i < photos.size(); i++) {
                scores.add(scorer.score(photos.get(i), r.outputs().get(i)));
            }
            boolean inProcess = r.name().startsWith("Lumasync") || r.name().startsWith("bundled");
            sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f× | %.2f× | %s | %,d | %.2f× | %.1f |%n",
                    r.name(), Stats.median(r.millis()), Stats.median(r.millis()) / Stats.median(vipsRow.millis()),
                    Stats.median(r.millis()) / Stats.median(plainRow.millis()),
                    inProcess ? "JVM " + max(r.peaks()) / 1024 + " MiB" : "median " + (long) Stats.median(r.peaks())
                            / 1024 + " MiB per process",
                    bytes, bytes / (double) total(vipsRow.outputs()), Stats.median(scores)));
        }
        sb.append("\nThroughput, WebP q80, three passes over the corpus, largest first (cores busy = CPU time of the "
                + "process and its children / wall time):\n\n| route | 1 worker | 2 workers | 2 vs 1 | cores busy, 1 → 2 workers |\n"
                + "|---|---:|---:|---:|---:|\n");
        throughputLine(sb, "Lumasync (in-process, JVM peak " + t.lumasyncPeakKib2() / 1024 + " MiB)", t.lumasync1(),
                t.lumasync2());
        throughputLine(sb, "`vips thumbnail` (processes)", t.vips1(), t.vips2());
        sb.append("\nLarge inputs (JVM peak RSS):\n\n| run | wall time | JVM peak RSS |\n|---|---:|---:|\n")
                .append(bigMemory);
        return sb.toString();
    }

    private static void throughputLine(StringBuilder sb, String name, ImageBenchmark.Rate one,
                                       ImageBenchmark.Rate two) {
        sb.append(String.format(Locale.ROOT, "| %s | %.2f img/s | %.2f img/s | %.2f× | %.2f → %.2f |%n", name,
                one.perSecond(), two.perSecond(), two.perSecond() / one.perSecond(), one.cores(), two.cores()));
    }

    private static long max(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static long total(List<Path> files) throws IOException {
        long sum = 0;
        for (Path p : files) {
            sum += Files.size(p);
        }
        return sum;
    }

    private static double mp(List<Path> photos, boolean min) throws Exception {
        double best = min ? Double.MAX_VALUE : 0;
        for (Path p : photos) {
            double v = megapixels(p);
            best = min ? Math.min(best, v) : Math.max(best, v);
        }
        return best;
    }

    private static double megapixels(Path p) throws Exception {
        try (var scope = io.lumasync.image.vips.VipsLoader.load().scope()) {
            var img = scope.open(p);
            return img.width() * (double) img.height() / 1e6;
        }
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("[^0-9]", "");
        return String.format(Locale.ROOT, "%s, %d cores, %.0f GiB RAM, %s (shared with other work while measured)",
                cpu, Runtime.getRuntime().availableProcessors(), Long.parseLong(mem) / 1048576.0,
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }
}
