package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.DurableFiles;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.MetadataPolicy;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.core.Retrier;
import io.lumasync.image.FormatSniffer;
import io.lumasync.image.ImagePipeline;
import io.lumasync.image.MadeWithXmp;
import io.lumasync.store.AltTexts;
import io.lumasync.store.Generations;
import io.lumasync.store.Generations.Generation;
import io.lumasync.sync.ai.AiEndpoint;
import io.lumasync.sync.naming.Slug;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Images made by AI image models as a source of Lumasync's own ("generated"): every generation of an asset is kept
 * as a version under the data folder with what made it (prompt, model, aspect ratio, reference, cost, time); the
 * current version is the file published, by the asset's name, through the normal pipeline. Regenerating or rolling
 * back changes that file, so the destination's copy is replaced in place.
 */
final class Generator {
    /** The source id generated assets are published under (sync map, activity). */
    static final String SOURCE = "generated";
    static final int MAX_NAME = 60;
    private static final Set<String> RATIOS = Set.of("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9",
            "21:9");

    private final Generations store;
    private final AltTexts spending;
    private final AiSettings settings;
    private final ImagePipeline pipeline;
    private final Retrier retrier;
    private final Runs runs;
    private final Path dataDir;
    private final Clock clock;

    Generator(Generations store, AltTexts spending, AiSettings settings, ImagePipeline pipeline, Retrier retrier,
              Runs runs, Path dataDir, Clock clock) {
        this.store = store;
        this.spending = spending;
        this.settings = settings;
        this.pipeline = pipeline;
        this.retrier = retrier;
        this.runs = runs;
        this.dataDir = dataDir;
        this.clock = clock;
    }

    /** Makes a new version of an asset (a new asset when the name is new) and publishes it. */
    GenerationResult generate(GenerateRequest req, EncodeSettings encode, SyncListener listener)
            throws LumasyncException {
        return generate(req, encode, listener, true);
    }

    /** Makes a new version; publishes it only when {@code publishNow} (otherwise {@link #publishTo} does later). */
    GenerationResult generate(GenerateRequest req, EncodeSettings encode, SyncListener listener, boolean publishNow)
            throws LumasyncException {
        String ratio = req.aspectRatio().isBlank() ? "1:1" : req.aspectRatio().strip();
        if (!RATIOS.contains(ratio)) {
            throw SyncService.usage("Aspect ratio '" + ratio + "' is not one image models take; use one of "
                    + String.join(", ", new java.util.TreeSet<>(RATIOS)) + ".");
        }
        if (req.prompt().isBlank()) {
            throw SyncService.usage("Say what the image should show: the prompt is empty.");
        }
        String asset = req.name().isBlank() ? Slug.of(req.prompt(), MAX_NAME) : Slug.of(req.name(), MAX_NAME);
        if (asset.isEmpty()) {
            throw SyncService.usage("Give the image a name made of letters or digits (--name).");
        }
        String model = req.model().isBlank() ? settings.imageModel() : req.model().strip();
        AiEndpoint ai = settings.open();
        Optional<AiEndpoint.Model> listed = ai.models().stream().filter(m -> m.id().equals(model)).findFirst();
        if (listed.isPresent() && !listed.get().makesImages()) {
            throw SyncService.usage("The model " + model + " does not make images. Choose one from `lumasync ai "
                    + "models --images`.");
        }
        boolean paid = listed.map(m -> m.perImage() > 0 || m.promptPerToken() > 0 || m.completionPerToken() > 0)
                .orElse(true);
        if (paid && spending.spentThisMonth() >= settings.monthlyBudget()) {
            throw new LumasyncException(ErrorKind.GIVE_UP, String.format(java.util.Locale.ROOT, "The monthly AI budget "
                    + "of $%.2f is reached; nothing was generated. Raise it with `lumasync ai set --budget`.",
                    settings.monthlyBudget()));
        }
        Optional<EncodedImage> reference = req.reference().isPresent()
                ? Optional.of(referenceCopy(req.reference().get())) : Optional.empty();
        AiEndpoint.Picture picture = retrier.call(() -> ai.generate(model, req.prompt(), ratio,
                reference.map(EncodedImage::bytes), reference.map(EncodedImage::mimeType).orElse("")));
        double cost = picture.usage().costUsd().orElseGet(() -> listed.map(m -> m.perImage()
                + picture.usage().promptTokens() * m.promptPerToken()
                + picture.usage().completionTokens() * m.completionPerToken()).orElse(0.0));
        spending.spent(cost);
        ImageFormat format = FormatSniffer.sniff(picture.bytes()).orElseThrow(() -> new LumasyncException(
                ErrorKind.GIVE_UP, "The model " + model + " sent something that is not an image; nothing was kept."));
        int version = store.nextVersion(asset);
        Path file = versionFile(asset, version, format);
        write(file, picture.bytes());
        List<String> destinations = req.destinations().isEmpty()
                ? store.current(asset).map(g -> splitDestinations(g.destinations())).orElse(List.of())
                : req.destinations();
        Generation g = store.add(new Generation(asset, version, req.prompt(), model, ratio,
                reference.isPresent() ? Hashing.sha256(reference.get().bytes()) : "",
                dataDir.relativize(file).toString(), picture.bytes().length, cost, String.join(",", destinations),
                clock.instant(), true));
        return new GenerationResult(g, publishNow ? publish(g, encode, listener) : Optional.empty());
    }

    /**
     * Publishes the asset's current version to {@code destinations} (kept for the versions to come) or, when empty,
     * where it is published already.
     */
    GenerationResult publishTo(String asset, List<String> destinations, EncodeSettings encode, SyncListener listener)
            throws LumasyncException {
        Generation g = store.current(asset).orElseThrow(() -> SyncService.usage("There is no generated image '"
                + asset + "'."));
        if (!destinations.isEmpty()) {
            store.setDestinations(asset, g.version(), String.join(",", destinations));
            g = store.current(asset).orElseThrow();
        }
        if (g.destinations().isBlank()) {
            throw SyncService.usage("Choose where to publish '" + asset + "': it has no destination yet.");
        }
        return new GenerationResult(g, publish(g, encode, listener));
    }

    /** Makes an earlier version current again and republishes it in place. */
    GenerationResult rollback(String asset, int version, EncodeSettings encode, SyncListener listener)
            throws LumasyncException {
        if (!store.makeCurrent(asset, version)) {
            throw SyncService.usage("'" + asset + "' has no version " + version + ". See `lumasync generate history "
                    + asset + "`.");
        }
        Generation g = store.current(asset).orElseThrow();
        return new GenerationResult(g, publish(g, encode, listener));
    }

    List<Generation> history(String asset) throws LumasyncException {
        return store.history(asset);
    }

    List<Generation> assets() throws LumasyncException {
        return store.currentVersions();
    }

    Path fileOf(Generation g) {
        return dataDir.resolve(g.file());
    }

    /**
     * Copies the version to the asset's published file and publishes it: the same file name every time (taken from
     * the first version), so the destination replaces its copy in place.
     */
    private Optional<RunReport> publish(Generation g, EncodeSettings encode, SyncListener listener)
            throws LumasyncException {
        Generation first = store.history(g.asset()).getFirst();
        String ext = extension(first.file());
        Path current = dataDir.resolve("generated").resolve("current").resolve(g.asset() + "." + ext);
        try {
            Files.createDirectories(current.getParent());
            // The published file says how it was made (prompt, model) where the metadata policy keeps XMP.
            Files.write(current, MadeWithXmp.stamp(Files.readAllBytes(fileOf(g)), g.prompt(), g.model()));
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "Cannot write the generated image to " + current + ": "
                    + e.getMessage(), e);
        }
        List<String> destinations = splitDestinations(g.destinations());
        if (destinations.isEmpty()) {
            return Optional.empty();
        }
        Map<Path, AssetMetadata> files = new LinkedHashMap<>();
        files.put(current, new AssetMetadata("", g.asset().replace('-', ' '), "", "Generated with " + g.model()
                + ": " + g.prompt()));
        return Optional.of(runs.publishAs(SOURCE, files, destinations, encode, listener));
    }

    private EncodedImage referenceCopy(Path file) throws LumasyncException {
        EncodeSettings small = new EncodeSettings(OutputFormat.JPEG, new Quality.Fixed(85), 1024,
                MetadataPolicy.STRIP_ALL, false, false);
        return pipeline.encode(file, file.getFileName().toString(), small, Set.of(ImageFormat.JPEG));
    }

    private Path versionFile(String asset, int version, ImageFormat format) {
        return dataDir.resolve("generated").resolve("versions").resolve(asset)
                .resolve("v" + version + "." + format.extension());
    }

    private static void write(Path file, byte[] bytes) throws LumasyncException {
        try {
            Files.createDirectories(file.getParent());
            DurableFiles.writeForced(file, bytes);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "Cannot keep the generated image in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static String extension(String file) {
        return file.substring(file.lastIndexOf('.') + 1);
    }

    private static List<String> splitDestinations(String csv) {
        return csv.isBlank() ? List.of() : List.of(csv.split(","));
    }
}
