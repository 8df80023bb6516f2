package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A destination in memory with scripted failures: a real implementation for engine tests. It can "lose the
 * answer" of a put (the asset arrives, the caller sees a dropped connection), like a network that breaks after
 * the server stored the upload. It passes the destination contract suite like every adapter, so the engine tests
 * run against a destination that behaves like the real ones.
 */
final class MemoryDestination implements Destination {
    record Stored(String id, byte[] bytes, String fileName, String syncId, AssetMetadata metadata) {
    }

    /** NONE lets one call through, so a later call in a sequence can fail. */
    enum Fault { NONE, RATE_LIMITED, SERVER_ERROR, AUTH, LOST_ANSWER, BUG }

    final Map<String, Stored> assets = new ConcurrentHashMap<>();
    final AtomicInteger puts = new AtomicInteger();
    final AtomicInteger replaces = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final ReplaceStrategy strategy;

    MemoryDestination(ReplaceStrategy strategy) {
        this.strategy = strategy;
    }

    synchronized void failNext(Fault... f) {
        faults.addAll(List.of(f));
    }

    private void maybeFail(Runnable effect) throws LumasyncException {
        calls.incrementAndGet();
        Fault f;
        synchronized (this) {
            f = faults.poll();
        }
        if (f == null) {
            effect.run();
            return;
        }
        switch (f) {
            case NONE -> effect.run();
            case RATE_LIMITED -> throw LumasyncException.retry("memory: too many requests", Duration.ofMillis(20));
            case SERVER_ERROR -> throw LumasyncException.retry("memory: server error 500", null);
            case AUTH -> throw new LumasyncException(ErrorKind.REAUTH, "memory: password no longer valid");
            case BUG -> throw new IllegalStateException("memory: a bug in the adapter");
            case LOST_ANSWER -> {
                effect.run();
                throw LumasyncException.retry("memory: connection dropped", null);
            }
        }
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP), 0, strategy, true,
                true, List.of());
    }

    @Override
    public RemoteRef put(Upload u) throws LumasyncException {
        String id = "m" + ids.incrementAndGet();
        maybeFail(() -> {
            puts.incrementAndGet();
            assets.put(id, new Stored(id, u.image().bytes(), u.image().fileName(), u.syncId(), u.metadata()));
        });
        return new RemoteRef(id, "mem://" + id);
    }

    @Override
    public RemoteRef replace(RemoteRef existing, Upload u) throws LumasyncException {
        maybeFail(() -> {
            replaces.incrementAndGet();
            assets.put(existing.id(), new Stored(existing.id(), u.image().bytes(), u.image().fileName(), u.syncId(),
                    u.metadata()));
        });
        return existing;
    }

    @Override
    public void updateMetadata(RemoteRef existing, AssetMetadata metadata) throws LumasyncException {
        maybeFail(() -> assets.computeIfPresent(existing.id(), (k, s) -> new Stored(s.id(), s.bytes(), s.fileName(),
                s.syncId(), metadata)));
    }

    @Override
    public void remove(RemoteRef ref) throws LumasyncException {
        maybeFail(() -> assets.remove(ref.id()));
    }

    @Override
    public Optional<RemoteRef> reconcile(Upload u) {
        return assets.values().stream().filter(s -> s.syncId().equals(u.syncId())).findFirst()
                .map(s -> new RemoteRef(s.id(), "mem://" + s.id()));
    }

    /** Oldest first, so pages stay stable while assets are added. */
    @Override
    public List<RemoteAsset> list(int page, int perPage) throws LumasyncException {
        maybeFail(() -> {
        });
        return assets.values().stream()
                .sorted(Comparator.comparingInt((Stored s) -> Integer.parseInt(s.id().substring(1))))
                .skip((long) Math.max(0, page - 1) * perPage).limit(perPage)
                .map(s -> new RemoteAsset(new RemoteRef(s.id(), "mem://" + s.id()), s.fileName(),
                        ImageFormat.fromExtension(s.fileName()).map(ImageFormat::mimeType)
                                .orElse("application/octet-stream"), s.bytes().length, 0, 0, ""))
                .toList();
    }

    @Override
    public InputStream download(RemoteRef ref) throws LumasyncException {
        maybeFail(() -> {
        });
        Stored s = assets.get(ref.id());
        if (s == null) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "memory: no asset " + ref.id());
        }
        return new ByteArrayInputStream(s.bytes());
    }

    long countWithSyncId(String syncId) {
        return assets.values().stream().filter(s -> s.syncId().equals(syncId)).count();
    }
}
