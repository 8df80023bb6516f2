package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.RetryPolicy;
import io.lumasync.destination.Destination;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.image.ImagePipeline;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.store.Database;
import io.lumasync.store.Job;
import io.lumasync.store.JobJournal;
import io.lumasync.store.StoreException;
import io.lumasync.store.SyncMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A planner + journal + runner over an in-memory database, real PNG files and memory destinations. */
final class EngineFixture implements AutoCloseable {
    static final EncodeSettings ORIGINAL = EncodeSettings.defaults().withFormat(OutputFormat.ORIGINAL);
    static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5));

    final Database db;
    final SyncMap map;
    final JobJournal journal;
    final SyncPlanner planner;
    final Map<String, MemoryDestination> destinations;
    final List<ItemProgress> events = new CopyOnWriteArrayList<>();
    final List<BatchProgress> batches = new CopyOnWriteArrayList<>();
    final Path dir;
    final SyncListener listener = new SyncListener() {
        @Override
        public void onItem(ItemProgress p) {
            events.add(p);
        }

        @Override
        public void onBatch(BatchProgress p) {
            batches.add(p);
        }
    };

    EngineFixture(Path dir, ReplaceStrategy strategy) throws Exception {
        this.dir = dir;
        this.db = Database.inMemory();
        this.map = new SyncMap(db);
        this.journal = new JobJournal(db, Clock.systemUTC());
        this.planner = new SyncPlanner(map);
        this.destinations = Map.of("a", new MemoryDestination(strategy), "b", new MemoryDestination(strategy));
    }

    SyncRunner runner() {
        return runner(new PassThroughPipeline());
    }

    SyncRunner runner(ImagePipeline pipeline) {
        AdapterResolver resolver = new AdapterResolver() {
            @Override
            public Destination destination(String name) {
                return destinations.get(name);
            }

            @Override
            public Source source(String name) throws LumasyncException {
                throw new LumasyncException(io.lumasync.core.ErrorKind.UNAVAILABLE, "no remote sources here");
            }
        };
        return new SyncRunner(db, journal, resolver, pipeline, FAST,
                new Staging(dir.resolve("staging")), Clock.systemUTC(), 2, 2);
    }

    /** Writes a small real PNG. */
    Path png(String name, int shade) throws IOException {
        Path p = dir.resolve("src").resolve(name);
        Files.createDirectories(p.getParent());
        byte[] png = TinyPng.solid(4 + shade % 7, 3, shade);
        Files.write(p, png);
        return p;
    }

    List<Candidate> candidates() throws IOException {
        List<Candidate> out = new ArrayList<>();
        Path root = dir.resolve("src");
        try (var walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                String id = root.relativize(p).toString();
                out.add(new Candidate(new SourceItem(id, p.getFileName().toString(), "",
                        new Fingerprint(a.size(), a.lastModifiedTime().toMillis(), "")), Optional.of(p)));
            }
        }
        return out;
    }

    PlanInput input(List<String> dests, EncodeSettings settings, boolean propagateDeletes, boolean force)
            throws IOException {
        return new PlanInput("src", candidates(), true, List.of(), dests, settings, AssetMetadata.EMPTY,
                propagateDeletes, 0.25, force);
    }

    /** Plans, journals and runs; returns the results. */
    List<ItemProgress> sync(PlanInput in) throws Exception {
        SyncPlanner.Plan plan = planner.plan(in, false);
        JobJournal.Started started = journal.startRun("sync", plan.jobs());
        List<ItemProgress> r = runner().execute(started.jobs(), false, listener);
        journal.finishRun(started.runId());
        return r;
    }

    List<Job> interrupted() throws Exception {
        return journal.interrupted();
    }

    @Override
    public void close() throws StoreException {
        db.close();
    }
}
