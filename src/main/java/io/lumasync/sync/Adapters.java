package io.lumasync.sync;

import io.lumasync.auth.SecretVault;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationType;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.source.Source;
import io.lumasync.source.SourceType;
import io.lumasync.source.SourceTypes;
import io.lumasync.store.ConfigStore;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens configured sources and destinations with their secrets, and keeps them open until their configuration
 * changes. Secrets are namespaced in the vault as {@code destination/<name>/<key>} and {@code source/<name>/<key>}.
 */
final class Adapters implements AdapterResolver, AutoCloseable {
    private final ConfigStore config;
    private final SecretVault vault;
    private final HttpClient http;
    private final Path dataDir;
    private final Retrier retrier;
    private final Map<String, Destination> destinations = new ConcurrentHashMap<>();
    private final Map<String, Source> sources = new ConcurrentHashMap<>();

    Adapters(ConfigStore config, SecretVault vault, HttpClient http, Path dataDir, Retrier retrier) {
        this.config = config;
        this.vault = vault;
        this.http = http;
        this.dataDir = dataDir;
        this.retrier = retrier;
    }

    static String destinationPrefix(String name) {
        return "destination/" + name + "/";
    }

    static String sourcePrefix(String name) {
        return "source/" + name + "/";
    }

    @Override
    public Destination destination(String name) throws LumasyncException {
        Destination d = destinations.get(name);
        if (d != null) {
            return d;
        }
        synchronized (destinations) {
            d = destinations.get(name);
            if (d == null) {
                AdapterConfig cfg = config.destination(name).orElseThrow(() -> new LumasyncException(
                        ErrorKind.UNAVAILABLE, "There is no destination called '" + name
                        + "'. See `lumasync destinations list`.")).config();
                DestinationType type = DestinationTypes.byId(cfg.typeId()).orElseThrow(() -> new LumasyncException(
                        ErrorKind.UNAVAILABLE, "'" + name + "' is a " + cfg.typeId()
                        + " destination, which this version of Lumasync does not know."));
                d = type.create(context(cfg, destinationPrefix(name)));
                destinations.put(name, d);
            }
            return d;
        }
    }

    @Override
    public Source source(String name) throws LumasyncException {
        Source s = sources.get(name);
        if (s != null) {
            return s;
        }
        synchronized (sources) {
            s = sources.get(name);
            if (s == null) {
                AdapterConfig cfg = config.source(name).orElseThrow(() -> new LumasyncException(
                        ErrorKind.UNAVAILABLE, "There is no source called '" + name + "'. See `lumasync sources list`."))
                        .config();
                SourceType type = SourceTypes.byId(cfg.typeId()).orElseThrow(() -> new LumasyncException(
                        ErrorKind.UNAVAILABLE, "'" + name + "' is a " + cfg.typeId()
                        + " source, which this version of Lumasync does not know."));
                s = type.create(context(cfg, sourcePrefix(name)));
                sources.put(name, s);
            }
            return s;
        }
    }

    AdapterContext context(AdapterConfig cfg, String prefix) {
        return new AdapterContext(cfg, new io.lumasync.auth.VaultSecrets(vault, prefix), http,
                dataDir.resolve("adapters").resolve(prefix.replace('/', '-')), retrier);
    }

    /** Forgets an open adapter (its configuration changed or it was removed). */
    void forget(String name) {
        Optional.ofNullable(destinations.remove(name)).ifPresent(Destination::close);
        Optional.ofNullable(sources.remove(name)).ifPresent(Source::close);
    }

    @Override
    public void close() {
        destinations.values().forEach(Destination::close);
        sources.values().forEach(Source::close);
        destinations.clear();
        sources.clear();
    }
}
