package io.lumasync.sync;

import io.lumasync.app.Logs;
import io.lumasync.core.LogFile;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.store.Job;
import io.lumasync.store.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.lumasync.sync.MemoryDestination.Fault.AUTH;
import static io.lumasync.sync.MemoryDestination.Fault.BUG;
import static io.lumasync.sync.MemoryDestination.Fault.LOST_ANSWER;
import static io.lumasync.sync.MemoryDestination.Fault.RATE_LIMITED;
import static io.lumasync.sync.MemoryDestination.Fault.SERVER_ERROR;
import static org.assertj.core.api.Assertions.assertThat;

class SyncFailureTest {
    @TempDir
    Path dir;

    @Test
    void rateLimitsAndServerErrorsAreRetriedAndTheItemArrivesOnce() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            f.png("a.png", 1);
            f.destinations.get("a").failNext(RATE_LIMITED, SERVER_ERROR);
            List<ItemProgress> r = f.sync(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false));
            assertThat(r).singleElement().extracting(ItemProgress::state).isEqualTo(JobState.DONE);
            assertThat(f.destinations.get("a").assets).hasSize(1);
            assertThat(f.events).anyMatch(e -> e.message().startsWith("retrying in 0.02 s"));
        }
    }

    @Test
    void anUnexpectedErrorFailsTheItemNamingTheLogThatHoldsItsStackTrace() throws Exception {
        Path data = dir.resolve("data");
        Logs.start(data, true);
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            f.png("a.png", 1);
            f.png("b.png", 2);
            f.destinations.get("a").failNext(BUG);
            List<ItemProgress> r = f.sync(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false));
            assertThat(r.stream().filter(x -> x.state() == JobState.DONE)).as("the batch goes on").hasSize(1);
            assertThat(r).filteredOn(x -> x.state() == JobState.FAILED).singleElement().satisfies(x -> assertThat(
                    x.message()).contains("unexpected error").contains(LogFile.of(data).toString()));
        } finally {
            Logs.stop();
        }
        assertThat(Files.readString(LogFile.of(data))).contains("Unexpected error while syncing")
                .contains("IllegalStateException: memory: a bug in the adapter")
                .contains("at io.lumasync.sync.MemoryDestination");
    }

    @Test
    void aLostAnswerIsReconciledNotUploadedTwice() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            f.png("a.png", 1);
            MemoryDestination d = f.destinations.get("a");
            d.failNext(LOST_ANSWER);
            List<ItemProgress> r = f.sync(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false));
            assertThat(r).singleElement().satisfies(x -> {
                assertThat(x.state()).isEqualTo(JobState.DONE);
                assertThat(x.message()).contains("not sent again");
            });
            assertThat(d.assets).hasSize(1);
            assertThat(d.puts.get()).isEqualTo(1);
        }
    }

    @Test
    void oneBadFileFailsAloneWithAPlainReasonAndTheBatchGoesOn() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            f.png("good1.png", 1);
            f.png("good2.png", 2);
            Files.write(dir.resolve("src/broken.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
            Files.write(dir.resolve("src/empty.png"), new byte[0]);
            Files.writeString(dir.resolve("src/letter.jpg"), "Dear photographer,");
            List<ItemProgress> r = f.sync(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false));
            assertThat(r.stream().filter(x -> x.state() == JobState.DONE)).hasSize(2);
            assertThat(r.stream().filter(x -> x.state() == JobState.FAILED).map(ItemProgress::message))
                    .containsExactlyInAnyOrder("empty.png: the file is empty (0 bytes).",
                            "letter.jpg: this is not an image Lumasync can read (its content is not JPEG, PNG, WebP, "
                                    + "AVIF, HEIC, GIF, TIFF, BMP or PSD), whatever its name says.",
                            "broken.png: this is not an image Lumasync can read (its content is not JPEG, PNG, WebP, "
                                    + "AVIF, HEIC, GIF, TIFF, BMP or PSD), whatever its name says.");
            // a failed item is not in the sync map: the next run tries it again
            assertThat(f.planner.plan(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false), true)
                    .counts().get("a").create()).isEqualTo(3);
        }
    }

    @Test
    void revokedCredentialsFailTheDestinationOnceWithoutARetryStormWhileOthersContinue() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            for (int i = 0; i < 6; i++) {
                f.png("p" + i + ".png", i);
            }
            f.destinations.get("a").failNext(AUTH, AUTH, AUTH, AUTH, AUTH, AUTH);
            List<ItemProgress> r = f.sync(f.input(List.of("a", "b"), EngineFixture.ORIGINAL, false, false));
            assertThat(r.stream().filter(x -> x.destination().equals("a"))).hasSize(6)
                    .allMatch(x -> x.state() == JobState.FAILED && x.message().contains("password no longer valid"));
            assertThat(r.stream().filter(x -> x.destination().equals("b"))).allMatch(x -> x.state() == JobState.DONE);
            // at most one call per upload slot reached the destination before it was blocked
            assertThat(f.destinations.get("a").calls.get()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aCrashDuringUploadIsReconciledOnResume() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            f.png("a.png", 1);
            f.png("b.png", 2);
            SyncPlanner.Plan plan = f.planner.plan(f.input(List.of("a"), EngineFixture.ORIGINAL, false, false), false);
            List<Job> jobs = f.journal.startRun("sync", plan.jobs()).jobs();
            // The process died after a.png's bytes reached the destination but before the answer was recorded.
            Job a = jobs.getFirst();
            f.journal.setState(a.id(), JobState.UPLOADING, 1, "");
            MemoryDestination d = f.destinations.get("a");
            d.put(new io.lumasync.destination.Upload(new io.lumasync.core.EncodedImage(
                    Files.readAllBytes(dir.resolve("src/a.png")), io.lumasync.core.ImageFormat.PNG, "a.png", 0, 0, 0,
                    List.of()), io.lumasync.core.AssetMetadata.EMPTY, a.syncId(), "src", "a.png", ""));

            List<Job> open = f.interrupted();
            assertThat(open).hasSize(2);
            List<ItemProgress> r = f.runner().execute(open, true, f.listener);
            assertThat(r).allMatch(x -> x.state() == JobState.DONE);
            assertThat(d.countWithSyncId(a.syncId())).isEqualTo(1);
            assertThat(d.assets).hasSize(2);
            assertThat(f.interrupted()).isEmpty();
        }
    }
}
