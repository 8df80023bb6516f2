package io.lumasync.sync;

import io.lumasync.auth.SecretVault;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.ConfigField;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.ConnectionCheck;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationType;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.source.SourceType;
import io.lumasync.source.SourceTypes;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.DestinationRecord;
import io.lumasync.store.SourceRecord;
import io.lumasync.store.StoreException;
import io.lumasync.store.SyncMap;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.lumasync.sync.SyncService.usage;

/**
 * The configured destinations and sources: what users type is validated here, when it is saved, so runs can trust
 * it; secret fields go to the vault (never to the database), and an open adapter is dropped when its settings
 * change.
 */
final class AdapterConfiguration {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,62}");

    private final ConfigStore config;
    private final SyncMap syncMap;
    private final SecretVault vault;
    private final Adapters adapters;
    private volatile java.util.function.Predicate<String> isGroup = name -> false;

    /** Tells which names are destination groups (a source may send to a group). */
    void groupNames(java.util.function.Predicate<String> groups) {
        this.isGroup = groups;
    }

    AdapterConfiguration(ConfigStore config, SyncMap syncMap, SecretVault vault, Adapters adapters) {
        this.config = config;
        this.syncMap = syncMap;
        this.vault = vault;
        this.adapters = adapters;
    }

    /** On first start: a "local" folder destination, so Lumasync works without any account. */
    void createDefaults() throws LumasyncException {
        createDefaults(io.lumasync.platform.AppDirs.defaultOutputDir());
    }

    void createDefaults(java.nio.file.Path localFolder) throws LumasyncException {
        if (config.setting("defaults.created").isEmpty()) {
            if (config.destinations().isEmpty()) {
                AdapterConfig local = DestinationTypes.localFolder(SyncService.DEFAULT_DESTINATION, localFolder);
                config.addDestination(new DestinationRecord(local.name(), local.typeId(), local.settings(),
                        Instant.now(), Optional.empty(), Optional.empty()));
            }
            config.setSetting("defaults.created", "true");
        }
    }

    // ---- destinations

    List<DestinationInfo> destinations() throws LumasyncException {
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

    void addDestination(String name, String typeId, Map<String, String> values) throws LumasyncException {
        DestinationType type = DestinationTypes.byId(typeId).orElseThrow(() -> usage("Unknown destination type '"
                + typeId + "'. Known: " + String.join(", ", DestinationTypes.all().stream().map(DestinationType::id).toList())));
        checkName(name);
        try {
            if (config.destination(name).isPresent()) {
                throw usage("A destination called '" + name + "' exists already.");
            }
            SettingsValidation.check(name, typeId, type.fields(), values, type::validate);
            UploadNames.check(values);
            Map<String, String> settings = split(name, type.settingsFields(), values, Adapters.destinationPrefix(name),
                    false);
            config.addDestination(new DestinationRecord(name, typeId, settings, Instant.now(), Optional.empty(),
                    Optional.empty()));
        } catch (StoreException e) {
            vault.deletePrefix(Adapters.destinationPrefix(name));
            throw e;
        }
    }

    void updateDestination(String name, Map<String, String> values) throws LumasyncException {
        DestinationRecord d = config.destination(name).orElseThrow(() ->
                usage("There is no destination called '" + name + "'."));
        DestinationType type = DestinationTypes.byId(d.typeId()).orElseThrow(() ->
                usage("Unknown destination type '" + d.typeId() + "'."));
        Map<String, String> all = new HashMap<>(d.settings());
        all.putAll(values);
        SettingsValidation.check(name, d.typeId(), type.fields(), all, type::validate);
        UploadNames.check(all);
        config.updateDestinationSettings(name, split(name, type.settingsFields(), all, Adapters.destinationPrefix(name),
                true));
        adapters.forget(name);
    }

    void removeDestination(String name) throws LumasyncException {
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

    Capabilities testDestination(String name) throws LumasyncException {
        Capabilities c;
        try {
            adapters.forget(name);
            Destination d = adapters.destination(name);
            c = d.capabilities();
            if (d instanceof ConnectionCheck check) {
                List<String> notes = new ArrayList<>(c.notes());
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

    /** Refuses a run or listing that names no destination, or one that is not configured. */
    void checkDestinations(List<String> names) throws LumasyncException {
        if (names.isEmpty()) {
            throw usage("Name at least one destination (--to). See `lumasync destinations list`.");
        }
        for (String d : names) {
            if (config.destination(d).isEmpty()) {
                throw usage("There is no destination called '" + d + "'. See `lumasync destinations list`.");
            }
        }
    }

    // ---- sources

    List<SourceInfo> sources() throws LumasyncException {
        return config.sources().stream().map(s -> new SourceInfo(s.name(), s.typeId(), s.settings(),
                s.destinations(), s.encode(), s.watch(), s.interval(), s.propagateDeletes(), s.deleteShare(),
                s.lastRunAt(), s.lastError())).toList();
    }

    /** The saved sources with their adapter configuration (for the sign-ins). */
    List<SourceRecord> sourceRecords() throws LumasyncException {
        return config.sources();
    }

    SourceRecord sourceRecord(String name) throws LumasyncException {
        return config.source(name).orElseThrow(() -> usage("There is no source called '" + name
                + "'. Add it first: lumasync sources add TYPE " + name + " --to DEST"));
    }

    void addSource(SourceInfo info, Map<String, String> values) throws LumasyncException {
        SourceType type = SourceTypes.byId(info.typeId()).orElseThrow(() -> usage("Unknown source type '"
                + info.typeId() + "'. Known: " + String.join(", ", SourceTypes.all().stream().map(SourceType::id).toList())));
        checkName(info.name());
        if (info.name().equals(SyncService.UPLOAD_SOURCE)) {
            throw usage("'" + SyncService.UPLOAD_SOURCE + "' is reserved for pushed and dropped files: choose another name.");
        }
        if (info.destinations().isEmpty()) {
            throw usage("A source needs at least one destination (--to).");
        }
        try {
            requireSaved(info.destinations());
            if (config.source(info.name()).isPresent()) {
                throw usage("A source called '" + info.name() + "' exists already.");
            }
            Map<String, String> all = new HashMap<>(info.settings());
            all.putAll(values);
            SettingsValidation.check(info.name(), info.typeId(), type.fields(), all, type::validate);
            Map<String, String> settings = split(info.name(), type.fields(), all, Adapters.sourcePrefix(info.name()), false);
            config.addSource(new SourceRecord(info.name(), info.typeId(), settings, info.destinations(), info.encode(),
                    info.watch(), info.interval(), info.propagateDeletes(), info.deleteShare(), Optional.empty(),
                    Optional.empty(), Optional.empty()));
        } catch (StoreException e) {
            vault.deletePrefix(Adapters.sourcePrefix(info.name()));
            throw e;
        }
    }

    void updateSource(SourceInfo info, Map<String, String> values) throws LumasyncException {
        SourceRecord old = sourceRecord(info.name());
        SourceType type = SourceTypes.byId(old.typeId()).orElseThrow(() ->
                usage("Unknown source type '" + old.typeId() + "'."));
        requireSaved(info.destinations());
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

    void removeSource(String name) throws LumasyncException {
        if (!config.removeSource(name)) {
            throw usage("There is no source called '" + name + "'.");
        }
        adapters.forget(name);
        vault.deletePrefix(Adapters.sourcePrefix(name));
    }

    /** A source may only send to destinations (or destination groups) that exist. */
    private void requireSaved(List<String> destinations) throws LumasyncException {
        for (String d : destinations) {
            if (config.destination(d).isEmpty() && !isGroup.test(d)) {
                throw usage("There is no destination called '" + d + "'. Add it first.");
            }
        }
    }

    // ---- fields

    /** Names of destinations, sources, groups and hooks: letters, digits, spaces, '.', '_' or '-'. */
    static void checkName(String name) throws LumasyncException {
        if (!NAME.matcher(name).matches()) {
            throw usage("'" + name + "' is not a usable name: use letters, digits, spaces, '.', '_' or '-' (up to 63).");
        }
    }

    /**
     * Checks every field, stores SECRET ones in the vault and returns the rest. With {@code keepSecrets} (an
     * update), a required secret that is not given may come from the vault.
     */
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
}
