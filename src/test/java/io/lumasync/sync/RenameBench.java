package io.lumasync.sync;

import io.lumasync.core.Fingerprint;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Destination;
import io.lumasync.destination.Upload;
import io.lumasync.source.Source;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.Database;
import io.lumasync.store.DestinationRecord;
import io.lumasync.store.SyncMap;
import io.lumasync.store.SyncMapEntry;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The deliberate rename on the real engine (sync map and settings in an in-memory database) over one destination
 * of any family, named {@value #DESTINATION}: for the rename tests of each adapter.
 */
public final class RenameBench implements AutoCloseable {
    public static final String DESTINATION = "dest";
    public static final String SOURCE = "shoot";

    private final Database db;
    private final SyncMap map;
    private final Renames renames;

    public RenameBench(Destination destination, String nameTemplate) throws LumasyncException {
        db = Database.inMemory();
        map = new SyncMap(db);
        ConfigStore config = new ConfigStore(db);
        config.addDestination(new DestinationRecord(DESTINATION, "test", Map.of("name_template", nameTemplate),
                Instant.now(), Optional.empty(), Optional.empty()));
        AdapterResolver resolver = new AdapterResolver() {
            @Override
            public Destination destination(String name) throws LumasyncException {
                if (!name.equals(DESTINATION)) {
                    throw LumasyncException.giveUp("no destination " + name);
                }
                return destination;
            }

            @Override
            public Source source(String name) throws LumasyncException {
                throw LumasyncException.giveUp("no sources here");
            }
        };
        renames = new Renames(config, map, resolver, Clock.systemUTC());
    }

    /** Publishes an upload as the engine does and records it in the sync map under its source file name. */
    public SyncMapEntry publish(Destination d, Upload u) throws LumasyncException {
        return record(u.sourceAssetId(), d.put(u), u);
    }

    /** Records an asset published earlier. */
    public SyncMapEntry record(String assetId, RemoteRef ref, Upload u) throws LumasyncException {
        SyncMapEntry e = new SyncMapEntry(SOURCE, assetId, DESTINATION, assetId,
                new Fingerprint(u.image().size(), 1_000L, ""), "settings", "metadata", ref,
                u.image().format().name(), u.image().size(), u.image().size(), Instant.now());
        map.upsert(e);
        return e;
    }

    public RenameReport rename(String assetId) throws LumasyncException {
        return renames.rename(SOURCE, assetId, DESTINATION);
    }

    public RenamePreview preview(String assetId) throws LumasyncException {
        return renames.preview(SOURCE, assetId, DESTINATION);
    }

    /** Where the sync map points now. */
    public RemoteRef recorded(String assetId) throws LumasyncException {
        return map.get(SOURCE, assetId, DESTINATION).orElseThrow().remote();
    }

    @Override
    public void close() throws LumasyncException {
        db.close();
    }
}
