package io.lumasync.image.bench;

import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.VipsPipeline;
import io.lumasync.image.vips.Opt;
import io.lumasync.image.vips.Vips;
import io.lumasync.image.vips.VipsEnums;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsLoader;
import io.lumasync.image.vips.VipsScope;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The routes compared: Lumasync in-process, and the command-line tools with equivalent settings. */
final class Routes {
    private final Vips vips;
    private final VipsPipeline pipeline;
    private final Path outRoot;

    Routes(Vips vips, VipsPipeline pipeline, Path outRoot) {
        this.vips = vips;
        this.pipeline = pipeline;
        this.outRoot = outRoot;
    }

    Map<String, ImageBenchmark.Route> all() {
        Map<String, ImageBenchmark.Route> m = ImageBenchmark.ordered();
        m.put("Lumasync WebP q80", lumasync(OutputFormat.WEBP, new Quality.Fixed(80)));
        m.put("vips thumbnail WebP q80", vipsCli("webp[Q=80,strip]"));
        m.put("bundled libvips, plain thumbnail, WebP q80", plain("vips_webpsave_buffer", Opt.of("Q", 80)));
        m.put("cwebp -resize WebP q80", this::cwebp);
        m.put("ImageMagick convert WebP q80", this::magick);
        m.put("Lumasync AVIF q60 effort 3", lumasync(OutputFormat.AVIF, new Quality.Fixed(60)));
        m.put("vips thumbnail AVIF q60 effort 3", vipsCli("avif[Q=60,effort=3,strip]"));
        m.put("bundled libvips, plain thumbnail, AVIF q60 effort 3", plain("vips_heifsave_buffer", Opt.of("Q", 60),
                Opt.of("effort", 3), Opt.of("compression", VipsEnums.HEIF_COMPRESSION_AV1)));
        m.put("avifenc (pre-resized PNG) AVIF q~60 speed 6", this::avifenc);
        m.put("Lumasync JPEG q80", lumasync(OutputFormat.JPEG, new Quality.Fixed(80)));
        m.put("vips thumbnail JPEG q80", vipsCli("jpg[Q=80,strip,optimize_coding,interlace]"));
        m.put("bundled libvips, plain thumbnail, JPEG q80", plain("vips_jpegsave_buffer", Opt.of("Q", 80),
                Opt.of("optimize_coding", true), Opt.of("interlace", true)));
        m.put("Lumasync WebP auto (SSIMULACRA2 >= 80)", lumasync(OutputFormat.WEBP, Quality.HIGH));
        m.put("Lumasync auto format, auto quality (high)", lumasync(OutputFormat.AUTO, Quality.HIGH));
        return m;
    }

    static String extensionOf(String routeName) {
        String n = routeName.toLowerCase(Locale.ROOT);
        return n.contains("webp") ? "webp" : n.contains("avif") ? "avif" : n.contains("jpeg") ? "jpg" : "img";
    }

    ImageBenchmark.Route lumasync(OutputFormat f, Quality q) {
        return (in, out) -> {
            ImageBenchmark.write(out, ImageBenchmark.encode(pipeline, in, f, q));
            return -1;
        };
    }

    /**
     * The bundled libvips (the same build as Lumasync's) doing only what `vips thumbnail` does — shrink-on-load
     * resize and save, no colour management or metadata work — in this process: the difference to the Lumasync
     * route is the pipeline's own cost, free of the library-version difference of the command-line rows.
     */
    ImageBenchmark.Route plain(String saver, Opt... options) {
        Opt[] all = Arrays.copyOf(options, options.length + 1);
        all[options.length] = Opt.of("keep", VipsEnums.KEEP_NONE);
        return (in, out) -> {
            try (VipsScope scope = vips.scope()) {
                VipsImage img = scope.thumbnail(in, "", ImageBenchmark.MAX, Opt.of("height", ImageBenchmark.MAX),
                        Opt.of("size", VipsEnums.SIZE_DOWN));
                ImageBenchmark.write(out, scope.save(saver, img, all));
            }
            return -1;
        };
    }

    ImageBenchmark.Route vipsCli(String typeAndOptions) {
        return (in, out) -> {
            String target = out.toString().replaceAll("\\.[a-z]+$", "") + "." + typeAndOptions;
            long kib = Cli.run(List.of("vips", "thumbnail", in.toString(), target, "" + ImageBenchmark.MAX,
                    "--height", "" + ImageBenchmark.MAX, "--size", "down")).peakKib();
            String written = target.substring(0, target.indexOf('['));
            if (!written.equals(out.toString())) {
                Files.move(Path.of(written), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return kib;
        };
    }

    private long cwebp(Path in, Path out) throws Exception {
        int[] size = fitted(in);
        return Cli.run(List.of("cwebp", "-quiet", "-q", "80", "-metadata", "none", "-resize", "" + size[0],
                "" + size[1], in.toString(), "-o", out.toString())).peakKib();
    }

    private long magick(Path in, Path out) throws Exception {
        return Cli.run(List.of("convert-im6.q16", in.toString(), "-resize",
                ImageBenchmark.MAX + "x" + ImageBenchmark.MAX + ">", "-quality", "80", "-strip", out.toString()))
                .peakKib();
    }

    /** avifenc cannot resize: it encodes the PNG made (untimed) by vips; quantizer 25 ≈ quality 60. */
    private long avifenc(Path in, Path out) throws Exception {
        Path png = outRoot.resolve("png").resolve(ImageBenchmark.base(in) + ".png");
        return Cli.run(List.of("avifenc", "-j", "1", "-s", "6", "--min", "25", "--max", "25", png.toString(),
                out.toString())).peakKib();
    }

    void prepareResizedPngs(List<Path> photos) throws Exception {
        Path dir = Files.createDirectories(outRoot.resolve("png"));
        for (Path p : photos) {
            Path png = dir.resolve(ImageBenchmark.base(p) + ".png");
            if (!Files.exists(png)) {
                Cli.run(List.of("vips", "thumbnail", p.toString(), png.toString(), "" + ImageBenchmark.MAX,
                        "--height", "" + ImageBenchmark.MAX, "--size", "down"));
            }
        }
    }

    /** The {@code n} largest photos scaled (up) to exactly {@code width} × {@code height}, as quality-90 JPEGs. */
    List<Path> upscaledCopies(List<Path> photos, int n, int width, int height) throws Exception {
        Path dir = Files.createDirectories(outRoot.resolve("big-inputs"));
        List<Path> largest = photos.stream().sorted(Comparator.comparingLong(this::sizeOf).reversed()).limit(n)
                .toList();
        List<Path> out = new ArrayList<>();
        for (Path p : largest) {
            Path big = dir.resolve(ImageBenchmark.base(p) + "-" + width + "x" + height + ".jpg");
            if (!Files.exists(big)) {
                Cli.run(List.of("vips", "thumbnail", p.toString(), big + "[Q=90]", "" + width, "--height",
                        "" + height, "--size", "force"));
            }
            out.add(big);
        }
        return out;
    }

    String describe(Path image) throws Exception {
        try (VipsScope scope = VipsLoader.load().scope()) {
            VipsImage img = scope.open(image);
            return String.format(Locale.ROOT, "%d × %d (%.1f MP)", img.width(), img.height(),
                    img.width() * (double) img.height() / 1e6);
        }
    }

    private long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** The output size that fits the long edge, for tools that want both dimensions. */
    private int[] fitted(Path in) throws Exception {
        try (VipsScope scope = VipsLoader.load().scope()) {
            VipsImage img = scope.open(in);
            double f = Math.min(1.0, ImageBenchmark.MAX / (double) Math.max(img.width(), img.height()));
            return new int[]{(int) Math.round(img.width() * f), (int) Math.round(img.height() * f)};
        } catch (VipsException e) {
            throw new IllegalStateException(e);
        }
    }
}
