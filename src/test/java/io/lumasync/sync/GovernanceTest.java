package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.Approval;
import io.lumasync.store.GroupRules;
import io.lumasync.store.JobState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each group rule through the real engine (plan and run), and the approval queue's round trip. */
class GovernanceTest {
    @TempDir
    Path dir;
    private Path outA;
    private Path outB;

    @BeforeEach
    void folders() throws Exception {
        outA = Files.createDirectories(dir.resolve("out-a"));
        outB = Files.createDirectories(dir.resolve("out-b"));
    }

    private SyncService open() throws Exception {
        SyncService s = SyncService.open(dir.resolve("data"), new InMemorySecretVault(), new PassThroughPipeline(),
                new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false));
        s.addDestination("a", "folder", Map.of("path", outA.toString()));
        s.addDestination("b", "folder", Map.of("path", outB.toString()));
        return s;
    }

    private Path photo(String name, int w, int h, int shade) throws Exception {
        Path f = dir.resolve("in/" + name);
        Files.createDirectories(f.getParent());
        Files.write(f, TinyPng.solid(w, h, shade));
        return f;
    }

    private static RunReport push(SyncService s, List<Path> files, EncodeSettings e, boolean dryRun) throws Exception {
        return s.push(files, List.of("Clients"), e, AssetMetadata.EMPTY, dryRun, SyncListener.NONE);
    }

    private static GroupRules rules() {
        return GroupRules.NONE;
    }

    private static long filesIn(Path folder) throws Exception {
        try (var s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static ItemProgress only(RunReport r, String asset, String destination) {
        return r.results().stream().filter(p -> p.assetName().equals(asset) && p.destination().equals(destination))
                .reduce((x, y) -> y).orElseThrow(() -> new AssertionError("no result for " + asset + " at "
                        + destination + " in " + r.results()));
    }

    @Test
    void aGroupsNamePublishesToEachOfItsDestinations() throws Exception {
        try (SyncService s = open()) {
            s.governance().setGroup("Clients", List.of("a", "b"), rules());
            RunReport r = push(s, List.of(photo("p.png", 8, 8, 1)), EngineFixture.ORIGINAL, false);
            assertThat(r.results()).extracting(ItemProgress::destination).containsExactlyInAnyOrder("a", "b");
            assertThat(r.results()).allMatch(p -> p.state() == JobState.DONE);
            assertThat(filesIn(outA)).isEqualTo(1);
            assertThat(filesIn(outB)).isEqualTo(1);
            assertThatThrownBy(() -> s.governance().setGroup("a", List.of("b"), rules()))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("destination's name");
            assertThatThrownBy(() -> s.governance().setGroup("G", List.of("nowhere"), rules()))
                    .hasMessageContaining("no destination called 'nowhere'");
            s.removeDestination("b");
            assertThat(s.governance().groups()).singleElement()
                    .satisfies(g -> assertThat(g.destinations()).containsExactly("a"));
        }
    }

    @Test
    void minimumWidthIsAPerItemRefusalInTheDryRunAndTheRun() throws Exception {
        try (SyncService s = open()) {
            s.governance().setGroup("Clients", List.of("a"), new GroupRules(0, 1200, 0, List.of(), List.of(), false,
                    true, false, ""));
            List<Path> files = List.of(photo("small.png", 1000, 800, 1), photo("wide.png", 1300, 900, 2));
            RunReport plan = push(s, files, EngineFixture.ORIGINAL, true);
            assertThat(only(plan, "small.png", "a").message())
                    .isEqualTo("not allowed by the group Clients: 1,000 × 800 is below the group Clients' minimum "
                            + "width 1,200");
            RunReport run = push(s, files, EngineFixture.ORIGINAL, false);
            assertThat(only(run, "small.png", "a").state()).isEqualTo(JobState.SKIPPED);
            assertThat(only(run, "wide.png", "a").state()).isEqualTo(JobState.DONE);
            assertThat(filesIn(outA)).isEqualTo(1);
        }
    }

    @Test
    void allowedSourcesKeepOtherSourcesOut() throws Exception {
        try (SyncService s = open()) {
            s.governance().setGroup("Clients", List.of("a"), new GroupRules(0, 0, 0, List.of(), List.of("web"),
                    false, true, false, ""));
            RunReport r = push(s, List.of(photo("p.png", 8, 8, 1)), EngineFixture.ORIGINAL, false);
            assertThat(only(r, "p.png", "a").message()).contains("takes images from web only, not from 'upload'");
            assertThat(filesIn(outA)).isZero();
        }
    }

    @Test
    void allowedFormatsAreCheckedInThePlanAndAfterCompression() throws Exception {
        try (SyncService s = open()) {
            s.governance().setGroup("Clients", List.of("a"), new GroupRules(0, 0, 0, List.of("webp"), List.of(),
                    false, true, false, ""));
            Path p = photo("p.png", 8, 8, 1);
            RunReport plan = push(s, List.of(p), EncodeSettings.defaults().withFormat(OutputFormat.JPEG), true);
            assertThat(only(plan, "p.png", "a").message()).contains("JPEG is not among its formats (WEBP)");
            RunReport run = push(s, List.of(p), EngineFixture.ORIGINAL, false);
            ItemProgress r = only(run, "p.png", "a");
            assertThat(r.state()).isEqualTo(JobState.FAILED);
            assertThat(r.message()).contains("the result is PNG, not among its formats (WEBP)");
            assertThat(Governance.refused(r)).isTrue();
            assertThat(filesIn(outA)).isZero();
        }
    }

    @Test
    void maxFileSizeIsCheckedOnTheOriginalInThePlanAndOnTheResult() throws Exception {
        try (SyncService s = open()) {
            s.governance().setGroup("Clients", List.of("a"), new GroupRules(50, 0, 0, List.of(), List.of(), false,
                    true, false, ""));
            Path p = photo("p.png", 64, 64, 1);
            RunReport plan = push(s, List.of(p), EngineFixture.ORIGINAL, true);
            assertThat(only(plan, "p.png", "a").message()).contains("the original is").contains("more than its limit of");
            RunReport run = push(s, List.of(p), EngineFixture.ORIGINAL.withFormat(OutputFormat.AUTO), false);
            assertThat(only(run, "p.png", "a").message()).contains("the optimized file is");
            assertThat(filesIn(outA)).isZero();
        }
    }

    @Test
    void alwaysCompressTurnsOriginalIntoAuto() throws Exception {
        try (SyncService s = open()) {
            s.governance().setGroup("Clients", List.of("a"), new GroupRules(0, 0, 0, List.of(), List.of(), true,
                    true, false, ""));
            push(s, List.of(photo("p.png", 8, 8, 1)), EngineFixture.ORIGINAL, false);
            assertThat(s.syncMap(Optional.of("a"))).singleElement().satisfies(e -> assertThat(e.settingsHash())
                    .isEqualTo(EngineFixture.ORIGINAL.withFormat(OutputFormat.AUTO).hash()));
        }
    }

    @Test
    void autosyncOffKeepsTheSchedulerOutButNotAManualSync() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.write(photos.resolve("p.png"), TinyPng.solid(8, 8, 1));
        try (SyncService s = open()) {
            s.governance().setGroup("Clients", List.of("a"), new GroupRules(0, 0, 0, List.of(), List.of(), false,
                    false, false, ""));
            s.addSource(new SourceInfo("web", "folder", Map.of("path", photos.toString()), List.of("Clients"),
                    EngineFixture.ORIGINAL, false, Optional.of(Duration.ofHours(1)), false, 0.5, Optional.empty(),
                    Optional.empty()), Map.of("path", photos.toString()));
            RunReport auto = s.autosyncSources(List.of("web"), SyncListener.NONE);
            assertThat(auto.problems()).anyMatch(p -> p.contains("left out of autosync"));
            assertThat(filesIn(outA)).isZero();
            RunReport manual = s.syncSources(List.of("web"), false, false, SyncListener.NONE);
            assertThat(manual.results()).singleElement().satisfies(p -> assertThat(p.state()).isEqualTo(JobState.DONE));
            assertThat(filesIn(outA)).isEqualTo(1);
        }
    }

    @Test
    void approvalRoundTripRunsThroughTheEngineAndRaisesEvents() throws Exception {
        try (SyncService s = open()) {
            List<String> events = new CopyOnWriteArrayList<>();
            s.notifications().listen(e -> events.add(e.type()));
            s.governance().setGroup("Clients", List.of("a"), new GroupRules(0, 0, 0, List.of(), List.of(), false,
                    true, true, ""));
            Path p = photo("p.png", 8, 8, 1);
            RunReport plan = push(s, List.of(p), EngineFixture.ORIGINAL, true);
            assertThat(Governance.waiting(only(plan, "p.png", "a"))).isTrue();
            assertThat(s.approvals().list(Optional.of(Approval.WAITING))).as("a dry run queues nothing").isEmpty();

            RunReport r = push(s, List.of(p), EngineFixture.ORIGINAL, false);
            assertThat(only(r, "p.png", "a").message()).isEqualTo("waiting for approval (group Clients): publish to a");
            assertThat(filesIn(outA)).isZero();
            push(s, List.of(p), EngineFixture.ORIGINAL, false);
            List<Approval> waiting = s.approvals().list(Optional.of(Approval.WAITING));
            assertThat(waiting).as("planned twice, queued once").singleElement()
                    .satisfies(a -> assertThat(a.job().assetName()).isEqualTo("p.png"));

            RunReport approved = s.approvals().approve(List.of(waiting.getFirst().id()), SyncListener.NONE);
            assertThat(only(approved, "p.png", "a").state()).isEqualTo(JobState.DONE);
            assertThat(filesIn(outA)).isEqualTo(1);
            assertThat(s.approvals().list(Optional.of(Approval.APPROVED))).singleElement()
                    .satisfies(a -> assertThat(a.note()).startsWith("published"));
            assertThat(events).containsSubsequence("action.approved", "asset.synced");
            RunReport again = push(s, List.of(p), EngineFixture.ORIGINAL, false);
            assertThat(only(again, "p.png", "a").message()).isEqualTo("unchanged");
            assertThat(s.approvals().approve(List.of(waiting.getFirst().id()), SyncListener.NONE).problems())
                    .singleElement().asString().contains("not waiting");
        }
    }

    @Test
    void rejectionIsRecordedAndKeepsThatVersionOut() throws Exception {
        try (SyncService s = open()) {
            List<Notifications.Event> events = new CopyOnWriteArrayList<>();
            s.notifications().listen(events::add);
            s.governance().setGroup("Clients", List.of("a"), new GroupRules(0, 0, 0, List.of(), List.of(), false,
                    true, true, ""));
            Path p = photo("p.png", 8, 8, 1);
            push(s, List.of(p), EngineFixture.ORIGINAL, false);
            long id = s.approvals().list(Optional.of(Approval.WAITING)).getFirst().id();
            s.approvals().reject(List.of(id), "wrong crop");
            assertThat(s.approvals().list(Optional.of(Approval.REJECTED))).singleElement()
                    .satisfies(a -> assertThat(a.note()).isEqualTo("wrong crop"));
            assertThat(events).filteredOn(e -> e.type().equals("action.rejected")).singleElement()
                    .satisfies(e -> assertThat(e.data()).containsEntry("reason", "wrong crop")
                            .containsEntry("asset", "p.png"));

            RunReport again = push(s, List.of(p), EngineFixture.ORIGINAL, false);
            assertThat(only(again, "p.png", "a").message()).contains("this version was rejected (wrong crop)");
            assertThat(s.approvals().list(Optional.of(Approval.WAITING))).isEmpty();
            assertThat(filesIn(outA)).isZero();

            Files.write(p, TinyPng.solid(9, 9, 3));
            push(s, List.of(p), EngineFixture.ORIGINAL, false);
            assertThat(s.approvals().list(Optional.of(Approval.WAITING))).as("a new version asks again").hasSize(1);
            assertThatThrownBy(() -> s.approvals().reject(List.of(id), "")).hasMessageContaining("not waiting");
        }
    }
}
