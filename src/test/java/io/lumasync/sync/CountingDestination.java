package io.lumasync.sync;

import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A real destination that counts what it is asked to change, and may declare another replace strategy. */
final class CountingDestination implements Destination {
    private final Destination real;
    private final ReplaceStrategy strategy;
    final Map<String, AtomicInteger> replaced = new ConcurrentHashMap<>();
    final AtomicInteger puts = new AtomicInteger();
    final AtomicInteger removes = new AtomicInteger();

    CountingDestination(Destination real, ReplaceStrategy strategy) {
        this.real = real;
        this.strategy = strategy;
    }

    int replacements(String id) {
        return replaced.getOrDefault(id, new AtomicInteger()).get();
    }

    @Override
    public Capabilities capabilities() throws LumasyncException {
        Capabilities c = real.capabilities();
        return new Capabilities(c.formats(), c.maxUploadBytes(), strategy, c.canList(), c.canUpdateMetadata(),
                c.notes());
    }

    @Override
    public RemoteRef put(Upload upload) throws LumasyncException {
        puts.incrementAndGet();
        return real.put(upload);
    }

    @Override
    public RemoteRef replace(RemoteRef existing, Upload upload) throws LumasyncException {
        replaced.computeIfAbsent(existing.id(), k -> new AtomicInteger()).incrementAndGet();
        return real.replace(existing, upload);
    }

    @Override
    public void remove(RemoteRef ref) throws LumasyncException {
        removes.incrementAndGet();
        real.remove(ref);
    }

    @Override
    public Optional<RemoteRef> reconcile(Upload upload) throws LumasyncException {
        return real.reconcile(upload);
    }

    @Override
    public List<RemoteAsset> list(int page, int perPage) throws LumasyncException {
        return real.list(page, perPage);
    }

    @Override
    public InputStream download(RemoteRef ref) throws LumasyncException {
        return real.download(ref);
    }
}
