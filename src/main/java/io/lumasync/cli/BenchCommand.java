package io.lumasync.cli;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.RemoteRef;
import io.lumasync.source.Listing;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.source.SourceTypes;
import io.lumasync.store.Database;
import io.lumasync.store.SyncMap;
import io.lumasync.store.SyncMapEntry;
import io.lumasync.sync.Candidate;
import io.lumasync.sync.Hashing;
import io.lumasync.sync.PlanInput;
import io.lumasync.sync.SyncPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Measures planning: a folder tree of N files that are all in the sync map already (nothing to do), listed and
 * compared as a real `lumasync sync` does. Reports cold and warm timings.
 */
@Command(name = "bench", description = "Benchmarks: `bench plan` times planning N unchanged files.",
        subcommands = {BenchCommand.Plan.class})
final class BenchCommand {

    @Command(name = "plan", description = "Time planning a sync of N unchanged files (default 100000).")
    static final class Plan implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--files", description = "How many files (default 100000).")
        int files = 100_000;

        @Option(names = "--runs", description = "Warm runs to time (default 5).")
        int runs = 5;

        @Option(names = "--dir", description = "Where to make the tree (default: a temporary folder, removed after).")
        Path dir;

        Plan(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Path root = dir != null ? dir : Files.createTempDirectory("lumasync-bench-");
            try {
                long t0 = System.nanoTime();
                for (int i = 0; i < files; i++) {
                    Path d = root.resolve("album-" + (i / 1000)).resolve("day-" + (i / 100 % 10));
                    if (i % 100 == 0) {
                        Files.createDirectories(d);
                    }
                    Files.write(d.resolve("IMG_" + i + ".jpg"), new byte[]{(byte) i, (byte) (i >> 8), 1, 2});
                }
                ctx.out().printf("made %d files in %.1f s%n", files, (System.nanoTime() - t0) / 1e9);
                try (Database db = Database.open(root.resolve(".bench.db"))) {
                    SyncMap map = new SyncMap(db);
                    Source source = SourceTypes.localFolder(root);
                    Listing listing = source.list(Optional.empty());
                    EncodeSettings settings = EncodeSettings.defaults();
                    String metaHash = Hashing.metadataHash(AssetMetadata.EMPTY);
                    db.inTransaction(c -> {
                        for (SourceItem it : listing.items()) {
                            SyncMap.upsert(c, new SyncMapEntry("bench", it.id(), "out", it.name(), it.fingerprint(),
                                    settings.hash(), metaHash, new RemoteRef(it.id(), ""), "WEBP", 4, 4, Instant.now()));
                        }
                        return null;
                    });
                    SyncPlanner planner = new SyncPlanner(map);
                    double[] times = new double[runs + 1];
                    double[] listTimes = new double[runs + 1];
                    int skipped = 0;
                    for (int r = 0; r <= runs; r++) {
                        long s = System.nanoTime();
                        Listing l = source.list(Optional.empty());
                        listTimes[r] = (System.nanoTime() - s) / 1e9;
                        List<Candidate> cs = new ArrayList<>(l.items().size());
                        for (SourceItem it : l.items()) {
                            cs.add(new Candidate(it, Optional.of(root.resolve(it.id()))));
                        }
                        SyncPlanner.Plan plan = planner.plan(new PlanInput("bench", cs, true, List.of(), List.of("out"),
                                settings, AssetMetadata.EMPTY, false, 0.25, false), true);
                        times[r] = (System.nanoTime() - s) / 1e9;
                        skipped = plan.skipped().size();
                        if (!plan.jobs().isEmpty()) {
                            ctx.err().println("bench: expected nothing to do, planned " + plan.jobs().size() + " jobs");
                            return Cli.SOME_FAILED;
                        }
                    }
                    double[] warm = Arrays.copyOfRange(times, 1, times.length);
                    Arrays.sort(warm);
                    double[] warmList = Arrays.copyOfRange(listTimes, 1, listTimes.length);
                    Arrays.sort(warmList);
                    ctx.out().printf("planned %d unchanged files (all skipped: %d): first run %.2f s, warm median %.2f s, best %.2f s%n",
                            files, skipped, times[0], warm[warm.length / 2], warm[0]);
                    ctx.out().printf("  of which listing the folder tree: warm median %.2f s; comparing with the sync map: %.2f s%n",
                            warmList[warmList.length / 2], warm[warm.length / 2] - warmList[warmList.length / 2]);
                    ctx.out().printf("machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                            System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
                }
            } finally {
                if (dir == null) {
                    try (var walk = Files.walk(root)) {
                        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
            return Cli.OK;
        }
    }
}
