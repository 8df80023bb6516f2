package io.lumasync.store;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.RemoteRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Several engines on one journal: a run belongs to its owner, and only runs whose owner is gone are taken over. */
class JobJournalOwnersTest {
    @TempDir
    Path dir;

    private static Job job(String asset) {
        return new Job(0, 0, "upload", asset, asset, "", Optional.empty(), "out", JobAction.CREATE, JobState.PLANNED,
                "sync-" + asset, new Fingerprint(10, 1, ""), EncodeSettings.defaults(), AssetMetadata.EMPTY,
                Optional.empty(), 0, "");
    }

    @Test
    void aLiveOwnersRunIsNotResumedByAnotherEngineButADeadOnesIsTakenOverOnce() throws Exception {
        try (Database db = Database.open(dir.resolve("lumasync.db"))) {
            RunOwners app = RunOwners.claim(dir.resolve("owners"));
            JobJournal appJournal = new JobJournal(db, Clock.systemUTC(), app);
            appJournal.startRun("sync", List.of(job("a.png"), job("b.png")));

            try (RunOwners cli = RunOwners.claim(dir.resolve("owners"));
                 RunOwners daemon = RunOwners.claim(dir.resolve("owners"))) {
                JobJournal cliJournal = new JobJournal(db, Clock.systemUTC(), cli);
                JobJournal daemonJournal = new JobJournal(db, Clock.systemUTC(), daemon);
                assertThat(cliJournal.interrupted()).as("the app is still running its jobs").isEmpty();

                app.close(); // the app is gone: its lock with it
                List<Job> taken = cliJournal.interrupted();
                assertThat(taken).extracting(Job::assetId).containsExactly("a.png", "b.png");
                assertThat(daemonJournal.interrupted()).as("taken over by the command line already").isEmpty();
                assertThat(cliJournal.interrupted()).as("its own unfinished run").hasSize(2);
            }
        }
    }

    @Test
    void runsFromBeforeOwnersExistedAreResumed() throws Exception {
        try (Database db = Database.open(dir.resolve("lumasync.db")); RunOwners me = RunOwners.claim(dir.resolve("o"))) {
            JobJournal journal = new JobJournal(db, Clock.systemUTC(), me);
            long run = journal.startRun("push", List.of(job("old.png"))).runId();
            db.query(c -> {
                try (PreparedStatement p = c.prepareStatement("UPDATE runs SET owner = NULL WHERE id = ?")) {
                    p.setLong(1, run);
                    return p.executeUpdate();
                }
            });
            try (RunOwners next = RunOwners.claim(dir.resolve("o"))) {
                assertThat(new JobJournal(db, Clock.systemUTC(), next).interrupted()).extracting(Job::assetId)
                        .containsExactly("old.png");
            }
            assertThat(db.schemaVersion()).isEqualTo(Database.latest());
        }
    }

    @Test
    void anAssetHeldByAnotherLiveRunOrPublishedMeanwhileIsPassedWithAReason() throws Exception {
        try (Database db = Database.inMemory()) {
            JobJournal app = new JobJournal(db, Clock.systemUTC());
            JobJournal cli = new JobJournal(db, Clock.systemUTC());
            JobJournal.Started first = app.startRun("sync", List.of(job("sunset.jpg")));

            JobJournal.Started second = cli.startRun("sync", List.of(job("sunset.jpg"), job("dawn.jpg")));
            assertThat(second.jobs()).extracting(Job::assetId).containsExactly("dawn.jpg");
            assertThat(second.passed()).singleElement().satisfies(p -> {
                assertThat(p.job().assetId()).isEqualTo("sunset.jpg");
                assertThat(p.reason()).contains("publishing it right now");
            });

            // The app finishes sunset.jpg; a third run planned before that (no sync-map row then) must not create it again.
            db.inTransaction(c -> {
                JobJournal.setState(c, first.jobs().getFirst().id(), JobState.DONE, 1, "");
                SyncMap.upsert(c, new SyncMapEntry("upload", "sunset.jpg", "out", "sunset.jpg", new Fingerprint(10, 1, ""),
                        "s", "m", new RemoteRef("sunset.jpg", "file:/out/sunset.jpg"), "JPEG", 10, 5, Instant.now()));
                return null;
            });
            app.finishRun(first.runId());
            JobJournal.Started third = cli.startRun("sync", List.of(job("sunset.jpg")));
            assertThat(third.jobs()).isEmpty();
            assertThat(third.passed()).singleElement().extracting(JobJournal.Passed::reason).asString()
                    .contains("already published");
        }
    }

    @Test
    void anOwnerIsAliveWhileItsProcessHoldsTheLockAndGoneAfter() throws Exception {
        try (RunOwners checker = RunOwners.claim(dir.resolve("owners"))) {
            assertThat(checker.alive(checker.self())).isTrue();
            assertThat(checker.alive(null)).isFalse();
            assertThat(checker.alive("../../etc/passwd")).isFalse();

            // A process that has exited: its pid and start time no longer name a live process.
            Process gone = new ProcessBuilder("true").start();
            long started = gone.info().startInstant().map(Instant::toEpochMilli).orElse(1L);
            assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
            String deadToken = gone.pid() + "-" + started + "-0123abcd";
            Files.createFile(dir.resolve("owners").resolve(deadToken + ".lock"));
            assertThat(checker.alive(deadToken)).isFalse();
            assertThat(dir.resolve("owners").resolve(deadToken + ".lock")).as("a dead owner's file is removed")
                    .doesNotExist();

            // This very process under another start time: a reused process id is not the owner.
            long myPid = ProcessHandle.current().pid();
            assertThat(checker.alive(myPid + "-12345-0123abcd")).isFalse();
        }
    }

    @Test
    void aNewOwnerSweepsAwayTheLockFilesOfOwnersThatDiedAndKeepsLiveOnes() throws Exception {
        Path owners = dir.resolve("owners");
        try (RunOwners live = RunOwners.claim(owners)) {
            Path abandoned = Files.createFile(owners.resolve("4000000-1700000000000-0badc0de.lock"));
            try (RunOwners next = RunOwners.claim(owners)) {
                assertThat(abandoned).doesNotExist();
                assertThat(owners.resolve(live.self() + ".lock")).exists();
                assertThat(owners.resolve(next.self() + ".lock")).exists();
                try (var files = Files.list(owners)) {
                    assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("."));
                }
            }
            assertThat(owners.resolve(live.self() + ".lock")).exists();
        }
        try (var files = Files.list(owners)) {
            assertThat(files).as("closed owners remove their files").isEmpty();
        }
    }

    @Test
    void twoEnginesOpeningANewDatabaseAtOnceBothMigrateIt() throws Exception {
        for (int round = 0; round < 40; round++) {
            Path file = dir.resolve("db-" + round + ".db");
            List<Thread> threads = new java.util.ArrayList<>();
            List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int i = 0; i < 3; i++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try (Database db = Database.open(file)) {
                        assertThat(db.schemaVersion()).isEqualTo(Database.latest());
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(errors).isEmpty();
        }
    }
}
