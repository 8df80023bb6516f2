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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Perceptual auto-quality against fixed WebP q80 at equal SSIMULACRA2: for each photo, the q80 file's score (against
 * the lanczos3-resized original) becomes the target of two auto-quality runs — WebP only, and Lumasync's default
 * (the smallest of AVIF, WebP and JPEG) — and sizes, scores and times are compared. Every output is scored by the
 * same independent {@link Scorer}, not by the pipeline's own account. Usage: AutoVsFixed CORPUS_DIR OUT_DIR [REPORT].
 */
public final class AutoVsFixed {
    private AutoVsFixed() {
    }

    private record Row(String photo, long q80Bytes, double q80Score, Run webp, Run auto) {
    }

    private record Run(long bytes, double score, double millis, String format) {
    }

    public static void main(String[] args) throws Exception {
        Vips vips = VipsLoader.load();
        vips.concurrency(1);
        VipsPipeline pipeline = new VipsPipeline(vips, ImageLimits.defaults());
        Scorer scorer = new Scorer(vips);
        Path out = Files.createDirectories(Path.of(args[1]));
        List<Path> photos = ImageBenchmark.corpus(Path.of(args[0]), Integer.MAX_VALUE);
        List<Row> rows = new ArrayList<>();
        for (Path p : photos) {
            Path fixed = out.resolve(ImageBenchmark.base(p) + "-q80.webp");
            ImageBenchmark.write(fixed, ImageBenchmark.encode(pipeline, p, OutputFormat.WEBP, new Quality.Fixed(80)));
            double target = scorer.score(p, fixed);
            Quality same = new Quality.Perceptual("same as q80", target);
            Row row = new Row(p.getFileName().toString(), Files.size(fixed), target,
                    run(pipeline, scorer, p, OutputFormat.WEBP, same, out.resolve(ImageBenchmark.base(p) + "-auto")),
                    run(pipeline, scorer, p, OutputFormat.AUTO, same, out.resolve(ImageBenchmark.base(p) + "-any")));
            rows.add(row);
            System.out.printf(Locale.ROOT, "%-58s q80 %8d B %.1f | WebP auto %.2f× %.1f | auto %s %.2f× %.1f %.1f s%n",
                    row.photo(), row.q80Bytes(), target, ratio(row.webp(), row), row.webp().score(),
                    row.auto().format(), ratio(row.auto(), row), row.auto().score(), row.auto().millis() / 1000);
        }
        String table = table(rows);
        System.out.print(table);
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), table);
        }
    }

    private static Run run(VipsPipeline pipeline, Scorer scorer, Path photo, OutputFormat format, Quality q,
                           Path stem) throws Exception {
        long t0 = System.nanoTime();
        EncodedImage img = pipeline.encode(photo, photo.getFileName().toString(),
                ImageBenchmark.settings(format, q), Set.of());
        double ms = (System.nanoTime() - t0) / 1e6;
        Path file = Path.of(stem + "." + img.format().extension());
        ImageBenchmark.write(file, img.bytes());
        return new Run(img.size(), scorer.score(photo, file), ms, img.format().extension());
    }

    private static double ratio(Run run, Row row) {
        return run.bytes() / (double) row.q80Bytes();
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| route | median size vs WebP q80 | per photo | median SSIMULACRA2 (q80: ")
                .append(fmt(Stats.median(rows.stream().map(Row::q80Score).toList())))
                .append(") | photos at or above the q80 score | median time | formats kept |\n")
                .append("|---|---:|---:|---:|---:|---:|---|\n");
        line(sb, "WebP, auto quality", rows, Row::webp);
        line(sb, "auto format (AVIF/WebP/JPEG), auto quality", rows, Row::auto);
        return sb.toString();
    }

    private interface Pick {
        Run of(Row row);
    }

    private static void line(StringBuilder sb, String name, List<Row> rows, Pick pick) {
        List<Double> ratios = rows.stream().map(r -> ratio(pick.of(r), r)).toList();
        long atOrAbove = rows.stream().filter(r -> pick.of(r).score() >= r.q80Score() - 0.05).count();
        String formats = rows.stream().map(r -> pick.of(r).format()).distinct().sorted()
                .map(f -> f + " " + rows.stream().filter(r -> pick.of(r).format().equals(f)).count())
                .reduce((a, b) -> a + ", " + b).orElse("");
        sb.append(String.format(Locale.ROOT, "| %s | %.2f× | %.2f–%.2f× | %s | %d of %d | %.1f s | %s |%n", name,
                Stats.median(ratios), ratios.stream().mapToDouble(d -> d).min().orElse(0),
                ratios.stream().mapToDouble(d -> d).max().orElse(0),
                fmt(Stats.median(rows.stream().map(r -> pick.of(r).score()).toList())), atOrAbove, rows.size(),
                Stats.median(rows.stream().map(r -> pick.of(r).millis()).toList()) / 1000, formats));
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
