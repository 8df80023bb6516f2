package io.lumasync.sync;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.core.RetryPolicy;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.folder.FolderDestination;
import io.lumasync.source.Source;
import io.lumasync.store.ActivityLog;
import io.lumasync.store.Database;
import io.lumasync.store.OptimizeJournal;
import io.lumasync.store.SyncMap;
import io.lumasync.store.SyncMapEntry;
import io.lumasync.sync.OptimizeResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Optimize as an engine run: journaled, resumable, backed up, and undone by rollback. */
class OptimizeRunTest {
    private static final EncodeSettings Q60 = EncodeSettings.defaults().withFormat(OutputFormat.AUTO)
            .withQuality(new Quality.Fixed(60));
    /** The process id of no process: a run it owns was left by a process that is gone. */
    private static final String GONE = Long.MAX_VALUE + "@1";

    @TempDir
    Path dir;
    private Database db;
    private Path site;
    private CountingDestination dest;

    private Optimizer optimizer(ReplaceStrategy strategy) throws Exception {
        site = Files.createDirectories(dir.resolve("site"));
        db = Database.inMemory();
        dest = new CountingDestination(new FolderDestination(site), strategy);
        AdapterResolver resolver = new AdapterResolver() {
            @Override
            public io.lumasync.destination.Destination destination(String name) {
                return dest;
            }

            @Override
            public Source source(String name) throws LumasyncException {
                throw LumasyncException.giveUp("no sources here");
            }
        };
        RetryPolicy fast = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1));
        return new Optimizer(db, resolver, new OptimizeSteps(new ShrinkingPipeline(), fast, dir.resolve("staging")),
                new OptimizeBackups(dir.resolve("backups")), Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    private Map<String, OptimizeResult> byFile(OptimizeReport r) {
        return r.items().stream().collect(Collectors.toMap(OptimizeResult::fileName, Function.identity()));
    }

    @Test
    void replacesInPlaceSkipsModernFormatsAndReportsWhatItDid() throws Exception {
        Optimizer o = optimizer(ReplaceStrategy.SAME_ID_SAME_URL);
        byte[] photo = bytes(1000, 1);
        Files.write(site.resolve("photo.jpg"), photo);
        Files.write(site.resolve("modern.webp"), bytes(800, 2));
        Files.write(site.resolve("tiny.png"), bytes(10, 3));

        OptimizeReport r = o.optimize(new OptimizeRequest("site", List.of(), Q60, false), SyncListener.NONE);

        Map<String, OptimizeResult> items = byFile(r);
        assertThat(items.get("photo.jpg").outcome()).isEqualTo(Outcome.OPTIMIZED);
        assertThat(items.get("photo.jpg").bytesBefore()).isEqualTo(1000);
        assertThat(items.get("photo.jpg").bytesAfter()).isEqualTo(600);
        assertThat(items.get("photo.jpg").formatBefore()).isEqualTo("JPEG");
        assertThat(items.get("photo.jpg").formatAfter()).isEqualTo("JPEG");
        assertThat(items.get("photo.jpg").quality()).isEqualTo("60");
        assertThat(items.get("photo.jpg").urlChanged()).isFalse();
        assertThat(items.get("modern.webp").outcome()).isEqualTo(Outcome.MODERN_FORMAT);
        assertThat(items.get("tiny.png").outcome()).isEqualTo(Outcome.NOT_SMALLER);
        assertThat(Files.readAllBytes(site.resolve("photo.jpg"))).hasSize(600);
        assertThat(dest.replacements("photo.jpg")).isEqualTo(1);
        assertThat(dest.replacements("modern.webp")).isZero();
        assertThat(new ActivityLog(db).query(Optional.empty(), false, 100))
                .anySatisfy(e -> assertThat(e.asset()).isEqualTo("photo.jpg"));

        OptimizeReport again = o.optimize(new OptimizeRequest("site", List.of("*.jpg"), Q60, false),
                SyncListener.NONE);
        assertThat(again.items()).singleElement().extracting(OptimizeResult::outcome)
                .isEqualTo(Outcome.ALREADY_OPTIMIZED);
        assertThat(dest.replacements("photo.jpg")).isEqualTo(1);
        assertThat(Files.readAllBytes(site.resolve("photo.jpg"))).hasSize(600);
    }

    @Test
    void aDryRunReportsSizesAndChangesNothing() throws Exception {
        Optimizer o = optimizer(ReplaceStrategy.SAME_ID_SAME_URL);
        byte[] photo = bytes(500, 4);
        Files.write(site.resolve("photo.jpg"), photo);

        OptimizeReport r = o.optimize(new OptimizeRequest("site", List.of(), Q60, true), SyncListener.NONE);

        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.outcome()).isEqualTo(Outcome.WOULD_OPTIMIZE);
            assertThat(i.bytesAfter()).isEqualTo(300);
        });
        assertThat(Files.readAllBytes(site.resolve("photo.jpg"))).isEqualTo(photo);
        assertThat(dest.replaced).isEmpty();
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void rollbackPutsBackTheOriginalBytesOfTheChosenAssets() throws Exception {
        Optimizer o = optimizer(ReplaceStrategy.SAME_ID_SAME_URL);
        byte[] one = bytes(1000, 5);
        byte[] two = bytes(900, 6);
        Files.write(site.resolve("one.jpg"), one);
        Files.write(site.resolve("two.jpg"), two);
        o.optimize(new OptimizeRequest("site", List.of(), Q60, false), SyncListener.NONE);

        OptimizeReport first = o.rollback("site", List.of("one.jpg", "missing.jpg"), SyncListener.NONE);
        assertThat(first.items()).singleElement().extracting(OptimizeResult::outcome).isEqualTo(Outcome.RESTORED);
        assertThat(first.problems()).singleElement().asString().contains("missing.jpg");
        assertThat(Files.readAllBytes(site.resolve("one.jpg"))).isEqualTo(one);
        assertThat(Files.size(site.resolve("two.jpg"))).isEqualTo(540);

        o.rollback("site", List.of(), SyncListener.NONE);
        assertThat(Files.readAllBytes(site.resolve("two.jpg"))).isEqualTo(two);
        assertThat(o.rollback("site", List.of(), SyncListener.NONE).items()).isEmpty();
    }

    @Test
    void aRunWhoseProcessDiedResumesWithoutReplacingAnythingTwice() throws Exception {
        Optimizer o = optimizer(ReplaceStrategy.SAME_ID_SAME_URL);
        byte[] landed = bytes(1000, 7);
        byte[] pending = bytes(1000, 8);
        byte[] planned = bytes(1000, 9);
        Files.write(site.resolve("landed.jpg"), landed);
        Files.write(site.resolve("pending.jpg"), pending);
        Files.write(site.resolve("planned.jpg"), planned);
        List<RemoteAsset> assets = dest.list(1, 10);
        OptimizeBackups backups = new OptimizeBackups(dir.resolve("backups"));
        for (RemoteAsset a : assets) {
            if (!a.fileName().equals("planned.jpg")) {
                backups.keep("site", a, Files.readAllBytes(site.resolve(a.fileName())));
            }
        }
        // The dead process got "landed" to the destination but was killed before it wrote DONE; "pending" was
        // announced (REPLACING) but the replace never happened; "planned" was not started.
        OptimizeJournal journal = new OptimizeJournal(db, Clock.systemUTC());
        List<OptimizeJournal.Item> items = journal.startRun("site", Q60, GONE, assets.stream()
                .map(a -> new OptimizeJournal.Item(0, 0, a.ref().id(), a.ref().url(), a.fileName(), a.mimeType(),
                        a.size(), OptimizeJournal.State.PLANNED, "")).toList()).items();
        for (OptimizeJournal.Item i : items) {
            if (!i.fileName().equals("planned.jpg")) {
                byte[] original = Files.readAllBytes(site.resolve(i.fileName()));
                journal.setState(i.id(), OptimizeJournal.State.REPLACING, Hashing.sha256(original), "");
            }
        }
        Files.write(site.resolve("landed.jpg"), java.util.Arrays.copyOf(landed, 600));

        OptimizeReport r = o.resume(SyncListener.NONE);

        Map<String, OptimizeResult> out = byFile(r);
        assertThat(out.get("landed.jpg").outcome()).isEqualTo(Outcome.REPLACED_BEFORE_INTERRUPTION);
        assertThat(out.get("pending.jpg").outcome()).isEqualTo(Outcome.OPTIMIZED);
        assertThat(out.get("planned.jpg").outcome()).isEqualTo(Outcome.OPTIMIZED);
        assertThat(dest.replacements("landed.jpg")).isZero();
        assertThat(dest.replacements("pending.jpg")).isEqualTo(1);
        assertThat(dest.replacements("planned.jpg")).isEqualTo(1);
        assertThat(Files.size(site.resolve("landed.jpg"))).isEqualTo(600);
        assertThat(o.resume(SyncListener.NONE).items()).as("a finished run is not resumed again").isEmpty();

        o.rollback("site", List.of(), SyncListener.NONE);
        assertThat(Files.readAllBytes(site.resolve("landed.jpg"))).isEqualTo(landed);
        assertThat(Files.readAllBytes(site.resolve("pending.jpg"))).isEqualTo(pending);
        assertThat(Files.readAllBytes(site.resolve("planned.jpg"))).isEqualTo(planned);
    }

    @Test
    void aRunOfALiveProcessIsLeftToIt() throws Exception {
        Optimizer o = optimizer(ReplaceStrategy.SAME_ID_SAME_URL);
        Files.write(site.resolve("photo.jpg"), bytes(1000, 10));
        RemoteAsset a = dest.list(1, 10).getFirst();
        new OptimizeJournal(db, Clock.systemUTC()).startRun("site", Q60, Optimizer.Owner.current(),
                List.of(new OptimizeJournal.Item(0, 0, a.ref().id(), a.ref().url(), a.fileName(), a.mimeType(),
                        a.size(), OptimizeJournal.State.PLANNED, "")));

        assertThat(o.resume(SyncListener.NONE).items()).isEmpty();
        assertThat(dest.replaced).isEmpty();
    }

    @Test
    void aDestinationThatCannotReplaceGetsANewAssetAndTheNewAddressIsReported() throws Exception {
        Optimizer o = optimizer(ReplaceStrategy.PUT_THEN_REMOVE);
        byte[] photo = bytes(1000, 11);
        Files.write(site.resolve("photo.jpg"), photo);
        RemoteAsset published = dest.list(1, 10).getFirst();
        SyncMap map = new SyncMap(db);
        map.upsert(new SyncMapEntry("photos", "photo.jpg", "site", "photo.jpg", new Fingerprint(1000, 1, ""), "s", "m",
                published.ref(), "JPEG", 1000, 1000, Instant.now()));

        OptimizeReport r = o.optimize(new OptimizeRequest("site", List.of(), Q60, false), SyncListener.NONE);

        OptimizeResult item = r.items().getFirst();
        assertThat(item.outcome()).isEqualTo(Outcome.OPTIMIZED);
        assertThat(dest.puts.get()).isEqualTo(1);
        assertThat(dest.removes.get()).isEqualTo(1);
        assertThat(dest.replaced).isEmpty();
        assertThat(item.urlChanged()).isTrue();
        assertThat(item.previousUrl()).endsWith("photo.jpg");
        assertThat(item.url()).isNotEqualTo(item.previousUrl());
        assertThat(map.get("photos", "photo.jpg", "site").orElseThrow().remote().url())
                .as("the next sync replaces the new copy, not the removed one").isEqualTo(item.url());

        OptimizeReport back = o.rollback("site", List.of(), SyncListener.NONE);
        assertThat(map.get("photos", "photo.jpg", "site").orElseThrow().remote().url())
                .isEqualTo(back.items().getFirst().url());
        try (var files = Files.list(site)) {
            assertThat(files.filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> {
                        try {
                            return Files.readAllBytes(p);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList()).singleElement().isEqualTo(photo);
        }
    }
}
