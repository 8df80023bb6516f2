package io.lumasync.ui;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.core.Secrets;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.destination.Upload;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.source.SourceTypes;
import io.lumasync.source.folder.FolderSource;
import io.lumasync.store.ActivityEvent;
import io.lumasync.store.JobAction;
import io.lumasync.store.JobState;
import io.lumasync.sync.AssetStatus;
import io.lumasync.sync.BatchProgress;
import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.ItemProgress;
import io.lumasync.sync.PlanCounts;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.SyncListener;
import io.lumasync.ui.common.engine.AppServices;
import io.lumasync.ui.common.engine.AutosyncControl;
import io.lumasync.ui.common.engine.OptimizeService;
import io.lumasync.ui.common.engine.UiSettings;
import io.lumasync.ui.autosync.IntervalAutosync;
import io.lumasync.ui.optimize.OptimizeWorkflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small, real engine for UI tests and screenshots: adapters come from the real registries (folder source and
 * destination write real files), the sync map and the activity log are kept in memory, images pass through.
 */
public final class FakeAppServices implements AppServices {
    private final Path dataDir;
    private final InMemorySecretVault vault = new InMemorySecretVault();
    private final Map<String, DestinationInfo> destinations = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, SourceInfo> sources = Collections.synchronizedMap(new LinkedHashMap<>());
    /** key: source|itemId|destination → what was sent. */
    private final Map<String, Synced> syncMap = new ConcurrentHashMap<>();
    /** key: destination|fileName → ref, so the same file name through the same destination updates in place. */
    private final Map<String, RemoteRef> pushed = new ConcurrentHashMap<>();
    private final List<ActivityEvent> activity = Collections.synchronizedList(new ArrayList<>());
    private final IntervalAutosync autosync = new IntervalAutosync(new IntervalAutosync.Engine() {
        @Override
        public List<SourceInfo> sources() {
            return FakeAppServices.this.sources();
        }

        @Override
        public RunReport run(List<String> names) {
            return syncSources(names, false, false, SyncListener.NONE);
        }

        @Override
        public void save(SourceInfo source) {
            sources.put(source.name(), source);
        }
    }, Clock.systemUTC());
    private final OptimizeService optimizer;
    private volatile UiSettings settings;
    private final Set<String> broken = ConcurrentHashMap.newKeySet();
    private final Map<String, String> uiState = new ConcurrentHashMap<>();
    private volatile boolean cancelled;

    private record Synced(Fingerprint fingerprint, RemoteRef ref) {
    }

    public FakeAppServices(Path dataDir) {
        this.dataDir = dataDir;
        this.settings = new UiSettings(EncodeSettings.defaults(), "system", "filename", true, false, dataDir);
        this.optimizer = new OptimizeWorkflow(name -> open(destinations.get(name)), new JpegTestPipeline(),
                dataDir.resolve("backups"));
    }

    /** Makes a destination fail every upload with a plain message (error paths). */
    public void breakDestination(String name) {
        broken.add(name);
    }

    @Override
    public List<DestinationInfo> destinations() {
        synchronized (destinations) {
            return List.copyOf(destinations.values());
        }
    }

    @Override
    public void addDestination(String name, String typeId, Map<String, String> s, Map<String, String> secrets)
            throws LumasyncException {
        if (DestinationTypes.byId(typeId).isEmpty()) {
            throw LumasyncException.giveUp("Unknown destination type " + typeId + ".");
        }
        secrets.forEach((k, v) -> vault.put("destination/" + name + "/" + k, v));
        destinations.put(name, new DestinationInfo(name, typeId, s, Optional.empty(), Optional.empty(), 0));
    }

    @Override
    public void removeDestination(String name) {
        destinations.remove(name);
        vault.deletePrefix("destination/" + name + "/");
    }

    @Override
    public Capabilities testDestination(String name) throws LumasyncException {
        DestinationInfo d = destinations.get(name);
        try (Destination dest = open(d)) {
            Capabilities c = dest.capabilities();
            destinations.put(name, new DestinationInfo(name, d.typeId(), d.settings(), Optional.of(Instant.now()),
                    Optional.empty(), 0));
            return c;
        } catch (LumasyncException e) {
            destinations.put(name, new DestinationInfo(name, d.typeId(), d.settings(), d.lastOkAt(),
                    Optional.of(e.getMessage()), 0));
            throw e;
        }
    }

    public String secret(String key) {
        return vault.get(key).orElse("");
    }

    Destination open(DestinationInfo d) throws LumasyncException {
        if (d == null) {
            throw LumasyncException.giveUp("That destination no longer exists.");
        }
        return DestinationTypes.byId(d.typeId()).orElseThrow().create(context(d.name(), d.typeId(), d.settings(),
                "destination/"));
    }

    private AdapterContext context(String name, String typeId, Map<String, String> s, String prefix) {
        Secrets secrets = new Secrets() {
            @Override
            public Optional<String> get(String key) {
                return vault.get(prefix + name + "/" + key);
            }

            @Override
            public void put(String key, String value) {
                vault.put(prefix + name + "/" + key, value);
            }

            @Override
            public void delete(String key) {
                vault.delete(prefix + name + "/" + key);
            }
        };
        return new AdapterContext(new AdapterConfig(name, typeId, s), secrets, null, dataDir.resolve(name));
    }

    @Override
    public List<SourceInfo> sources() {
        synchronized (sources) {
            return List.copyOf(sources.values());
        }
    }

    @Override
    public void addSource(SourceInfo info, Map<String, String> secrets) {
        secrets.forEach((k, v) -> vault.put("source/" + info.name() + "/" + k, v));
        sources.put(info.name(), info);
    }

    @Override
    public void removeSource(String name) {
        sources.remove(name);
    }

    private Source openSource(SourceInfo s) throws LumasyncException {
        return SourceTypes.byId(s.typeId()).orElseThrow().create(context(s.name(), s.typeId(), s.settings(), "source/"));
    }

    @Override
    public List<BrowseItem> browse(String sourceName) throws LumasyncException {
        SourceInfo s = sources.get(sourceName);
        if (s == null) {
            throw LumasyncException.giveUp("The source \"" + sourceName + "\" no longer exists.");
        }
        try (Source src = openSource(s)) {
            List<BrowseItem> out = new ArrayList<>();
            for (SourceItem item : src.list(Optional.empty()).items()) {
                Map<String, AssetStatus> status = new HashMap<>();
                for (String d : s.destinations()) {
                    Synced done = syncMap.get(sourceName + "|" + item.id() + "|" + d);
                    status.put(d, done == null ? AssetStatus.NEW
                            : done.ref() == null ? AssetStatus.FAILED
                            : done.fingerprint().sameContentAs(item.fingerprint()) ? AssetStatus.SYNCED
                            : AssetStatus.CHANGED);
                }
                out.add(new BrowseItem(sourceName, item, status, localFile(s, item)));
            }
            return out;
        }
    }

    private static Optional<Path> localFile(SourceInfo s, SourceItem item) {
        if (!"folder".equals(s.typeId())) {
            return Optional.empty();
        }
        return Optional.of(new FolderSource(Path.of(s.settings().get("path"))).path(item));
    }

    @Override
    public RunReport push(List<Path> files, List<String> dests, EncodeSettings es, AssetMetadata metadata,
                          boolean dryRun, SyncListener listener) {
        List<ItemProgress> results = new ArrayList<>();
        int total = files.size() * dests.size();
        for (Path f : files) {
            for (String d : dests) {
                String key = d + "|" + f.getFileName();
                results.add(send("upload", f.getFileName().toString(), f.toString(), d, f, pushed.get(key),
                        ref -> pushed.put(key, ref), metadata, listener));
                listener.onBatch(batch(total, results));
            }
        }
        return report(dests, results);
    }

    @Override
    public RunReport syncSources(List<String> names, boolean dryRun, boolean force, SyncListener listener) {
        List<ItemProgress> all = new ArrayList<>();
        Map<String, PlanCounts> plan = new HashMap<>();
        for (SourceInfo s : sources()) {
            if (!names.isEmpty() && !names.contains(s.name())) {
                continue;
            }
            try {
                List<String> ids = browse(s.name()).stream()
                        .filter(b -> force || b.status().values().stream().anyMatch(v -> v != AssetStatus.SYNCED))
                        .map(b -> b.item().id()).toList();
                RunReport r = syncItems(s.name(), ids, s.destinations(), settings.defaults(), listener);
                all.addAll(r.results());
                plan.putAll(r.plan());
            } catch (LumasyncException e) {
                log("failed", s.name(), "", "", e.getMessage(), "");
            }
        }
        RunReport r = new RunReport(false, plan, all, List.of());
        return r;
    }

    @Override
    public RunReport syncItems(String sourceName, List<String> itemIds, List<String> dests, EncodeSettings es,
                               SyncListener listener) {
        List<ItemProgress> results = new ArrayList<>();
        cancelled = false;
        SourceInfo s = sources.get(sourceName);
        try (Source src = openSource(s)) {
            List<SourceItem> items = src.list(Optional.empty()).items().stream()
                    .filter(i -> itemIds.contains(i.id())).toList();
            int total = items.size() * dests.size();
            listener.onBatch(new BatchProgress(total, 0, 0, 0));
            for (SourceItem item : items) {
                if (cancelled) {
                    break;
                }
                Path tmp = Files.createTempFile("lumasync-stage", ".bin");
                try (InputStream in = src.open(item)) {
                    Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                for (String d : dests) {
                    String key = sourceName + "|" + item.id() + "|" + d;
                    Synced before = syncMap.get(key);
                    ItemProgress p = send(sourceName, item.name(), item.id(), d, tmp,
                            before == null ? null : before.ref(),
                            ref -> syncMap.put(key, new Synced(item.fingerprint(), ref)), AssetMetadata.EMPTY, listener);
                    if (p.state() == JobState.FAILED) {
                        syncMap.put(key, new Synced(item.fingerprint(), null));
                    }
                    results.add(p);
                    listener.onBatch(batch(total, results));
                }
                Files.deleteIfExists(tmp);
            }
        } catch (LumasyncException | IOException e) {
            log("failed", sourceName, "", "", e.getMessage(), "");
        }
        return report(dests, results);
    }

    private ItemProgress send(String source, String name, String id, String dest, Path file, RemoteRef existing,
                              java.util.function.Consumer<RemoteRef> record, AssetMetadata meta, SyncListener l) {
        l.onItem(new ItemProgress(source, id, name, dest, JobAction.CREATE, JobState.ENCODING, 0, 0, "", ""));
        try (Destination d = open(destinations.get(dest))) {
            if (broken.contains(dest)) {
                throw LumasyncException.giveUp(dest + " refused " + name + ": the server said the file is too large.");
            }
            EncodedImage img = new PassThroughPipeline().encode(file, name, settings.defaults(), Set.of());
            l.onItem(new ItemProgress(source, id, name, dest, JobAction.CREATE, JobState.UPLOADING, img.inputBytes(), img.size(), "", ""));
            Upload up = new Upload(img, meta, source + ":" + id + ":" + dest, source, id, "");
            RemoteRef ref = existing == null ? d.put(up) : d.replace(existing, up);
            record.accept(ref);
            ItemProgress done = new ItemProgress(source, id, name, dest, JobAction.CREATE, JobState.DONE, img.inputBytes(), img.size(),
                    existing == null ? "published" : "updated in place", ref.url());
            l.onItem(done);
            log("synced", source, name, dest, done.message(), ref.url());
            return done;
        } catch (LumasyncException e) {
            ItemProgress failed = new ItemProgress(source, id, name, dest, JobAction.CREATE, JobState.FAILED, 0, 0, e.getMessage(), "");
            l.onItem(failed);
            log("failed", source, name, dest, e.getMessage(), "");
            return failed;
        }
    }

    private static BatchProgress batch(int total, List<ItemProgress> results) {
        int failed = (int) results.stream().filter(p -> p.state() == JobState.FAILED).count();
        int skipped = (int) results.stream().filter(p -> p.state() == JobState.SKIPPED).count();
        return new BatchProgress(total, results.size() - failed - skipped, skipped, failed);
    }

    private static RunReport report(List<String> dests, List<ItemProgress> results) {
        Map<String, PlanCounts> plan = new HashMap<>();
        for (String d : dests) {
            plan.put(d, new PlanCounts((int) results.stream().filter(r -> r.destination().equals(d)).count(), 0, 0, 0, 0));
        }
        return new RunReport(false, plan, results, List.of());
    }

    public void log(String kind, String source, String asset, String dest, String message, String url) {
        activity.add(new ActivityEvent(activity.size() + 1, Instant.now(), kind, source, asset, dest, message, url, 0, 0));
    }

    @Override
    public List<ActivityEvent> activity(Optional<Instant> since, boolean failedOnly) {
        synchronized (activity) {
            List<ActivityEvent> out = new ArrayList<>(activity.stream()
                    .filter(e -> !failedOnly || "failed".equals(e.kind())).toList());
            Collections.reverse(out);
            return out;
        }
    }

    @Override
    public void cancelRun() {
        cancelled = true;
    }

    @Override
    public Optional<String> uiState(String key) {
        return Optional.ofNullable(uiState.get(key));
    }

    @Override
    public void saveUiState(String key, String value) {
        uiState.put(key, value);
    }

    @Override
    public UiSettings settings() {
        return settings;
    }

    @Override
    public void saveSettings(UiSettings s) {
        settings = s;
    }

    @Override
    public String vaultBackend() {
        return vault.backendName();
    }

    @Override
    public OptimizeService optimizer() {
        return optimizer;
    }

    @Override
    public AutosyncControl autosync() {
        return autosync;
    }

    @Override
    public void close() {
        autosync.close();
    }

    Path dataDir() {
        return dataDir;
    }
}
