package io.lumasync.image.bench;

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
import java.util.stream.Stream;

/**
 * Perceptual auto-quality against fixed WebP q80 at equal SSIMULACRA2: for each photo, the q80 file's score becomes
 * the auto-quality target, and the two sizes are compared. Usage: AutoVsFixed CORPUS_DIR OUT_DIR.
 */
public final class AutoVsFixed {
    private AutoVsFixed() {
    }

    public static void main(String[] args) throws Exception {
        Vips vips = VipsLoader.load();
        VipsPipeline pipeline = new VipsPipeline(vips, ImageLimits.defaults());
        Scorer scorer = new Scorer(vips);
        Path out = Files.createDirectories(Path.of(args[1]));
        List<Path> photos;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            photos = s.sorted().toList();
        }
        List<Double> ratios = new ArrayList<>();
        List<Double> fixedScores = new ArrayList<>();
        List<Double> autoScores = new ArrayList<>();
        for (Path p : photos) {
            Path fixed = out.resolve(ImageBenchmark.base(p) + "-q80.webp");
            ImageBenchmark.write(fixed, ImageBenchmark.encode(pipeline, p, OutputFormat.WEBP, new Quality.Fixed(80)));
            double target = scorer.score(p, fixed);
            Path auto = out.resolve(ImageBenchmark.base(p) + "-auto.webp");
            ImageBenchmark.write(auto, ImageBenchmark.encode(pipeline, p, OutputFormat.WEBP,
                    new Quality.Perceptual("same as q80", target)));
            double got = scorer.score(p, auto);
            double ratio = Files.size(auto) / (double) Files.size(fixed);
            ratios.add(ratio);
            fixedScores.add(target);
            autoScores.add(got);
            System.out.printf(Locale.ROOT, "%-60s q80 %8d B %.1f | auto %8d B %.1f | %.2f×%n", p.getFileName(),
                    Files.size(fixed), target, Files.size(auto), got, ratio);
        }
        System.out.printf(Locale.ROOT, "median size auto/q80 %.2f×; median SSIMULACRA2 q80 %.1f, auto %.1f%n",
                Stats.median(ratios), Stats.median(fixedScores), Stats.median(autoScores));
    }
}
