package io.lumasync.sync;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.image.ImagePipeline;
import io.lumasync.store.JobJournal;
import io.lumasync.store.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Cancel reaches a conversion already running: the image engine is handed the run's cancel hook. */
class CancelConversionTest {
    @TempDir
    Path dir;

    @Test
    void cancellingARunStopsTheConversionInFlight() throws Exception {
        CountDownLatch converting = new CountDownLatch(1);
        ImagePipeline slow = new ImagePipeline() {
            @Override
            public EncodedImage encode(Path input, String sourceName, EncodeSettings settings,
                                       Set<ImageFormat> accepted) throws LumasyncException {
                throw LumasyncException.giveUp(sourceName + ": converted without a way to cancel it");
            }

            @Override
            public EncodedImage encode(Path input, String sourceName, EncodeSettings settings,
                                       Set<ImageFormat> accepted, BooleanSupplier cancelled)
                    throws LumasyncException {
                converting.countDown();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!cancelled.getAsBoolean()) {
                    if (System.nanoTime() > end) {
                        throw LumasyncException.giveUp(sourceName + ": never cancelled");
                    }
                    Thread.onSpinWait();
                }
                throw LumasyncException.giveUp(sourceName + ": cancelled; it was not converted.");
            }

            @Override
            public String engineName() {
                return "slow";
            }
        };
        try (EngineFixture f = new EngineFixture(dir, ReplaceStrategy.SAME_ID_SAME_URL)) {
            f.png("a.png", 1);
            SyncPlanner.Plan plan = f.planner.plan(f.input(List.of("a"), EncodeSettings.defaults(), false, false),
                    false);
            JobJournal.Started started = f.journal.startRun("sync", plan.jobs());
            SyncRunner runner = f.runner(slow);
            CompletableFuture<List<ItemProgress>> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.execute(started.jobs(), false, f.listener);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(converting.await(10, TimeUnit.SECONDS)).isTrue();
            long asked = System.nanoTime();
            runner.cancel();
            List<ItemProgress> r = run.get(10, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked)).isLessThan(5000);
            assertThat(r).singleElement().satisfies(p -> {
                assertThat(p.state()).isEqualTo(JobState.FAILED);
                assertThat(p.message()).contains("a.png: cancelled; it was not converted.");
            });
            assertThat(f.destinations.get("a").assets).isEmpty();
        }
    }
}
