package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.vips.Opt;
import io.lumasync.image.vips.Vips;
import io.lumasync.image.vips.VipsEnums;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;
import io.lumasync.image.vips.WorkLimit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The image pipeline on libvips: sniff → refuse bombs from the header → shrink-on-load resize (lanczos3) with
 * EXIF orientation applied → colour to sRGB (relative colorimetric + black-point compensation; untagged images
 * untouched) → metadata policy → encode the candidate formats → keep the smallest → never bigger than the input.
 */
public final class VipsPipeline implements ImagePipeline {
    private final Vips vips;
    private final ImageLimits limits;
    private final QualitySearch search;

    public VipsPipeline(Vips vips, ImageLimits limits) {
        this.vips = vips;
        this.limits = limits;
        this.search = new QualitySearch();
    }

    @Override
    public String engineName() {
        return "libvips " + vips.version() + " (" + vips.library().getFileName() + ")";
    }

    @Override
    public EncodedImage encode(Path input, String sourceName, EncodeSettings settings, Set<ImageFormat> accepted)
            throws LumasyncException {
        return encode(input, sourceName, settings, accepted, () -> false);
    }

    @Override
    public EncodedImage encode(Path input, String sourceName, EncodeSettings settings, Set<ImageFormat> accepted,
                               BooleanSupplier cancelled) throws LumasyncException {
        if (settings.format() == OutputFormat.ORIGINAL) {
            return new PassThroughPipeline().encode(input, sourceName, settings, accepted);
        }
        WorkLimit work = new WorkLimit(limits.deadline(), cancelled);
        SourceFile source = SourceFile.open(input, sourceName, limits);
        try (VipsScope scope = vips.scope()) {
            scope.limit(work);
            VipsImage header = source.header(scope);
            if (isHevc(scope, source, header)) {
                // The container's own dimensions (its 'ispe' property) are checked before the system's
                // converter decodes anything.
                limits.check(sourceName, header.width(), header.pageHeight(), 1);
                source = source.viaSystemHeif(limits, work);
                header = source.header(scope);
            }
            boolean animated = header.pages() > 1 && (source.format() == ImageFormat.GIF
                    || source.format() == ImageFormat.WEBP);
            // All frames of an animation may be decoded; of a multi-page TIFF only the first page is.
            limits.check(sourceName, header.width(), header.pageHeight(), animated ? header.pages() : 1);
            FormatPlan plan = FormatPlan.choose(sourceName, settings.format(), accepted, header.hasAlpha(), animated);
            List<String> notes = new ArrayList<>(source.notes());
            notes.addAll(plan.notes());

            VipsImage ready = prepare(scope, source, header, plan, settings, notes);
            boolean keepIcc = settings.keepWideGamut() && scope.has(ready, "icc-profile-data");
            // A file streamed from disk can be read once: encoding several formats or searching the quality needs
            // the prepared pixels in memory; a single fixed-quality encode streams straight through.
            boolean several = plan.formats().size() > 1 && !(settings.quality() instanceof Quality.Fast)
                    || settings.quality() instanceof Quality.Perceptual;
            VipsImage tagged = scope.apply("vips_copy", several ? scope.inMemory(ready) : ready);
            int keep = MetadataRules.apply(scope, tagged, settings.metadata(), keepIcc);

            QualitySample sample = settings.quality() instanceof Quality.Perceptual
                    ? new QualitySample(scope, tagged) : null;
            Candidate best = search.best(scope, tagged, plan.formats(), settings.quality(), keep, sample);
            if (plan.formats().size() > 1 && !(settings.quality() instanceof Quality.Fast)) {
                notes.add("Smallest of " + plan.formats().stream().map(FormatPlan::label).toList() + ": "
                        + FormatPlan.label(best.format()) + ".");
            }
            notes.add(best.note());
            int height = ready.pageHeight();
            EncodedImage out = new EncodedImage(best.bytes(), best.format(),
                    EncodedImage.renameFor(sourceName, best.format()), ready.width(), height, source.size(), notes);
            return NeverBigger.check(source, webReady(scope, header, settings), settings, out);
        } catch (VipsException e) {
            if (work.stopped().isPresent()) {
                throw stopped(sourceName, work, e);
            }
            if (e.uncertain()) {
                // Another image failed at the same moment and libvips' error log is shared by the process: run
                // this one again with no other libvips call in flight, so the message is this file's own.
                return vips.alone(() -> encode(input, sourceName, settings, accepted, cancelled));
            }
            throw ErrorWords.from(sourceName, input, source.format(), e);
        }
    }

    /**
     * A preview for display (Browse): decoded through the same guard as a conversion (format by content, that
     * format's loader only, pixel limit from the header, deadline), shrunk on load, upright, sRGB, 8-bit PNG.
     */
    @Override
    public Optional<byte[]> preview(Path input, int size) throws LumasyncException {
        String name = input.getFileName().toString();
        WorkLimit work = new WorkLimit(limits.deadline(), () -> false);
        SourceFile source = SourceFile.open(input, name, limits);
        try (VipsScope scope = vips.scope()) {
            scope.limit(work);
            VipsImage header = source.header(scope);
            limits.check(name, header.width(), header.pageHeight(), 1);
            if (isHevc(scope, source, header)) {
                source = source.viaSystemHeif(limits, work);
                header = source.header(scope);
            }
            limits.check(name, header.width(), header.pageHeight(), 1);
            VipsImage img = toSrgb(scope, source.thumbnail(scope, size, false, Opt.of("height", size),
                    Opt.of("size", VipsEnums.SIZE_DOWN)), false, new ArrayList<>());
            if (img.bandFormat() != VipsEnums.FORMAT_UCHAR) {
                int space = img.bands() <= 2 ? VipsEnums.INTERPRETATION_B_W : VipsEnums.INTERPRETATION_SRGB;
                img = scope.apply("vips_colourspace", img, new Object[]{space});
            }
            return Optional.of(scope.save("vips_pngsave_buffer", img, Opt.of("strip", true)));
        } catch (VipsException e) {
            if (work.stopped().isPresent()) {
                throw stopped(name, work, e);
            }
            throw ErrorWords.from(name, input, source.format(), e);
        }
    }

    /** The bundled libvips reads the HEIF container but has no HEVC decoder: the system's may. */
    private static boolean isHevc(VipsScope scope, SourceFile source, VipsImage header) {
        return source.format() == ImageFormat.HEIF
                && scope.string(header, "heif-compression").orElse("").equalsIgnoreCase("hevc");
    }

    private LumasyncException stopped(String name, WorkLimit work, Exception cause) {
        boolean cancelled = work.stopped().orElseThrow() == WorkLimit.Stop.CANCELLED;
        return new LumasyncException(ErrorKind.GIVE_UP, limits.stopped(name, cancelled), cause);
    }

    /** Resize, orientation and colour: the pixels every encoder gets. */
    private VipsImage prepare(VipsScope scope, SourceFile source, VipsImage header, FormatPlan plan,
                              EncodeSettings settings, List<String> notes)
            throws VipsException, LumasyncException {
        int max = settings.maxSize() > 0 ? settings.maxSize() : Math.max(header.width(), header.pageHeight());
        List<Opt> opts = new ArrayList<>(List.of(
                Opt.of("height", max),
                Opt.of("size", VipsEnums.SIZE_DOWN),           // never upscale
                Opt.of("linear", settings.gammaCorrect()),
                Opt.of("intent", VipsEnums.INTENT_RELATIVE)));
        VipsImage img;
        boolean cmyk = header.interpretation() == VipsEnums.INTERPRETATION_CMYK;
        if (cmyk || settings.gammaCorrect()) {
            // libvips' thumbnail converts CMYK itself, but without black-point compensation (measured: mean
            // ΔE2000 1.9 against littleCMS), and resizes in linear light only for tagged images: convert first,
            // then resize. These cases lose shrink-on-load.
            img = toSrgb(scope, source.decode(scope), settings.keepWideGamut(), notes);
            if (settings.gammaCorrect()) {
                img = scope.apply("vips_colourspace", img, new Object[]{VipsEnums.INTERPRETATION_SCRGB});
            }
            img = scope.apply("vips_thumbnail_image", img, new Object[]{max}, opts.toArray(Opt[]::new));
            if (settings.gammaCorrect()) {
                img = scope.apply("vips_colourspace", img, new Object[]{VipsEnums.INTERPRETATION_SRGB});
            }
        } else {
            img = toSrgb(scope, source.thumbnail(scope, max, plan.animate(), opts.toArray(Opt[]::new)),
                    settings.keepWideGamut(), notes);
        }
        if (img.bandFormat() != VipsEnums.FORMAT_UCHAR) {
            // 16-bit or float inputs: the web formats here take 8 bits per channel.
            int space = img.bands() <= 2 ? VipsEnums.INTERPRETATION_B_W : VipsEnums.INTERPRETATION_SRGB;
            img = scope.apply("vips_colourspace", img, new Object[]{space});
        }
        if (plan.flatten() && img.hasAlpha()) {
            img = scope.apply("vips_flatten", img, Opt.of("background", new double[]{255, 255, 255}));
        }
        return img;
    }

    /**
     * Converts a tagged image to sRGB (relative colorimetric + black-point compensation), CMYK always (with the
     * standard press profile when untagged); untagged RGB is left alone, and so is a wide-gamut one when asked.
     */
    private static VipsImage toSrgb(VipsScope scope, VipsImage img, boolean keepWide, List<String> notes)
            throws VipsException {
        boolean tagged = scope.has(img, "icc-profile-data");
        boolean cmyk = img.interpretation() == VipsEnums.INTERPRETATION_CMYK;
        boolean alreadySrgb = tagged && scope.blob(img, "icc-profile-data").map(SrgbProfile::is).orElse(false);
        if (!cmyk && (!tagged || keepWide || alreadySrgb)) {
            return img;
        }
        if (cmyk) {
            notes.add(tagged ? "CMYK converted to sRGB with its embedded profile."
                    : "CMYK without a profile: converted to sRGB assuming a standard press profile (libvips' "
                    + "built-in CMYK profile).");
        }
        return scope.apply("vips_icc_transform", img, new Object[]{"srgb"},
                Opt.of("input_profile", cmyk ? "cmyk" : "srgb"), Opt.of("embedded", tagged),
                Opt.of("intent", VipsEnums.INTENT_RELATIVE), Opt.of("black_point_compensation", true),
                Opt.of("depth", 8));
    }

    /** Upright, sRGB (or untagged) and within the size limit: publishable as it is. */
    private static boolean webReady(VipsScope scope, VipsImage header, EncodeSettings settings) {
        boolean upright = scope.integer(header, "orientation").orElse(1) == 1;
        boolean srgb = scope.blob(header, "icc-profile-data").map(SrgbProfile::is).orElse(true);
        boolean fits = settings.maxSize() == 0
                || Math.max(header.width(), header.pageHeight()) <= settings.maxSize();
        return upright && srgb && fits && header.interpretation() != VipsEnums.INTERPRETATION_CMYK;
    }
}
