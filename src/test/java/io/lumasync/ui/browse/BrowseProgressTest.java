package io.lumasync.ui.browse;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.image.ImagePipeline;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.AssetStatus;
import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.RealEngineApp;
import io.lumasync.ui.TestImages;
import io.lumasync.ui.shell.Page;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;

/** A Browse run on the real engine, watched card by card, and cancelled half-way. */
@ExtendWith(ApplicationExtension.class)
class BrowseProgressTest {
    static {
        FxTestSupport.headless();
    }

    private static final int IMAGES = 12;

    /**
     * Compression that takes a moment, as real encoding does, so a run can be watched; with a gate the test decides
     * how many images may be compressed before it cancels.
     */
    static final class SlowPipeline implements ImagePipeline {
        private final PassThroughPipeline inner = new PassThroughPipeline();
        volatile Semaphore gate;

        @Override
        public EncodedImage encode(Path input, String sourceName, EncodeSettings settings, Set<ImageFormat> accepted)
                throws LumasyncException {
            try {
                Semaphore g = gate;
                if (g != null) {
                    g.acquire();
                }
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return inner.encode(input, sourceName, settings, accepted);
        }

        @Override
        public String engineName() {
            return "slow pass-through";
        }
    }

    @TempDir
    Path dir;
    private RealEngineApp app;
    private Path site;
    private final SlowPipeline pipeline = new SlowPipeline();

    @Start
    void start(Stage stage) throws Exception {
        Path photos = dir.resolve("photos");
        for (int i = 0; i < IMAGES; i++) {
            TestImages.jpeg(photos.resolve("p" + i + ".jpg"));
        }
        site = Files.createDirectories(dir.resolve("site"));
        app = RealEngineApp.start(stage, dir, pipeline, s -> {
            s.addDestination("site", "folder", Map.of("path", site.toString()), Map.of());
            s.addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()), List.of("site")),
                    Map.of());
        });
        app.view().show(Page.BROWSE);
    }

    @AfterEach
    void close() {
        app.services().close();
    }

    private BrowseViewModel vm() {
        return ((BrowsePane) app.view().pane(Page.BROWSE)).viewModel();
    }

    @SuppressWarnings("unchecked")
    private void selectAllFor(FxRobot robot, String destination) {
        GridView<BrowseItem> grid = robot.lookup("#browse-grid").query();
        FxTestSupport.waitFor(() -> grid.getItems().size() == IMAGES);
        CheckComboBox<String> picker = robot.lookup("#browse-destinations").queryAs(CheckComboBox.class);
        FxTestSupport.waitFor(() -> picker.getItems().contains(destination));
        robot.interact(() -> picker.getCheckModel().check(destination));
        robot.clickOn("#browse-select-all");
    }

    @Test
    void eachCardShowsWhereItsImageIsAndItsBadgeChangesAsItFinishes(FxRobot robot) {
        Map<String, List<CardProgress.State>> seen = new ConcurrentHashMap<>();
        List<String> badgedWhileRunning = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            vm().cardStates().addListener((MapChangeListener<String, CardProgress.State>) c -> {
                if (c.wasAdded()) {
                    seen.computeIfAbsent(c.getKey(), k -> new CopyOnWriteArrayList<>()).add(c.getValueAdded());
                }
            });
            vm().visible().addListener((ListChangeListener<BrowseItem>) c -> {
                while (c.next()) {
                    if (c.wasReplaced() && vm().running.get()) {
                        c.getAddedSubList().stream().filter(b -> b.status().get("site") == AssetStatus.SYNCED
                                && b.url("site").isPresent()).forEach(b -> badgedWhileRunning.add(b.item().name()));
                    }
                }
            });
        });
        selectAllFor(robot, "site");
        robot.clickOn("#browse-sync");
        // While the run goes, the cards say so, and Cancel is offered.
        FxTestSupport.waitFor(() -> robot.lookup("#run-state").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().equals("Waiting")));
        assertThat(robot.lookup("#browse-cancel").query().isVisible()).isTrue();
        Label progress = robot.lookup("#browse-progress-text").query();
        FxTestSupport.waitFor(() -> progress.getText().startsWith("Finished"), progress::getText);

        assertThat(seen).hasSize(IMAGES).allSatisfy((key, states) -> {
            assertThat(states.getFirst()).isEqualTo(CardProgress.State.WAITING);
            assertThat(states.getLast()).isEqualTo(CardProgress.State.DONE);
        });
        assertThat(seen.values().stream().flatMap(List::stream))
                .contains(CardProgress.State.COMPRESSING, CardProgress.State.UPLOADING);
        // Every badge turned green as its image arrived, before the run ended and Browse read the sync map again.
        assertThat(badgedWhileRunning).hasSize(IMAGES).doesNotHaveDuplicates();
        // Once finished the cards drop their run state; the badges tell the rest.
        assertThat(robot.lookup("#run-state").queryAllAs(Label.class)).noneMatch(Label::isVisible);
        assertThat(robot.lookup("#browse-cancel").query().isVisible()).isFalse();
    }

    @Test
    void cancelStopsTheRunAndTheNextSyncSendsTheRest(FxRobot robot) throws Exception {
        selectAllFor(robot, "site");
        Semaphore gate = new Semaphore(1);
        pipeline.gate = gate;
        robot.clickOn("#browse-sync");
        FxTestSupport.waitFor(() -> vm().cardStates().containsValue(CardProgress.State.DONE));
        robot.clickOn("#browse-cancel");
        FxTestSupport.waitFor(() -> vm().cancelling.get());
        pipeline.gate = null;
        gate.release(IMAGES);
        Label progress = robot.lookup("#browse-progress-text").query();
        FxTestSupport.waitFor(() -> progress.getText().startsWith("Cancelled"), progress::getText);
        assertThat(progress.getText()).endsWith("The images not sent stay unpublished; the next sync sends them.");
        long sent = published();
        assertThat(sent).isPositive().isLessThan(IMAGES);
        // Stopped, not failed: nothing red in Activity, and Browse counts the rest as not published yet.
        assertThat(app.services().activity(Optional.empty(), true)).isEmpty();
        Label message = robot.lookup("#browse-message").query();
        FxTestSupport.waitFor(() -> message.getText().contains((IMAGES - sent) + " not published yet"),
                message::getText);

        robot.clickOn("#browse-select-all");
        robot.clickOn("#browse-sync");
        FxTestSupport.waitFor(() -> progress.getText().startsWith("Finished"), progress::getText);
        assertThat(published()).isEqualTo(IMAGES);
    }

    private long published() throws Exception {
        try (var files = Files.list(site)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }
}
