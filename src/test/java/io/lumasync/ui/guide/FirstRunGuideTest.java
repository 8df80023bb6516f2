package io.lumasync.ui.guide;

import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.RealEngineApp;
import io.lumasync.ui.TestImages;
import io.lumasync.ui.shell.Page;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The first-run guide on the real engine: source → destination → first sync, then never again. */
@ExtendWith(ApplicationExtension.class)
class FirstRunGuideTest {
    static {
        FxTestSupport.headless();
    }

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    @TempDir
    Path dir;
    private RealEngineApp app;

    @Start
    void start(Stage stage) throws Exception {
        app = RealEngineApp.start(stage, dir, s -> { });
    }

    @AfterEach
    void close() {
        app.services().close();
    }

    @Test
    void walksTheUserThroughTheThreeStepsAndNeverReturnsOnceDone(FxRobot robot) throws Exception {
        Node guide = robot.lookup("#first-run-guide").query();
        FxTestSupport.waitFor(guide::isVisible);
        Button source = robot.lookup("#guide-source").queryAs(Button.class);
        assertThat(source.getPseudoClassStates()).contains(CURRENT);
        assertThat(source.getAccessibleText()).startsWith("Step 1 of 3, next: 1 Add a source");
        assertThat(robot.lookup("#guide-hint").queryAs(Label.class).getText()).contains("where your images come from");

        robot.clickOn("#guide-source");
        FxTestSupport.waitFor(() -> app.view().currentProperty().get() == Page.SOURCES);

        // What the Sources and Destinations panes do when the user fills their forms.
        Path photos = dir.resolve("photos");
        TestImages.jpeg(photos.resolve("one.jpg"));
        Path site = Files.createDirectories(dir.resolve("site"));
        app.services().addDestination("site", "folder", Map.of("path", site.toString()), Map.of());
        app.services().addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()), List.of("site")),
                Map.of());

        robot.clickOn("#guide-destination");
        FxTestSupport.waitFor(() -> app.view().currentProperty().get() == Page.DESTINATIONS);
        Button sync = robot.lookup("#guide-sync").queryAs(Button.class);
        FxTestSupport.waitFor(() -> sync.getPseudoClassStates().contains(CURRENT), sync::getText);
        assertThat(source.getPseudoClassStates()).contains(DONE);
        assertThat(source.getText()).startsWith("✓");
        assertThat(robot.lookup("#guide-destination").queryAs(Button.class).getPseudoClassStates()).contains(DONE);

        robot.clickOn("#guide-sync");
        FxTestSupport.waitFor(() -> app.view().currentProperty().get() == Page.BROWSE);
        GridView<BrowseItem> grid = robot.lookup("#browse-grid").query();
        FxTestSupport.waitFor(() -> grid.getItems().size() == 1);
        @SuppressWarnings("unchecked")
        CheckComboBox<String> picker = robot.lookup("#browse-destinations").queryAs(CheckComboBox.class);
        FxTestSupport.waitFor(() -> picker.getItems().contains("site"));
        robot.interact(() -> picker.getCheckModel().check("site"));
        robot.clickOn("#browse-select-all");
        robot.clickOn("#browse-sync");

        // The first sync ends the guide on its own, without another click.
        FxTestSupport.waitFor(() -> !guide.isVisible());
        assertThat(app.services().uiState(GuideViewModel.KEY)).contains("done");
        assertNotShownAgain(robot);
    }

    @Test
    void skippingHidesItForGood(FxRobot robot) throws Exception {
        Node guide = robot.lookup("#first-run-guide").query();
        FxTestSupport.waitFor(guide::isVisible);
        robot.clickOn("#guide-skip");
        assertThat(guide.isVisible()).isFalse();
        FxTestSupport.waitFor(() -> stored().equals(Optional.of("skipped")));
        robot.clickOn("#nav-sources");
        assertThat(guide.isVisible()).isFalse();
        assertNotShownAgain(robot);
    }

    private Optional<String> stored() {
        try {
            return app.services().uiState(GuideViewModel.KEY);
        } catch (io.lumasync.core.LumasyncException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new window on the same data folder (the next start) reads the stored end and stays hidden. */
    private void assertNotShownAgain(FxRobot robot) {
        FirstRunGuide[] next = new FirstRunGuide[1];
        robot.interact(() -> next[0] = new FirstRunGuide(app.ctx()));
        FxTestSupport.waitFor(() -> next[0].viewModel().done.get().equals(EnumSet.allOf(GuideViewModel.Step.class)));
        robot.interact(() -> { });
        assertThat(next[0].viewModel().isShowing()).isFalse();
        assertThat(next[0].view().isVisible()).isFalse();
    }
}
