package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.MetadataPolicy;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.core.Retrier;
import io.lumasync.image.EmbeddedText;
import io.lumasync.image.ImagePipeline;
import io.lumasync.store.AltTexts;
import io.lumasync.sync.ai.AiEndpoint;
import io.lumasync.sync.alt.AltMode;
import io.lumasync.sync.alt.AltPrompt;
import io.lumasync.sync.alt.FileNameAlt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives each planned item its alt text for a destination, by the destination's mode or the run's: text set by hand
 * wins; "basic" cleans the file name; "embedded" reads the caption written into the file; "AI" asks a vision model
 * about a small copy (never the original), answers cached by content, model and language, and stops at the monthly
 * budget. One run's enricher: it counts what a dry run would cost and collects problems for the run's report.
 */
final class AltTextEnricher implements ItemMetadata {
    /** The copy a vision model sees: small enough to be cheap, large enough to describe. */
    static final int AI_COPY_SIZE = 512;
    /** Typical image tokens of a 512-pixel copy plus the prompt, for estimates when the service reports none. */
    static final int ESTIMATED_PROMPT_TOKENS = 900;
    static final int MAX_ANSWER_TOKENS = 120;
    /**
     * Added to the language in the answer cache's key when a caption was asked for too: a different prompt, so a
     * different answer. Such answers are kept as "alt text, line break, caption" (both are single lines).
     */
    static final String WITH_CAPTION = ";caption";

    private final String source;
    private final AiSettings settings;
    private final AltTexts store;
    private final ImagePipeline pipeline;
    private final Retrier retrier;
    private final Optional<AltMode> runMode;
    private final java.util.function.Predicate<String> captions;
    private final boolean dryRun;
    private final List<String> problems = new ArrayList<>();
    private final Map<Path, String> hashes = new HashMap<>();
    private final Map<String, Map<String, AltTexts.Published>> published = new HashMap<>();
    private final Set<String> toDescribe = new java.util.LinkedHashSet<>();
    private AiEndpoint endpoint;
    private Optional<AiEndpoint.Model> model;
    private boolean stopped;
    private int described;

    /** @param captions whether a destination (by name) shows captions, so the model writes one too */
    AltTextEnricher(String source, AiSettings settings, AltTexts store, ImagePipeline pipeline, Retrier retrier,
                    Optional<AltMode> runMode, java.util.function.Predicate<String> captions, boolean dryRun) {
        this.source = source;
        this.settings = settings;
        this.store = store;
        this.pipeline = pipeline;
        this.retrier = retrier;
        this.runMode = runMode;
        this.captions = captions;
        this.dryRun = dryRun;
    }

    /** What was recorded for this source at a destination, read once per run. */
    private Map<String, AltTexts.Published> publishedAt(String destination) throws LumasyncException {
        Map<String, AltTexts.Published> known = published.get(destination);
        if (known == null) {
            known = new HashMap<>();
            for (AltTexts.Published p : store.publishedAt(Optional.of(destination))) {
                if (p.source().equals(source)) {
                    known.put(p.assetId(), p);
                }
            }
            published.put(destination, known);
        }
        return known;
    }

    @Override
    public AssetMetadata forItem(String destination, Candidate item, AssetMetadata given) {
        try {
            Resolved r = resolve(destination, item, given);
            if (!dryRun && !r.origin().equals("off")) {
                AltTexts.Published now = new AltTexts.Published(source, item.item().id(), destination,
                        r.metadata().altText(), r.origin(), Hashing.metadataHash(r.metadata()));
                // Written only when it changed: a sync of a large unchanged folder makes no writes.
                if (!now.equals(publishedAt(destination).get(item.item().id()))) {
                    store.published(now);
                }
            }
            return r.metadata();
        } catch (LumasyncException e) {
            problems.add(item.item().name() + ": alt text not made (" + e.getMessage() + ")");
            return given;
        }
    }

    private record Resolved(AssetMetadata metadata, String origin) {
    }

    private Resolved resolve(String destination, Candidate item, AssetMetadata given) throws LumasyncException {
        if (!given.altText().isEmpty()) {
            return new Resolved(given, "given");
        }
        Optional<String> own = store.override(source, item.item().id());
        if (own.isPresent()) {
            return new Resolved(given.withAltText(own.get()), "manual");
        }
        AltMode mode = runMode.isPresent() ? runMode.get() : settings.altMode(destination);
        return switch (mode) {
            case OFF -> new Resolved(given, "off");
            case BASIC -> new Resolved(given.withAltText(FileNameAlt.of(item.item().name())), "basic");
            case EMBEDDED -> embedded(item, given);
            case AI -> ai(destination, item, given);
        };
    }

    private Resolved embedded(Candidate item, AssetMetadata given) {
        EmbeddedText t = item.localPath().map(EmbeddedText::read).orElse(EmbeddedText.NONE);
        String alt = AltPrompt.fromEmbedded(t);
        if (alt.isEmpty()) {
            return sourceOrName(item, given);
        }
        String title = given.title().isEmpty() ? t.headline().isEmpty() ? t.title() : t.headline() : given.title();
        String caption = given.caption().isEmpty() ? t.caption() : given.caption();
        return new Resolved(new AssetMetadata(alt, title, caption, given.description()), "embedded");
    }

    /** The source's own text for the item (a stock description, a frame name), else its cleaned file name. */
    private static Resolved sourceOrName(Candidate item, AssetMetadata given) {
        String own = AltPrompt.clean(item.described().altText());
        if (!own.isEmpty()) {
            return new Resolved(given.withAltText(own), "embedded");
        }
        return new Resolved(given.withAltText(FileNameAlt.of(item.item().name())), "basic");
    }

    private Resolved ai(String destination, Candidate item, AssetMetadata given) throws LumasyncException {
        if (item.localPath().isEmpty()) {
            // A remote item is read only when it is published; until then its source's text and name are known.
            return sourceOrName(item, given);
        }
        Path file = item.localPath().get();
        String hash = contentHash(file);
        String modelId = settings.altModel();
        String language = settings.language(destination);
        boolean withCaption = given.caption().isEmpty() && captions.test(destination);
        String key = withCaption ? language + WITH_CAPTION : language;
        Optional<AltTexts.Cached> cached = store.cached(hash, modelId, key);
        if (cached.isPresent()) {
            String[] kept = cached.get().altText().split("\n", 2);
            return described(given, new AltPrompt.Answer(kept[0], kept.length > 1 ? kept[1] : ""));
        }
        if (dryRun) {
            toDescribe.add(hash + "\u0000" + key);
            return new Resolved(given, "ai");
        }
        if (stopped || store.spentThisMonth() >= settings.monthlyBudget() && !isFree()) {
            if (!stopped) {
                problems.add(String.format(java.util.Locale.ROOT, "The monthly AI budget of $%.2f is reached: no more "
                        + "alt text is generated this month (raise it with `lumasync ai set --budget`).",
                        settings.monthlyBudget()));
            }
            stopped = true;
            return embedded(item, given);
        }
        EncodedImage copy = smallCopy(file, item.item().name());
        AiEndpoint ai = endpoint();
        String prompt = withCaption ? AltPrompt.withCaption(language) : AltPrompt.forLanguage(language);
        int tokens = withCaption ? 2 * MAX_ANSWER_TOKENS : MAX_ANSWER_TOKENS;
        AiEndpoint.Answer answer = retrier.call(() -> ai.describe(modelId, prompt, copy.bytes(), copy.mimeType(),
                tokens));
        double cost = answer.usage().costUsd().orElseGet(() -> priceOf(answer.usage()));
        AltPrompt.Answer said = AltPrompt.parse(answer.text(), withCaption);
        if (said.altText().isEmpty()) {
            store.spent(cost);
            throw new LumasyncException(io.lumasync.core.ErrorKind.GIVE_UP, "the model gave no usable description");
        }
        store.remember(hash, modelId, key, withCaption ? said.altText() + "\n" + said.caption() : said.altText(),
                cost);
        described++;
        return described(given, said);
    }

    /** The model's alt text, and its caption where the run has none of its own. */
    private static Resolved described(AssetMetadata given, AltPrompt.Answer said) {
        String caption = given.caption().isEmpty() ? said.caption() : given.caption();
        return new Resolved(new AssetMetadata(said.altText(), given.title(), caption, given.description()), "ai");
    }

    private EncodedImage smallCopy(Path file, String name) throws LumasyncException {
        EncodeSettings small = new EncodeSettings(OutputFormat.JPEG, new Quality.Fixed(70), AI_COPY_SIZE,
                MetadataPolicy.STRIP_ALL, false, false);
        return pipeline.encode(file, name, small, Set.of(ImageFormat.JPEG));
    }

    private String contentHash(Path file) throws LumasyncException {
        String known = hashes.get(file);
        if (known != null) {
            return known;
        }
        try {
            String h = Hashing.sha256(file);
            hashes.put(file, h);
            return h;
        } catch (IOException e) {
            throw new LumasyncException(io.lumasync.core.ErrorKind.GIVE_UP, "the file cannot be read ("
                    + e.getMessage() + ")");
        }
    }

    private AiEndpoint endpoint() throws LumasyncException {
        if (endpoint == null) {
            endpoint = settings.open();
        }
        return endpoint;
    }

    /** The model as the service lists it, with its prices; empty when unlisted or the list cannot be read. */
    private Optional<AiEndpoint.Model> model() {
        if (model == null) {
            model = Optional.empty();
            try {
                String id = settings.altModel();
                model = endpoint().models().stream().filter(m -> m.id().equals(id)).findFirst();
            } catch (LumasyncException e) {
                problems.add("The AI model list could not be read, so costs are not known (" + e.getMessage() + ")");
            }
        }
        return model;
    }

    /**
     * A model the service lists without any price costs nothing (a local server: Ollama and LM Studio list no
     * prices); one it does not list is taken to cost money, so the budget still applies.
     */
    private boolean isFree() {
        return model().map(m -> m.promptPerToken() == 0 && m.completionPerToken() == 0 && m.perImage() == 0
                && m.perRequest() == 0).orElse(false);
    }

    private double priceOf(AiEndpoint.Usage u) {
        return model().map(m -> u.promptTokens() * m.promptPerToken() + u.completionTokens() * m.completionPerToken()
                + m.perImage() + m.perRequest()).orElse(0.0);
    }

    /** What a dry run found: images a model would describe, and about what that costs. */
    Optional<String> estimate() {
        if (toDescribe.isEmpty()) {
            return Optional.empty();
        }
        int n = toDescribe.size();
        String modelId;
        try {
            modelId = settings.altModel();
        } catch (LumasyncException e) {
            modelId = "?";
        }
        if (isFree()) {
            return Optional.of("AI alt text: " + n + " image(s) to describe with " + modelId + ", which is "
                    + "free.");
        }
        Optional<AiEndpoint.Model> m = model();
        if (m.isEmpty()) {
            return Optional.of("AI alt text: " + n + " image(s) to describe with " + modelId + "; the price is not "
                    + "known.");
        }
        double each = ESTIMATED_PROMPT_TOKENS * m.get().promptPerToken()
                + MAX_ANSWER_TOKENS / 2.0 * m.get().completionPerToken() + m.get().perImage() + m.get().perRequest();
        return Optional.of(String.format(java.util.Locale.ROOT, "AI alt text: %d image(s) to describe with %s, about "
                + "$%.4f in all (at most about $%.4f each).", n, modelId, each * n, each * 1.5));
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    int described() {
        return described;
    }
}
