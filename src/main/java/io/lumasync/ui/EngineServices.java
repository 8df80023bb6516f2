package io.lumasync.ui;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.DestinationType;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.source.SourceType;
import io.lumasync.source.SourceTypes;
import io.lumasync.store.ActivityEvent;
import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.SyncListener;
import io.lumasync.sync.SyncService;
import io.lumasync.ui.autosync.IntervalAutosync;
import io.lumasync.ui.common.engine.AppServices;
import io.lumasync.ui.common.engine.AutosyncControl;
import io.lumasync.ui.common.engine.OptimizeService;
import io.lumasync.ui.common.engine.UiSettings;
import io.lumasync.ui.optimize.OptimizeWorkflow;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link AppServices} on the real engine. */
public final class EngineServices implements AppServices {
    private static final int ACTIVITY_LIMIT = 5000;
    private final SyncService sync;
    private final OptimizeService optimizer;
    private final AutosyncControl autosync;

    /** The engine with the timer-based autosync of the desktop app. */
    public static EngineServices withIntervalAutosync(SyncService sync) {
        EngineServices[] self = new EngineServices[1];
        IntervalAutosync autosync = new IntervalAutosync(new IntervalAutosync.Engine() {
            @Override
            public List<SourceInfo> sources() throws LumasyncException {
                return sync.sources();
            }

            @Override
            public RunReport run(List<String> sourceNames) throws LumasyncException {
                return sync.syncSources(sourceNames, false, false, SyncListener.NONE);
            }

            @Override
            public void save(SourceInfo source) throws LumasyncException {
                sync.updateSource(source, Map.of());
            }

            @Override
            public Optional<AutoCloseable> watch(String sourceName, Runnable onChange) throws LumasyncException {
                return sync.watch(sourceName, io.lumasync.sync.Autosync.SETTLE, onChange);
            }
        }, Clock.systemUTC());
        self[0] = new EngineServices(sync, autosync);
        return self[0];
    }

    public EngineServices(SyncService sync, AutosyncControl autosync) {
        this.sync = sync;
        this.autosync = autosync;
        this.optimizer = new OptimizeWorkflow(sync::openDestination, sync.pipeline(),
                sync.dataDir().resolve("optimize-backups"));
    }

    @Override
    public List<DestinationInfo> destinations() throws LumasyncException {
        return sync.destinations();
    }

    @Override
    public void addDestination(String name, String typeId, Map<String, String> settings, Map<String, String> secrets)
            throws LumasyncException {
        Map<String, String> values = new HashMap<>(settings);
        values.putAll(secrets);
        if (sync.destinations().stream().anyMatch(d -> d.name().equals(name))) {
            // An edit: secrets left empty keep the saved ones; the sync map stays.
            sync.updateDestination(name, values);
            return;
        }
        sync.addDestination(name, typeId, values);
    }

    @Override
    public void removeDestination(String name) throws LumasyncException {
        sync.removeDestination(name);
    }

    @Override
    public Capabilities testDestination(String name) throws LumasyncException {
        return sync.testDestination(name);
    }

    @Override
    public List<SourceInfo> sources() throws LumasyncException {
        return sync.sources();
    }

    @Override
    public void addSource(SourceInfo info, Map<String, String> secrets) throws LumasyncException {
        if (sync.sources().stream().anyMatch(s -> s.name().equals(info.name()))) {
            // An edit: secrets (and sign-ins) left empty are kept; the sync map and cursor stay.
            sync.updateSource(info, secrets);
            return;
        }
        sync.addSource(info, secrets);
    }

    /**
     * Saving changes re-creates the record, which clears its keychain entries; so every secret must be typed
     * again. Checked before anything is removed.
     */
    public static void requireSecrets(List<ConfigField> fields, Map<String, String> secrets) throws ConfigurationException {
        List<String> missing = fields.stream().filter(f -> f.isSecret() && !secrets.containsKey(f.key()))
                .map(ConfigField::label).toList();
        if (!missing.isEmpty()) {
            throw new ConfigurationException("To save changes, type " + String.join(", ", missing)
                    + " again: Lumasync stores it anew in the keychain.");
        }
    }

    @Override
    public void removeSource(String name) throws LumasyncException {
        sync.removeSource(name);
    }

    @Override
    public List<BrowseItem> browse(String sourceName) throws LumasyncException {
        return sync.browse(sourceName);
    }

    @Override
    public RunReport push(List<Path> files, List<String> destinations, EncodeSettings settings, AssetMetadata metadata,
                          boolean dryRun, SyncListener listener) throws LumasyncException {
        return sync.push(files, destinations, settings, metadata, dryRun, listener);
    }

    @Override
    public RunReport syncSources(List<String> sourceNames, boolean dryRun, boolean force, SyncListener listener)
            throws LumasyncException {
        return sync.syncSources(sourceNames, dryRun, force, listener);
    }

    @Override
    public RunReport syncItems(String sourceName, List<String> itemIds, List<String> destinations,
                               EncodeSettings settings, SyncListener listener) throws LumasyncException {
        return sync.syncItems(sourceName, itemIds, destinations, settings, listener);
    }

    @Override
    public void cancelRun() {
        sync.cancel();
    }

    @Override
    public List<ActivityEvent> activity(Optional<Instant> since, boolean failedOnly) throws LumasyncException {
        return sync.activity(since, failedOnly, ACTIVITY_LIMIT);
    }

    @Override
    public UiSettings settings() throws LumasyncException {
        return new UiSettings(sync.defaultEncode(), sync.setting("ui.theme").orElse("system"),
                sync.setting("ui.altText").orElse("filename"),
                Boolean.parseBoolean(sync.setting("ui.keepInTray").orElse("true")),
                Boolean.parseBoolean(sync.setting("ui.startAtLogin").orElse("false")), sync.dataDir());
    }

    @Override
    public void saveSettings(UiSettings s) throws LumasyncException {
        sync.saveDefaultEncode(s.defaults());
        sync.setSetting("ui.theme", s.theme());
        sync.setSetting("ui.altText", s.altTextMode());
        sync.setSetting("ui.keepInTray", Boolean.toString(s.keepInTray()));
        sync.setSetting("ui.startAtLogin", Boolean.toString(s.startAtLogin()));
    }

    @Override
    public Optional<String> uiState(String key) throws LumasyncException {
        return sync.setting("ui." + key);
    }

    @Override
    public void saveUiState(String key, String value) throws LumasyncException {
        sync.setSetting("ui." + key, value);
    }

    @Override
    public String vaultBackend() {
        return sync.vaultBackend();
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
        if (autosync instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // quitting anyway
            }
        }
        sync.close();
    }
}
