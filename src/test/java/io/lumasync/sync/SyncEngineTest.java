package io.lumasync.sync;

import io.lumasync.core.Quality;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.store.JobState;
import io.lumasync.store.SyncMapEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SyncEngineTest {
    @TempDir
    Path dir;

    @Test
    void firstRunCreatesEverythingAndASecondRunSkipsWithoutTouchingTheDestination() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            for (int i = 0; i < 5; i++) {
                f.png("p" + i + ".png", i * 10);
            }
            List<ItemProgress> first = f.sync(f.input(List.of("a", "b"), EngineFixture.ORIGINAL, false, false));
            assertThat(first).hasSize(10).allMatch(r -> r.state() == JobState.DONE);
            assertThat(f.destinations.get("a").assets).hasSize(5);
            assertThat(f.map.list(Optional.empty())).hasSize(10)
                    .allMatch(e -> e.fingerprint().contentHash().startsWith("sha256:"));
            int callsBefore = f.destinations.get("a").calls.get();

            SyncPlanner.Plan again = f.planner.plan(f.input(List.of("a", "b"), EngineFixture.ORIGINAL, false, false), false);
            assertThat(again.jobs()).isEmpty();
            assertThat(again.counts().get("a")).isEqualTo(new PlanCounts(0, 0, 0, 5, 0));
            assertThat(f.destinations.get("a").calls.get()).isEqualTo(callsBefore);
            assertThat(f.batches.getLast().fraction()).isEqualTo(1.0);
        }
    }

    @Test
    void aChangedFileIsReplacedInPlaceKeepingItsId() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            Path p = f.png("a.png", 10);
            f.sync(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false));
            SyncMapEntry before = f.map.get("src", "a.png", "a").orElseThrow();

            Files.write(p, TinyPng.solid(9, 9, 200));
            List<ItemProgress> r = f.sync(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false));

            assertThat(r).singleElement().satisfies(x -> assertThat(x.message()).contains("updated in place"));
            SyncMapEntry after = f.map.get("src", "a.png", "a").orElseThrow();
            assertThat(after.remote()).isEqualTo(before.remote());
            assertThat(after.fingerprint().contentHash()).isNotEqualTo(before.fingerprint().contentHash());
            MemoryDestination d = f.destinations.get("a");
            assertThat(d.assets).hasSize(1);
            assertThat(d.replaces.get()).isEqualTo(1);
            assertThat(d.assets.get(before.remote().id()).bytes()).isEqualTo(Files.readAllBytes(p));
        }
    }

    @Test
    void aTouchedButUnchangedFileIsSkippedAfterHashing() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            Path p = f.png("a.png", 10);
            f.sync(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false));
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
            SyncPlanner.Plan plan = f.planner.plan(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false), false);
            assertThat(plan.jobs()).isEmpty();
            assertThat(f.map.get("src", "a.png", "a").orElseThrow().fingerprint().modifiedMs())
                    .isEqualTo(Files.getLastModifiedTime(p).toMillis());
        }
    }

    @Test
    void changedSettingsReencodeEverything() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            f.png("a.png", 10);
            f.png("b.png", 20);
            f.sync(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false));
            SyncPlanner.Plan plan = f.planner.plan(f.input(List.of("a"),
                    EngineFixture.ORIGINAL.withQuality(Quality.parse("60")), false, false), false);
            assertThat(plan.counts().get("a")).isEqualTo(new PlanCounts(0, 2, 0, 0, 0));
        }
    }

    @Test
    void aRenamedFileKeepsItsPublishedAssetInsteadOfUploadingAgain() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            Path p = f.png("old name.png", 10);
            f.sync(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false));
            SyncMapEntry before = f.map.get("src", "old name.png", "a").orElseThrow();
            Files.createDirectories(dir.resolve("src/moved"));
            Files.move(p, dir.resolve("src/moved/new name ✨.png"));

            SyncPlanner.Plan plan = f.planner.plan(f.input(List.of("a"), EngineFixture.ORIGINAL, true, false), false);
            assertThat(plan.jobs()).isEmpty();
            assertThat(f.map.get("src", "old name.png", "a")).isEmpty();
            assertThat(f.map.get("src", "moved/new name ✨.png", "a").orElseThrow().remote()).isEqualTo(before.remote());
        }
    }

    @Test
    void deletesAreNotPropagatedUnlessAskedAndNeverMoreThanTheShareWithoutForce() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            for (int i = 0; i < 8; i++) {
                f.png("p" + i + ".png", i * 20);
            }
            f.sync(f.input(List.of("a"), EngineFixture.ORIGINAL, true, false));
            Files.delete(dir.resolve("src/p0.png"));
            assertThat(f.planner.plan(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false), true).counts()
                    .get("a").delete()).isZero();
            // 1 of 8 (12.5 %) is within the default 25 % share
            List<ItemProgress> r = f.sync(f.input(List.of("a"), EngineFixture.ORIGINAL, true, false));
            assertThat(r).singleElement().satisfies(x -> assertThat(x.message()).contains("removed"));
            assertThat(f.destinations.get("a").assets).hasSize(7);

            for (int i = 1; i < 5; i++) {
                Files.delete(dir.resolve("src/p" + i + ".png"));
            }
            SyncPlanner.Plan held = f.planner.plan(f.input(List.of("a"), EngineFixture.ORIGINAL, true, false), false);
            assertThat(held.counts().get("a").delete()).isZero();
            assertThat(held.problems()).singleElement().asString().contains("Not deleting 4 of 7").contains("--force");
            SyncPlanner.Plan forced = f.planner.plan(f.input(List.of("a"), EngineFixture.ORIGINAL, true, true), false);
            assertThat(forced.counts().get("a").delete()).isEqualTo(4);
        }
    }

    @Test
    void dryRunPlansWithoutSideEffects() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            f.png("a.png", 1);
            SyncPlanner.Plan plan = f.planner.plan(f.input(List.of("a", "b"), EngineFixture.ORIGINAL, false, false), true);
            assertThat(plan.counts()).containsEntry("a", new PlanCounts(1, 0, 0, 0, 0)).containsEntry("b", new PlanCounts(1, 0, 0, 0, 0));
            assertThat(f.journal.interrupted()).isEmpty();
            assertThat(f.map.list(Optional.empty())).isEmpty();
            assertThat(f.destinations.get("a").calls.get()).isZero();
        }
    }
}
