package io.lumasync.sync;

import io.lumasync.auth.PassphraseVault;
import io.lumasync.auth.SecretVault;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.core.RetryPolicy;
import io.lumasync.destination.Capabilities;
import io.lumasync.http.Http;
import io.lumasync.image.ImagePipeline;
import io.lumasync.store.ActivityEvent;
import io.lumasync.store.ActivityLog;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.Database;
import io.lumasync.store.JobJournal;
import io.lumasync.store.RunOwners;
import io.lumasync.store.StoreException;
import io.lumasync.store.SyncMap;
import io.lumasync.store.SyncMapEntry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one service behind every door (desktop app, tray autosync, CLI): configuration, runs and read models.
 * Runs are serialised within a process; several processes share the database safely (SQLite WAL). The work is done
 * by its parts: {@link AdapterConfiguration} (destinations and sources), {@link Accounts} (sign-ins), {@link Runs}
 * (sync and push) and {@link Optimizer}; this class holds them together, so every door calls one object.
 */
public final class SyncService implements AutoCloseable {
    /** The pseudo-source of files pushed from the CLI or dropped on the Upload pane. */
    public static final String UPLOAD_SOURCE = "upload";
    public static final String DEFAULT_DESTINATION = "local";

    private final Database db;
    private final ConfigStore config;
    private final SyncMap syncMap;
    private final JobJournal journal;
    private final ActivityLog activity;
    private final SecretVault vault;
    private final ImagePipeline pipeline;
    private final Adapters adapters;
    private final AdapterConfiguration configuration;
    private final Accounts accounts;
    private final Runs runs;
    private final Optimizer optimizer;
    private final Path dataDir;
    private final RunOwners owners;
    private final Staging staging;
    private final Notifications notifications;
    private final HookSender hookSender;
    private final Governance governance;
    private final Approvals approvals;
    private final AiSettings ai;
    private final AltTexting altTexting;
    private final AltReview altReview;
    private final Generator generator;
    private final Suggestions suggestions;

    /** Tuning for tests and the CLI. */
    public record Options(RetryPolicy retry, int encodeWorkers, int uploadsPerDestination, boolean createDefaults,
                          java.time.Duration hookFirstWait) {
        /** The wait before a failed hook delivery is tried again the first time (later waits grow from it). */
        public static final java.time.Duration HOOK_FIRST_WAIT = java.time.Duration.ofSeconds(30);

        public Options(RetryPolicy retry, int encodeWorkers, int uploadsPerDestination, boolean createDefaults) {
            this(retry, encodeWorkers, uploadsPerDestination, createDefaults, HOOK_FIRST_WAIT);
        }

        /** Encoders sized to cores and free memory (AVIF, the hungriest format, sets the bound), 4 uploads per destination. */
        public static Options defaults() {
            return new Options(RetryPolicy.DEFAULT,
                    io.lumasync.image.WorkerSizing.recommendedWorkers(io.lumasync.core.ImageFormat.AVIF), 4, true);
        }

        public Options withHookFirstWait(java.time.Duration wait) {
            return new Options(retry, encodeWorkers, uploadsPerDestination, createDefaults, wait);
        }
    }

    private SyncService(Path dataDir, Database db, RunOwners owners, SecretVault vault, ImagePipeline pipeline,
                        Options options) {
        this.dataDir = dataDir;
        this.db = db;
        this.owners = owners;
        this.config = new ConfigStore(db);
        this.syncMap = new SyncMap(db);
        this.journal = new JobJournal(db, Clock.systemUTC(), owners);
        this.activity = new ActivityLog(db);
        this.vault = vault;
        this.pipeline = pipeline;
        this.adapters = new Adapters(config, vault, Http.newClient(), dataDir, new Retrier(options.retry(), Thread::sleep));
        this.staging = new Staging(dataDir.resolve("staging"), owners);
        this.configuration = new AdapterConfiguration(config, syncMap, vault, adapters);
        this.accounts = new Accounts(configuration, vault, adapters);
        io.lumasync.store.Hooks hooks = new io.lumasync.store.Hooks(db);
        this.notifications = new Notifications(hooks, vault, Clock.systemUTC());
        this.hookSender = new HookSender(hooks, vault, owners, Http.newClient(), Clock.systemUTC(),
                options.hookFirstWait());
        notifications.onQueued(hookSender::wake);
        staging.clean();
        SyncRunner runner = new SyncRunner(db, journal, adapters, pipeline, options.retry(), staging,
                Clock.systemUTC(), options.encodeWorkers(), options.uploadsPerDestination());
        io.lumasync.store.Groups groups = new io.lumasync.store.Groups(db);
        this.governance = new Governance(groups, config, Clock.systemUTC());
        configuration.groupNames(name -> {
            try {
                return governance.groups().stream().anyMatch(g -> g.name().equals(name));
            } catch (LumasyncException e) {
                return false;
            }
        });
        this.runs = new Runs(config, syncMap, journal, adapters, runner, governance, notifications);
        this.approvals = new Approvals(groups, runs, notifications, Clock.systemUTC());
        this.ai = new AiSettings(config, vault, Http.newClient());
        io.lumasync.store.AltTexts altTexts = new io.lumasync.store.AltTexts(db, Clock.systemUTC());
        Retrier aiRetrier = new Retrier(options.retry(), Thread::sleep);
        this.altTexting = new AltTexting(altTexts, ai, syncMap, pipeline, aiRetrier, this::showsCaptions);
        runs.useAltText(altTexting);
        approvals.useAltText(altTexting);
        this.altReview = new AltReview(config, altTexts, approvals);
        governance.useAltReview(altReview);
        this.generator = new Generator(new io.lumasync.store.Generations(db), altTexts, ai, pipeline, aiRetrier, runs,
                dataDir, Clock.systemUTC());
        this.suggestions = new Suggestions(config, runs, altTexting, this, new io.lumasync.store.PublishedPixels(db));
        this.optimizer = new Optimizer(db, adapters, new OptimizeSteps(pipeline, options.retry(),
                dataDir.resolve("staging")), new OptimizeBackups(dataDir.resolve("optimize-backups")), Clock.systemUTC());
    }

    public static SyncService open(Path dataDir, SecretVault vault, ImagePipeline pipeline, Options options)
            throws LumasyncException {
        return open(dataDir, vault, pipeline, options, io.lumasync.platform.AppDirs.defaultOutputDir());
    }

    /**
     * Same, with the folder the first "local" destination publishes to (each workspace gets its own, so two
     * clients' files never land in one folder).
     */
    public static SyncService open(Path dataDir, SecretVault vault, ImagePipeline pipeline, Options options,
                                   Path localFolder) throws LumasyncException {
        Database db = Database.open(dataDir.resolve("lumasync.db"));
        RunOwners owners;
        try {
            owners = RunOwners.claim(dataDir.resolve("owners"));
        } catch (java.io.IOException e) {
            try {
                db.close();
            } catch (StoreException ignored) {
                // the folder's problem is the one to report
            }
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot write in Lumasync's data folder " + dataDir
                    + ": " + e.getMessage(), e);
        }
        SyncService s = new SyncService(dataDir, db, owners, vault, pipeline, options);
        if (options.createDefaults()) {
            s.configuration.createDefaults(localFolder);
        }
        s.hookSender.start();
        return s;
    }

    // ---- destinations

    public List<DestinationInfo> destinations() throws LumasyncException {
        return configuration.destinations();
    }

    /** Adds a destination; {@code values} holds every field, secrets are moved to the vault. */
    public void addDestination(String name, String typeId, Map<String, String> values) throws LumasyncException {
        configuration.addDestination(name, typeId, values);
        notifications.publish("destination.connected", Map.of("destination", name, "type", typeId));
    }

    /**
     * Changes a destination's settings. Secret fields given (non-blank) replace the saved ones; secrets not given
     * are kept, so editing an address does not mean typing the password again. The sync map stays.
     */
    public void updateDestination(String name, Map<String, String> values) throws LumasyncException {
        configuration.updateDestination(name, values);
    }

    public void removeDestination(String name) throws LumasyncException {
        configuration.removeDestination(name);
        governance.forgetDestination(name);
    }

    /** Contacts the destination and reports what it accepts; the outcome becomes its status. */
    public Capabilities testDestination(String name) throws LumasyncException {
        Capabilities c = configuration.testDestination(name);
        notifications.publish("destination.connected", Map.of("destination", name,
                "formats", c.formats().stream().map(Enum::name).sorted().toList()));
        return c;
    }

    // ---- sources

    public List<SourceInfo> sources() throws LumasyncException {
        return configuration.sources();
    }

    public void addSource(SourceInfo info, Map<String, String> values) throws LumasyncException {
        configuration.addSource(info, values);
    }

    /**
     * Changes a source's settings, destinations, encoding and schedule. Secrets not given are kept (a signed-in
     * Dropbox stays signed in); its sync map and change cursor stay, so nothing is uploaded again.
     */
    public void updateSource(SourceInfo info, Map<String, String> values) throws LumasyncException {
        configuration.updateSource(info, values);
    }

    public void removeSource(String name) throws LumasyncException {
        configuration.removeSource(name);
    }

    /**
     * Watches a source that can tell when it changed (local folders); empty when it cannot. The callback runs
     * once changes have settled.
     */
    public Optional<AutoCloseable> watch(String sourceName, java.time.Duration settle, Runnable onChange)
            throws LumasyncException {
        if (adapters.source(sourceName) instanceof io.lumasync.source.Watchable w) {
            try {
                return Optional.of(w.watch(settle, onChange));
            } catch (java.io.IOException e) {
                throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot watch '" + sourceName + "': " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    /**
     * Signs a source in to its provider (OAuth loopback + PKCE): {@code browser} opens the sign-in page. Blocks until
     * the user finishes, cancels or the wait times out. The tokens go to the vault under the source's name.
     */
    public void login(String sourceName, java.util.function.Consumer<java.net.URI> browser) throws LumasyncException {
        accounts.login(sourceName, browser);
    }

    /** Forgets a source's sign-in (its tokens and other secrets); the source itself stays. */
    public void logout(String sourceName) throws LumasyncException {
        accounts.logout(sourceName);
    }

    /** The signed-in accounts (sources that sign in with OAuth), for token-health checks and doctor. */
    public Map<String, io.lumasync.auth.OAuthSession> oauthAccounts() throws LumasyncException {
        return accounts.oauthAccounts();
    }

    /**
     * The connection health of each source signed in with a token (Figma, Shutterstock): its token is in the vault
     * and one cheap call with it answers. Any other source appears only when it cannot start (a sign-in missing from
     * the vault). By source name: empty when connected, else what is wrong in plain words.
     */
    public Map<String, Optional<String>> tokenHealth() throws LumasyncException {
        Map<String, Optional<String>> out = new java.util.LinkedHashMap<>();
        probeTokens().forEach((name, failure) -> out.put(name, failure.map(LumasyncException::getMessage)));
        return out;
    }

    /** As {@link #tokenHealth()}, with each failure as it was classified (a refused token is REAUTH). */
    Map<String, Optional<LumasyncException>> probeTokens() throws LumasyncException {
        Map<String, Optional<LumasyncException>> out = new java.util.LinkedHashMap<>();
        for (io.lumasync.store.SourceRecord s : config.sources()) {
            try {
                if (adapters.source(s.name()) instanceof io.lumasync.source.Probed p) {
                    p.probe();
                    out.put(s.name(), Optional.empty());
                }
            } catch (LumasyncException e) {
                out.put(s.name(), Optional.of(e));
            }
        }
        return out;
    }

    /** Whether a destination shows a caption with each image, as its type declares. */
    private boolean showsCaptions(String destination) {
        try {
            return config.destination(destination).flatMap(d -> io.lumasync.destination.DestinationTypes
                    .byId(d.typeId())).map(io.lumasync.destination.DestinationType::showsCaptions).orElse(false);
        } catch (io.lumasync.store.StoreException e) {
            return false;   // no caption rather than a failed item: the alt text still goes
        }
    }

    /** The browser sign-ins as the vault knows them, without calling any provider. */
    List<Accounts.SignIn> signIns() throws LumasyncException {
        return accounts.signIns();
    }

    /** A source's items with their status at each of its destinations. */
    public List<BrowseItem> browse(String sourceName) throws LumasyncException {
        return runs.browse(sourceName);
    }

    // ---- runs

    /** Publishes files and folders (CLI push, Upload pane). The same file name through the same destination updates in place. */
    public RunReport push(List<Path> paths, List<String> destinations, EncodeSettings settings, AssetMetadata metadata,
                          boolean dryRun, SyncListener listener) throws LumasyncException {
        Map<Path, AssetMetadata> files = new java.util.LinkedHashMap<>();
        paths.forEach(p -> files.put(p, metadata));
        return push(files, destinations, settings, dryRun, listener);
    }

    /** Publishes files in one run, each with its own metadata (a drop on the Upload pane). */
    public RunReport push(Map<Path, AssetMetadata> files, List<String> destinations, EncodeSettings settings,
                          boolean dryRun, SyncListener listener) throws LumasyncException {
        checkDestinations(destinations);
        return runs.push(files, destinations, settings, dryRun, listener);
    }

    /**
     * Publishes files with every destination's alt-text mode replaced by {@code altMode} for this run (CLI
     * {@code push --alt MODE}); items keep texts set by hand.
     */
    public RunReport push(List<Path> paths, List<String> destinations, EncodeSettings settings,
                          Optional<io.lumasync.sync.alt.AltMode> altMode, boolean dryRun, SyncListener listener)
            throws LumasyncException {
        checkDestinations(destinations);
        return runs.push(files(paths), destinations, settings, altMode, dryRun, listener);
    }

    /** What AI alt text for these files would cost before the run (empty when no model call is due). */
    public Optional<String> estimateAltText(List<Path> paths, List<String> destinations, EncodeSettings settings,
                                            Optional<io.lumasync.sync.alt.AltMode> altMode) throws LumasyncException {
        checkDestinations(destinations);
        return runs.estimateAltText(files(paths), destinations, settings, altMode);
    }

    private static Map<Path, AssetMetadata> files(List<Path> paths) {
        Map<Path, AssetMetadata> files = new java.util.LinkedHashMap<>();
        paths.forEach(p -> files.put(p, AssetMetadata.EMPTY));
        return files;
    }

    // ---- alt text and AI

    /** The AI service, models, budget and per-destination alt-text settings. */
    public AiSettings ai() {
        return ai;
    }

    /** The AI section of the app's settings, with this month's spending. */
    public AiSetup aiSetup() throws LumasyncException {
        return ai.setup(altTexting.spentThisMonth());
    }

    /** Saves the AI section of the app's settings (the key is saved apart, with {@link AiSettings#setApiKey}). */
    public void saveAiSetup(AiSetup setup) throws LumasyncException {
        ai.save(setup);
    }

    /** A destination's alt-text mode and review switch. */
    public AltTextSetup altTextSetup(String destination) throws LumasyncException {
        return new AltTextSetup(ai.altMode(destination), altReview.enabled(destination));
    }

    public void saveAltTextSetup(String destination, AltTextSetup setup) throws LumasyncException {
        checkDestinations(List.of(destination));
        ai.setAltMode(destination, setup.mode());
        altReview.setEnabled(destination, setup.review());
    }

    /** New images held until their alt text is approved, and the per-destination switch. */
    public AltReview altReview() {
        return altReview;
    }

    /** Published images with their alt text; {@code missingOnly} keeps those without. */
    public List<AltTextEntry> altTexts(Optional<String> destination, boolean missingOnly) throws LumasyncException {
        if (destination.isPresent()) {
            checkDestinations(List.of(destination.get()));
        }
        return altTexting.list(destination, missingOnly);
    }

    /** What AI calls cost this calendar month (UTC), in US dollars. */
    public double aiSpentThisMonth() throws LumasyncException {
        return altTexting.spentThisMonth();
    }

    /** Sets an item's own alt text ("" clears it); the next push or sync updates it in place. */
    public void setAltText(String source, String assetId, String altText) throws LumasyncException {
        altTexting.set(source, assetId, altText);
    }

    /** The item's own alt text set by hand, if any; it wins over every destination's mode. */
    public Optional<String> ownAltText(String source, String assetId) throws LumasyncException {
        return altTexting.own(source, assetId);
    }

    // ---- suggestions

    /** What is worth doing now (missing alt text, changed sources, large files, failures, duplicates). */
    public List<Suggestion> suggestions() throws LumasyncException {
        return suggestions.find();
    }

    /** Hides a suggestion until its finding changes. */
    public void dismissSuggestion(String id) throws LumasyncException {
        suggestions.dismiss(id);
    }

    /** Carries out a suggestion that {@link Suggestion#canAct() can be} done by the engine. */
    public RunReport actOnSuggestion(String id, SyncListener listener) throws LumasyncException {
        return suggestions.act(id, listener);
    }

    // ---- AI-generated images

    /**
     * Generates an image with an AI image model and publishes it (when it has destinations). The same name again
     * makes a new version, which replaces the published copy in place.
     */
    public GenerationResult generate(GenerateRequest request, SyncListener listener) throws LumasyncException {
        if (!request.destinations().isEmpty()) {
            checkDestinations(request.destinations());
        }
        return generator.generate(request, defaultEncode(), listener);
    }

    /** Generates a new version like {@link #generate} but keeps it unpublished, for a preview. */
    public GenerationResult generateUnpublished(GenerateRequest request) throws LumasyncException {
        if (!request.destinations().isEmpty()) {
            checkDestinations(request.destinations());
        }
        return generator.generate(request, defaultEncode(), SyncListener.NONE, false);
    }

    /** Publishes a generated image's current version to the destinations (empty: where it is published already). */
    public GenerationResult publishGeneration(String asset, List<String> destinations, SyncListener listener)
            throws LumasyncException {
        if (!destinations.isEmpty()) {
            checkDestinations(destinations);
        }
        return generator.publishTo(asset, destinations, defaultEncode(), listener);
    }

    /** Publishes an earlier version of a generated image again, in place of the current one. */
    public GenerationResult rollbackGeneration(String asset, int version, SyncListener listener)
            throws LumasyncException {
        return generator.rollback(asset, version, defaultEncode(), listener);
    }

    /** A generated image's versions, oldest first. */
    public List<io.lumasync.store.Generations.Generation> generationHistory(String asset) throws LumasyncException {
        return generator.history(asset);
    }

    /** Every generated image, at its current version. */
    public List<io.lumasync.store.Generations.Generation> generatedImages() throws LumasyncException {
        return generator.assets();
    }

    /** The file of one version, for previews. */
    public Path generatedFile(io.lumasync.store.Generations.Generation g) {
        return generator.fileOf(g);
    }

    /** Runs configured sources once (all when {@code names} is empty). */
    public RunReport syncSources(List<String> names, boolean dryRun, boolean force, SyncListener listener)
            throws LumasyncException {
        return runs.syncSources(names, dryRun, force, listener);
    }

    /**
     * Runs configured sources for the autosync scheduler (tray, daemon): as {@link #syncSources}, leaving out the
     * destinations of groups whose autosync is off, and announcing the run ({@code autosync.ran}).
     */
    public RunReport autosyncSources(List<String> names, SyncListener listener) throws LumasyncException {
        RunReport r = runs.syncSources(names, false, false, listener, true);
        notifications.publish("autosync.ran", Events.runSummary(r, names));
        return r;
    }

    /** Publishes selected items of a source (Browse "Sync selected"). */
    public RunReport syncItems(String source, List<String> itemIds, List<String> destinations, EncodeSettings settings,
                               SyncListener listener) throws LumasyncException {
        checkDestinations(destinations);
        return runs.syncItems(source, itemIds, destinations, settings, listener);
    }

    /** Finishes the jobs of a run that was interrupted (crash, kill, power loss). Runs start with this anyway. */
    public RunReport resumeInterrupted(SyncListener listener) throws LumasyncException {
        RunReport synced = runs.resume(listener);
        RunReport optimized = optimizer.resume(listener).toRunReport();
        List<ItemProgress> all = new java.util.ArrayList<>(synced.results());
        all.addAll(optimized.results());
        List<String> problems = new java.util.ArrayList<>(synced.problems());
        problems.addAll(optimized.problems());
        return new RunReport(false, synced.plan(), all, problems);
    }

    /** Asks the current run to stop after the items in progress. */
    public void cancel() {
        runs.cancel();
        optimizer.cancel();
    }

    // ---- optimize: recompress what is already at a destination

    /** One page (from 1) of a destination's images. */
    public List<io.lumasync.destination.RemoteAsset> media(String destination, int page, int perPage)
            throws LumasyncException {
        checkDestinations(List.of(destination));
        return optimizer.list(destination, page, perPage);
    }

    /** Recompresses one image without changing anything. */
    public Optimizer.Preview previewOptimize(String destination, io.lumasync.destination.RemoteAsset asset,
                                             EncodeSettings settings) throws LumasyncException {
        checkDestinations(List.of(destination));
        return optimizer.preview(destination, asset, settings);
    }

    /** Optimizes the images a request selects (CLI). */
    public OptimizeReport optimize(OptimizeRequest request, SyncListener listener) throws LumasyncException {
        checkDestinations(List.of(request.destination()));
        return optimizer.optimize(request, listener);
    }

    /** Optimizes listed images (the Optimize pane's selection). */
    public OptimizeReport optimize(String destination, List<io.lumasync.destination.RemoteAsset> assets,
                                   EncodeSettings settings, SyncListener listener) throws LumasyncException {
        checkDestinations(List.of(destination));
        return optimizer.optimize(destination, assets, settings, false, listener);
    }

    /** Puts kept originals back: every one of the destination's, or those of the given asset ids. */
    public OptimizeReport rollbackOptimize(String destination, List<String> assetIds, SyncListener listener)
            throws LumasyncException {
        checkDestinations(List.of(destination));
        return optimizer.rollback(destination, assetIds, listener);
    }

    // ---- groups and approvals

    /** Destination groups and their rules. */
    public Governance governance() {
        return governance;
    }

    /** The approval queue of the groups that want approval. */
    public Approvals approvals() {
        return approvals;
    }

    // ---- notifications

    /** Event hooks, their delivery log, and in-process listeners (desktop notifications). */
    public Notifications notifications() {
        return notifications;
    }

    // ---- read models and settings

    public List<SyncMapEntry> syncMap(Optional<String> destination) throws LumasyncException {
        return syncMap.list(destination);
    }

    /**
     * Republishes one published image under the name its destination's file-name template gives it now and removes
     * the old file; returns the old and the new address (equal when the name already was the template's).
     */
    public Map.Entry<String, String> renameToTemplate(String source, String assetId, String destination)
            throws LumasyncException {
        RenameReport r = renamePublished(source, assetId, destination);
        return Map.entry(r.oldUrl(), r.newUrl());
    }

    /** {@link #renameToTemplate}, with a note when the old file stayed behind. */
    public RenameReport renamePublished(String source, String assetId, String destination) throws LumasyncException {
        return new Renames(config, syncMap, adapters, java.time.Clock.systemUTC()).rename(source, assetId,
                destination);
    }

    /** What {@link #renamePublished} would do: the new name and how the destination gets there, for a confirmation. */
    public RenamePreview previewRename(String source, String assetId, String destination) throws LumasyncException {
        return new Renames(config, syncMap, adapters, java.time.Clock.systemUTC()).preview(source, assetId,
                destination);
    }

    /** The sync map's size and bytes, for the "All workspaces" overview. */
    public SyncMap.Totals mapTotals() throws LumasyncException {
        return syncMap.totals();
    }

    public List<ActivityEvent> activity(Optional<Instant> since, boolean failedOnly, int limit) throws LumasyncException {
        return activity.query(since, failedOnly, limit);
    }

    /**
     * Records the work this engine does from now on as started through {@code door} ("mcp": an AI assistant), so
     * the activity feed can tell it apart. One door per process: each door opens its own engine.
     */
    public void recordOrigin(String door) {
        db.origin(door);
    }

    public Optional<String> setting(String key) throws LumasyncException {
        return config.setting(key);
    }

    public void setSetting(String key, String value) throws LumasyncException {
        config.setSetting(key, value);
    }

    /** The default encode settings (Settings pane), or the built-in defaults. */
    public EncodeSettings defaultEncode() throws LumasyncException {
        return setting("encode.defaults").map(io.lumasync.store.Json::readEncode).orElse(EncodeSettings.defaults());
    }

    public void saveDefaultEncode(EncodeSettings s) throws LumasyncException {
        setSetting("encode.defaults", io.lumasync.store.Json.writeEncode(s));
    }

    public String vaultBackend() {
        return vault.backendName();
    }

    /** False when secrets saved now would be forgotten at exit (see {@link SecretVault#durable()}). */
    public boolean vaultDurable() {
        return vault.durable();
    }

    /** True when a passphrase would let secrets be kept (memory only so far, see {@link PassphraseVault}). */
    public boolean vaultTakesPassphrase() {
        return vault instanceof PassphraseVault p && p.needsPassphrase();
    }

    /** Keeps secrets in the encrypted file under {@code passphrase} from now on. */
    public void useVaultPassphrase(char[] passphrase) throws LumasyncException {
        if (!(vault instanceof PassphraseVault p)) {
            throw usage("Passwords are kept in " + vault.backendName() + ", which takes no passphrase.");
        }
        try {
            p.usePassphrase(passphrase);
        } catch (io.lumasync.auth.VaultException e) {
            throw usage(e.getMessage());
        }
    }

    /** The folder holding the database, caches and backups (the desktop app keeps thumbnails there). */
    public Path dataDir() {
        return dataDir;
    }

    public String engineName() {
        return pipeline.engineName();
    }

    @Override
    public void close() {
        hookSender.close();
        adapters.close();
        staging.cleanOwn();
        try {
            db.close();
        } catch (StoreException ignored) {
            // closing at exit: nothing left to protect
        }
        owners.close();
    }

    // ---- helpers

    private void checkDestinations(List<String> names) throws LumasyncException {
        configuration.checkDestinations(names.isEmpty() ? names : governance.expand(names));
    }

    static LumasyncException usage(String message) {
        return new io.lumasync.core.ConfigurationException(message);
    }
}
