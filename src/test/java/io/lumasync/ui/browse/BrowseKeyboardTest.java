package io.lumasync.ui.browse;

import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.RealEngineApp;
import io.lumasync.ui.TestImages;
import io.lumasync.ui.shell.Page;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Browse without a mouse: Tab through the pane, Space and Enter pick cards, Space on Sync publishes them. */
@ExtendWith(ApplicationExtension.class)
class BrowseKeyboardTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private RealEngineApp app;
    private Stage stage;
    private Path site;
    private final List<String> visited = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path photos = dir.resolve("photos");
        for (String n : List.of("a.jpg", "b.jpg", "c.jpg")) {
            TestImages.jpeg(photos.resolve(n));
        }
        site = Files.createDirectories(dir.resolve("site"));
        app = RealEngineApp.start(stage, dir, s -> {
            s.addDestination("site", "folder", Map.of("path", site.toString()), Map.of());
            s.addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()), List.of("site")),
                    Map.of());
            s.saveUiState("firstRunGuide", "skipped");
        });
        app.view().show(Page.BROWSE);
    }

    @AfterEach
    void close() {
        app.services().close();
    }

    @Test
    void selectsAndSyncsWithTheKeyboardOnly(FxRobot robot) throws Exception {
        GridView<BrowseItem> grid = robot.lookup("#browse-grid").query();
        FxTestSupport.waitFor(() -> grid.getItems().size() == 3);
        BrowseViewModel vm = ((BrowsePane) app.view().pane(Page.BROWSE)).viewModel();

        tabTo(robot, "tick-a_jpg");
        CheckBox tick = robot.lookup("#tick-a_jpg").queryAs(CheckBox.class);
        assertThat(tick.getAccessibleText()).isEqualTo("Select a.jpg");
        assertThat(tick.getAccessibleHelp()).isEqualTo("site: not published there yet");
        robot.type(KeyCode.SPACE);
        assertThat(vm.selected()).containsExactly("photos\u0000a.jpg");
        tabTo(robot, "tick-b_jpg");
        robot.type(KeyCode.ENTER);
        assertThat(vm.selected()).containsExactlyInAnyOrder("photos\u0000a.jpg", "photos\u0000b.jpg");
        robot.type(KeyCode.SPACE);
        assertThat(vm.selected()).containsExactly("photos\u0000a.jpg");
        robot.type(KeyCode.SPACE);

        tabTo(robot, "browse-sync");
        robot.type(KeyCode.SPACE);
        Label progress = robot.lookup("#browse-progress-text").query();
        FxTestSupport.waitFor(() -> progress.getText().startsWith("Finished"), progress::getText);
        try (var files = Files.list(site)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted())
                    .containsExactly("a.jpg", "b.jpg");
        }

        // The order Tab took: the pane's toolbar, the folders, the cards as shown, then the bar that syncs; no stop
        // on the grid's own frame.
        List<String> ticks = grid.getItems().stream().map(i -> "tick-" + i.item().name().replace('.', '_')).toList();
        List<String> expected = new ArrayList<>(List.of("browse-select-all", "browse-filter", "browse-folders"));
        expected.addAll(ticks);
        expected.addAll(List.of("browse-destinations", "browse-preset", "browse-sync"));
        assertThat(visited).containsSubsequence(expected).doesNotContain("browse-grid", "virtual-flow");
    }

    @Test
    void tabReachesEveryCardOfALongGridInTheOrderShownScrollingAsItGoes(FxRobot robot) throws Exception {
        for (int i = 0; i < 45; i++) {
            TestImages.jpeg(dir.resolve("photos").resolve("more-" + i + ".jpg"));
        }
        robot.interact(() -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        });
        GridView<BrowseItem> grid = robot.lookup("#browse-grid").query();
        robot.clickOn("#browse-reload");
        FxTestSupport.waitFor(() -> grid.getItems().size() == 48);
        List<String> shown = grid.getItems().stream().map(i -> "tick-" + i.item().name().replace('.', '_')).toList();
        robot.interact(() -> robot.lookup("#browse-folders").query().requestFocus());
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            robot.type(KeyCode.TAB);
            reached.add(focusedId());
        }
        assertThat(reached).containsExactlyElementsOf(shown);
        robot.type(KeyCode.TAB);
        assertThat(focusedId()).isEqualTo("browse-destinations");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(focusedId()).isEqualTo(shown.getLast());
    }

    /** Presses Tab until the node with {@code id} has the focus, remembering every stop on the way. */
    private void tabTo(FxRobot robot, String id) {
        for (int i = 0; i < 60; i++) {
            String owner = focusedId();
            if (id.equals(owner)) {
                return;
            }
            robot.type(KeyCode.TAB);
            String now = focusedId();
            if (now != null && (visited.isEmpty() || !visited.getLast().equals(now))) {
                visited.add(now);
            }
        }
        throw new AssertionError("Tab never reached " + id + "; it went through " + visited);
    }

    private String focusedId() {
        Node n = stage.getScene().getFocusOwner();
        while (n != null && n.getId() == null) {
            n = n.getParent();
        }
        return n == null ? null : n.getId();
    }
}
