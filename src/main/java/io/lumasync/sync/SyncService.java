package io.lumasync.sync;

import io.lumasync.auth.PassphraseVault;
import io.lumasync.auth.SecretVault;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ConfigField;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.core.RetryPolicy;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.DestinationType;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.http.Http;
import io.lumasync.image.ImagePipeline;
import io.lumasync.platform.AppDirs;
import io.lumasync.source.SourceType;
import io.lumasync.source.SourceTypes;
import io.lumasync.store.ActivityEvent;
import io.lumasync.store.ActivityLog;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.Database;
import io.lumasync.store.DestinationRecord;
import io.lumasync.store.JobJournal;
import io.lumasync.store.RunOwners;
import io.lumasync.store.SourceRecord;
import io.lumasync.store.StoreException;
import io.lumasync.store.SyncMap;
import io.lumasync.store.SyncMapEntry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one service behind every door (desktop app, tray autosync, CLI): configuration, runs and read models.
 * Runs are serialised within a process; several processes share the database safely (SQLite WAL).
 */
public final class SyncService implements AutoCloseable {
    /** The pseudo-source of files pushed from the CLI or dropped on the Upload pane. */
    public static final String UPLOAD_SOURCE = "upload";
    public static final String DEFAULT_DESTINATION = "local";
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,62}");

    private final Database db;
    private final ConfigStore config;
    private final SyncMap syncMap;
    private final JobJournal journal;
    private final ActivityLog activity;
    private final SecretVault vault;
    private final ImagePipeline pipeline;
    private final Adapters adapters;
    private final Runs runs;
    private final Optimizer optimizer;
    private final Path dataDir;
    private final RunOwners owners;
    private final Staging staging;

    /** Tuning for tests and the CLI. */
    public record Options(RetryPolicy retry, int encodeWorkers, int uploadsPerDestination, boolean createDefaults) {
        /** Encoders sized to cores and free memory (AVIF, the hungriest format, sets the bound), 4 uploads per destination. */
        public static Options defaults() {
            return new Options(RetryPolicy.DEFAULT,
                    io.lumasync.image.WorkerSizing.recommendedWorkers(io.lumasync.core.ImageFormat.AVIF), 4, true);
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
        staging.clean();
        SyncRunner runner = new SyncRunner(db, journal, adapters, pipeline, options.retry(), staging,
                Clock.systemUTC(), options.encodeWorkers(), options.uploadsPerDestination());
        this.runs = new Runs(config, syncMap, journal, adapters, runner);
        this.optimizer = new Optimizer(db, adapters, new OptimizeSteps(pipeline, options.retry(),
                dataDir.resolve("staging")), new OptimizeBackups(dataDir.resolve("optimize-backups")), Clock.systemUTC());
    }

    public static SyncService open(Path dataDir, SecretVault vault, ImagePipeline pipeline, Options options)
            throws LumasyncException {
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
            s.createDefaults();
        }
        return s;
    }

    /** On first start: a "local" folder destination, so Lumasync works without any account. */
    private void createDefaults() throws LumasyncException {
        if (config.setting("defaults.created").isEmpty()) {
            if (config.destinations().isEmpty()) {
                AdapterConfig local = DestinationTypes.localFolder(DEFAULT_DESTINATION, AppDirs.defaultOutputDir());
                config.addDestination(new DestinationRecord(local.name(), local.typeId(), local.settings(),
                        Instant.now(), Optional.empty(), Optional.empty()));
            }
            config.setSetting("defaults.created", "true");
        }
    }

    // ---- destinations

    public List<DestinationInfo> destinations() throws LumasyncException {
        return config.destinations().stream().map(d -> new DestinationInfo(d.name(), d.typeId(), d.settings(),
                d.lastOkAt(), d.lastError(), count(d.name()))).toList();
    }

    private long count(String destination) {
        try {
            return syncMap.count(destination);
        } catch (StoreException e) {
            return 0;
        }
    }

    /** Adds a destination; {@code values} holds every field, secrets are moved to the vault. */
    public void addDestination(String name, String typeId, Map<String, String> values) throws LumasyncException {
        DestinationType type = DestinationTypes.byId(typeId).orElseThrow(() -> usage("Unknown destination type '"
                + typeId + "'. Known: " + String.join(", ", DestinationTypes.all().stream().map(DestinationType::id).toList())));
        checkName(name);
        try {
            if (config.destination(name).isPresent()) {
                throw usage("A destination called '" + name + "' exists already.");
            }
            SettingsValidation.check(name, typeId, type.fields(), values, type::validate);
            Map<String, String> settings = split(name, type.fields(), values, Adapters.destinationPrefix(name));
            config.addDestination(new DestinationRecord(name, typeId, settings, Instant.now(), Optional.empty(),
                    Optional.empty()));
        } catch (StoreException e) {
            vault.deletePrefix(Adapters.destinationPrefix(name));
            throw e;
        }
    }

    /**
     * Changes a destination's settings. Secret fields given (non-blank) replace the saved ones; secrets not given
     * are kept, so editing an address does not mean typing the password again. The sync map stays.
     */
    public void updateDestination(String name, Map<String, String> values) throws LumasyncException {
        DestinationRecord d = config.destination(name).orElseThrow(() ->
                usage("There is no destination called '" + name + "'."));
        DestinationType type = DestinationTypes.byId(d.typeId()).orElseThrow(() ->
                usage("Unknown destination type '" + d.typeId() + "'."));
        Map<String, String> all = new HashMap<>(d.settings());
        all.putAll(values);
        SettingsValidation.check(name, d.typeId(), type.fields(), all, type::validate);
        config.updateDestinationSettings(name, split(name, type.fields(), all, Adapters.destinationPrefix(name), true));
        adapters.forget(name);
    }

    public void removeDestination(String name) throws LumasyncException {
        for (SourceRecord s : config.sources()) {
            if (s.destinations().contains(name)) {
                throw usage("The source '" + s.name() + "' sends to '" + name + "': remove that source first.");
            }
        }
        if (!config.removeDestination(name)) {
            throw usage("There is no destination called '" + name + "'.");
        }
        adapters.forget(name);
        vault.deletePrefix(Adapters.destinationPrefix(name));
    }

    /** Contacts the destination and reports what it accepts; the outcome becomes its status. */
    public Capabilities testDestination(String name) throws LumasyncException {
        Capabilities c;
        try {
            adapters.forget(name);
            io.lumasync.destination.Destination d = adapters.destination(name);
            c = d.capabilities();
            if (d instanceof io.lumasync.destination.ConnectionCheck check) {
                List<String> notes = new java.util.ArrayList<>(c.notes());
                notes.addAll(check.checkConnection());
                c = new Capabilities(c.formats(), c.maxUploadBytes(), c.replace(), c.canList(), c.canUpdateMetadata(), notes);
            }
        } catch (LumasyncException e) {
            try {
                config.destinationStatus(name, Optional.of(e.getMessage()));
            } catch (StoreException ignored) {
                // the test result itself is what the user needs
            }
            throw e;
        }
        config.destinationStatus(name, Optional.empty());
        return c;
    }

    // ---- sources

    public List<SourceInfo> sources() throws LumasyncException {
        return config.sources().stream().map(s -> new SourceInfo(s.name(), s.typeId(), s.settings(),
                s.destinations(), s.encode(), s.watch(), s.interval(), s.propagateDeletes(), s.deleteShare(),
                s.lastRunAt(), s.lastError())).toList();
    }

    public void addSource(SourceInfo info, Map<String, String> values) throws LumasyncException {
        SourceType type = SourceTypes.byId(info.typeId()).orElseThrow(() -> usage("Unknown source type '"
                + info.typeId() + "'. Known: " + String.join(", ", SourceTypes.all().stream().map(SourceType::id).toList())));
        checkName(info.name());
        if (info.name().equals(UPLOAD_SOURCE)) {
            throw usage("'" + UPLOAD_SOURCE + "' is reserved for pushed and dropped files: choose another name.");
        }
        if (info.destinations().isEmpty()) {
            throw usage("A source needs at least one destination (--to).");
        }
        try {
            for (String d : info.destinations()) {
                if (config.destination(d).isEmpty()) {
                    throw usage("There is no destination called '" + d + "'. Add it first.");
                }
            }
            if (config.source(info.name()).isPresent()) {
                throw usage("A source called '" + info.name() + "' exists already.");
            }
            Map<String, String> all = new HashMap<>(info.settings());
            all.putAll(values);
            SettingsValidation.check(info.name(), info.typeId(), type.fields(), all, type::validate);
            Map<String, String> settings = split(info.name(), type.fields(), all, Adapters.sourcePrefix(info.name()));
            config.addSource(new SourceRecord(info.name(), info.typeId(), settings, info.destinations(), info.encode(),
                    info.watch(), info.interval(), info.propagateDeletes(), info.deleteShare(), Optional.empty(),
                    Optional.empty(), Optional.empty()));
        } catch (StoreException e) {
            vault.deletePrefix(Adapters.sourcePrefix(info.name()));
            throw e;
        }
    }

    /**
     * Changes a source's settings, destinations, encoding and schedule. Secrets not given are kept (a signed-in
     * Dropbox stays signed in); its sync map and change cursor stay, so nothing is uploaded again.
     */
    public void updateSource(SourceInfo info, Map<String, String> values) throws LumasyncException {
        SourceRecord old = sourceRecord(info.name());
        SourceType type = SourceTypes.byId(old.typeId()).orElseThrow(() ->
                usage("Unknown source type '" + old.typeId() + "'."));
        for (String d : info.destinations()) {
            if (config.destination(d).isEmpty()) {
                throw usage("There is no destination called '" + d + "'. Add it first.");
            }
        }
        if (info.destinations().isEmpty()) {
            throw usage("A source needs at least one destination.");
        }
        Map<String, String> all = new HashMap<>(old.settings());
        all.putAll(info.settings());
        all.putAll(values);
        SettingsValidation.check(info.name(), old.typeId(), type.fields(), all, type::validate);
        Map<String, String> settings = split(info.name(), type.fields(), all, Adapters.sourcePrefix(info.name()), true);
        config.updateSource(new SourceRecord(info.name(), old.typeId(), settings, info.destinations(), info.encode(),
                info.watch(), info.interval(), info.propagateDeletes(), info.deleteShare(), old.cursor(),
                old.lastRunAt(), old.lastError()));
        adapters.forget(info.name());
    }

    public void removeSource(String name) throws LumasyncException {
        if (!config.removeSource(name)) {
            throw usage("There is no source called '" + name + "'.");
        }
        adapters.forget(name);
        vault.deletePrefix(Adapters.sourcePrefix(name));
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
        SourceRecord rec = sourceRecord(sourceName);
        io.lumasync.auth.OAuthProvider provider = oauthProvider(rec).orElseThrow(() -> usage("'" + sourceName
                + "' is a " + rec.typeId() + " source, which does not sign in with a browser."));
        io.lumasync.auth.OAuthLogin.run(provider, vault, sourceName, browser);
        adapters.forget(sourceName);
    }

    /** Forgets a source's sign-in (its tokens and other secrets); the source itself stays. */
    public void logout(String sourceName) throws LumasyncException {
        sourceRecord(sourceName);
        io.lumasync.auth.OAuthLogin.logout(vault, sourceName);
        adapters.forget(sourceName);
    }

    /** The signed-in accounts (sources that sign in with OAuth), for token-health checks and doctor. */
    public Map<String, io.lumasync.auth.OAuthSession> oauthAccounts() throws LumasyncException {
        Map<String, io.lumasync.auth.OAuthSession> out = new java.util.LinkedHashMap<>();
        for (SourceRecord rec : config.sources()) {
            Optional<io.lumasync.auth.OAuthProvider> p = oauthProvider(rec);
            if (p.isPresent()) {
                java.net.http.HttpClient http = Http.newClient();
                out.put(rec.name(), new io.lumasync.auth.OAuthSession(new io.lumasync.auth.OAuthClient(http, p.get()),
                        new io.lumasync.auth.TokenStore(io.lumasync.auth.VaultSecrets.forSource(vault, rec.name())),
                        http, rec.name()));
            }
        }
        return out;
    }

    private SourceRecord sourceRecord(String name) throws LumasyncException {
        return config.source(name).orElseThrow(() -> usage("There is no source called '" + name
                + "'. Add it first: lumasync sources add TYPE " + name + " --to DEST"));
    }

    private Optional<io.lumasync.auth.OAuthProvider> oauthProvider(SourceRecord rec) throws LumasyncException {
        Optional<SourceType> type = SourceTypes.byId(rec.typeId());
        return type.isEmpty() ? Optional.empty()
                : type.get().oauthProvider(rec.config(), io.lumasync.auth.VaultSecrets.forSource(vault, rec.name()));
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

    /** Runs configured sources once (all when {@code names} is empty). */
    public RunReport syncSources(List<String> names, boolean dryRun, boolean force, SyncListener listener)
            throws LumasyncException {
        return runs.syncSources(names, dryRun, force, listener);
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

    // ---- read models and settings

    public List<SyncMapEntry> syncMap(Optional<String> destination) throws LumasyncException {
        return syncMap.list(destination);
    }

    public List<ActivityEvent> activity(Optional<Instant> since, boolean failedOnly, int limit) throws LumasyncException {
        return activity.query(since, failedOnly, limit);
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
        if (names.isEmpty()) {
            throw usage("Name at least one destination (--to). See `lumasync destinations list`.");
        }
        for (String d : names) {
            if (config.destination(d).isEmpty()) {
                throw usage("There is no destination called '" + d + "'. See `lumasync destinations list`.");
            }
        }
    }

    private static void checkName(String name) throws LumasyncException {
        if (!NAME.matcher(name).matches()) {
            throw usage("'" + name + "' is not a usable name: use letters, digits, spaces, '.', '_' or '-' (up to 63).");
        }
    }

    /** Validates fields, stores SECRET ones in the vault and returns the rest. */
    private Map<String, String> split(String owner, List<ConfigField> fields, Map<String, String> values, String prefix)
            throws LumasyncException {
        return split(owner, fields, values, prefix, false);
    }

    /** With {@code keepSecrets}, a required secret that is not given may come from the vault (an update). */
    private Map<String, String> split(String owner, List<ConfigField> fields, Map<String, String> values, String prefix,
                                      boolean keepSecrets) throws LumasyncException {
        Map<String, String> settings = new HashMap<>();
        for (String key : values.keySet()) {
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                throw usage("'" + owner + "': unknown setting '" + key + "'.");
            }
        }
        for (ConfigField f : fields) {
            String v = values.getOrDefault(f.key(), f.defaultValue());
            if (keepSecrets && f.isSecret() && (v == null || v.isBlank())) {
                if (f.required() && vault.get(prefix + f.key()).isEmpty()) {
                    throw usage("'" + owner + "' needs '" + f.label() + "' (" + f.key() + ").");
                }
                continue;
            }
            if (f.required() && (v == null || v.isBlank())) {
                throw usage("'" + owner + "' needs '" + f.label() + "' (" + f.key() + ").");
            }
            if (v == null || v.isBlank()) {
                continue;
            }
            if (f.isSecret()) {
                vault.put(prefix + f.key(), v);
            } else if (f.kind() == ConfigField.Kind.PATH) {
                settings.put(f.key(), Path.of(v).toAbsolutePath().normalize().toString());
            } else {
                settings.put(f.key(), v);
            }
        }
        return settings;
    }

    static LumasyncException usage(String message) {
        return new io.lumasync.core.ConfigurationException(message);
    }
}
