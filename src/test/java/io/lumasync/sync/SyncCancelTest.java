package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.ErrorKind;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.Job;
import io.lumasync.store.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.lumasync.sync.MemoryDestination.Fault.AUTH;
import static org.assertj.core.api.Assertions.assertThat;

/** Cancelling a run, and the destinations and sources a run says need the user. */
class SyncCancelTest {
    @TempDir
    Path dir;

    @Test
    void aCancelLeavesTheJobsNotStartedPlannedAndTheNextRunSendsThem() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            for (int i = 0; i < 24; i++) {
                f.png("p" + i + ".png", i);
            }
            SyncRunner runner = f.runner();
            SyncPlanner.Plan plan = f.planner.plan(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false), false);
            var started = f.journal.startRun("sync", plan.jobs());
            List<ItemProgress> r = runner.execute(started.jobs(), false, new SyncListener() {
                @Override
                public void onItem(ItemProgress p) {
                    if (p.state() == JobState.DONE) {
                        runner.cancel();
                    }
                }

                @Override
                public void onBatch(BatchProgress p) {
                }
            });
            f.journal.finishRun(started.runId());

            long done = r.stream().filter(x -> x.state() == JobState.DONE).count();
            List<ItemProgress> notStarted = r.stream().filter(x -> x.state() == JobState.PLANNED).toList();
            assertThat(r).hasSize(24).noneMatch(x -> x.state() == JobState.FAILED);
            assertThat(done).isPositive();
            assertThat(notStarted).isNotEmpty()
                    .allSatisfy(x -> assertThat(x.message()).isEqualTo("not started: the sync was cancelled"));
            assertThat(f.destinations.get("a").assets).hasSize((int) done);
            // In the journal they are still planned, not failed: Browse shows no red badge for them.
            assertThat(f.journal.jobsOfRun(started.runId()).stream().filter(j -> j.state() == JobState.PLANNED))
                    .hasSize(notStarted.size());
            assertThat(f.journal.lastFailed("src")).isEmpty();
            // Nothing is lost: the next run plans exactly the ones that were not sent.
            assertThat(f.planner.plan(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false), true)
                    .counts().get("a").create()).isEqualTo(notStarted.size());
        }
    }

    @Test
    void aCancelBeforeTheJobsStartSendsNothing() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            f.png("a.png", 1);
            f.png("b.png", 2);
            SyncRunner runner = f.runner();
            SyncPlanner.Plan plan = f.planner.plan(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false), false);
            List<Job> jobs = f.journal.startRun("sync", plan.jobs()).jobs();
            runner.cancel();
            assertThat(runner.execute(jobs, false, f.listener)).hasSize(2).allMatch(x -> x.state() == JobState.PLANNED);
            assertThat(f.destinations.get("a").calls.get()).isZero();
            runner.clearCancel();
            assertThat(runner.execute(jobs, false, f.listener)).allMatch(x -> x.state() == JobState.DONE);
        }
    }

    @Test
    void aRevokedPasswordIsReportedOnceForItsDestination() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            for (int i = 0; i < 5; i++) {
                f.png("p" + i + ".png", i);
            }
            f.destinations.get("a").failNext(AUTH, AUTH, AUTH, AUTH, AUTH);
            SyncPlanner.Plan plan = f.planner.plan(f.input(List.of("a", "b"), EngineFixture.ORIGINAL, false, false), false);
            List<Attention> attention = new CopyOnWriteArrayList<>();
            f.runner().execute(f.journal.startRun("sync", plan.jobs()).jobs(), false, f.listener, attention::add);
            assertThat(attention).containsExactly(new Attention(Attention.Target.DESTINATION, "a", ErrorKind.REAUTH,
                    "memory: password no longer valid"));
        }
    }

    @Test
    void aSourceThatCannotBeReadNeedsAttentionInTheRunReport() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.write(photos.resolve("a.png"), TinyPng.solid(4, 3, 1));
        try (SyncService s = SyncService.open(dir.resolve("data"), new InMemorySecretVault(), new PassThroughPipeline(),
                new SyncService.Options(EngineFixture.FAST, 1, 1, false))) {
            s.addDestination("out", "folder", Map.of("path", dir.resolve("out").toString()));
            s.addSource(SourceInfo.of("card", "folder", Map.of("path", photos.toString()), List.of("out")), Map.of());
            assertThat(s.syncSources(List.of(), false, false, SyncListener.NONE).attention()).isEmpty();
            Files.delete(photos.resolve("a.png"));
            Files.delete(photos);
            RunReport r = s.syncSources(List.of(), false, false, SyncListener.NONE);
            assertThat(r.attention()).singleElement().satisfies(a -> {
                assertThat(a.target()).isEqualTo(Attention.Target.SOURCE);
                assertThat(a.name()).isEqualTo("card");
                assertThat(a.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                assertThat(a.message()).contains("does not exist");
            });
        }
    }
}
