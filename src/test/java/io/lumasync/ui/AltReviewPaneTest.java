package io.lumasync.ui;

import io.lumasync.sync.AltTextEntry;
import io.lumasync.sync.AltTextSetup;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.SyncListener;
import io.lumasync.sync.alt.AltMode;
import io.lumasync.ui.shell.Page;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Before publishing" review on the real engine: a folder source syncs to a destination that reviews alt text,
 * its new images wait in Suggestions with their drafted text and thumbnail; Approve with a changed text publishes
 * with that text (kept as the image's own), Skip keeps one unpublished, Approve all publishes the rest with their
 * drafts. Captures go to target/alt-review-screens.
 */
@ExtendWith(ApplicationExtension.class)
class AltReviewPaneTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private RealEngineApp app;
    private Path photos;
    private Path site;

    @AfterEach
    void close() {
        app.services().close();
    }

    @Start
    void start(Stage stage) throws Exception {
        photos = Files.createDirectories(dir.resolve("photos"));
        site = Files.createDirectories(dir.resolve("site"));
        app = RealEngineApp.start(stage, dir, services -> {
            services.addDestination("site", "folder", Map.of("path", site.toString()), Map.of());
            services.saveAltTextSetup("site", new AltTextSetup(AltMode.BASIC, true));
            services.addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()),
                    List.of("site")), Map.of());
        });
    }

    @Test
    void newImagesWaitWithTheirDraftUntilApprovedEditedOrSkipped(FxRobot robot) throws Exception {
        TestImages.write(photos.resolve("harbour-at-dawn.png"), 320, 240, new Color(20, 60, 90), new Color(240, 200, 150));
        TestImages.write(photos.resolve("IMG_4471.png"), 320, 240, new Color(200, 80, 40), new Color(40, 40, 40));
        TestImages.write(photos.resolve("blurry-test-shot.png"), 320, 240, new Color(90, 90, 90), new Color(150, 150, 150));
        var report = app.services().syncSources(List.of("photos"), false, false, SyncListener.NONE);
        assertThat(app.services().altPending()).as(report.results() + " " + report.problems()).hasSize(3);
        assertThat(site).as("nothing is published before review").isEmptyDirectory();

        robot.interact(() -> app.view().show(Page.SUGGESTIONS));
        FxTestSupport.waitFor(() -> robot.lookup("#alt-pending").tryQuery().isPresent());
        ListView<?> pending = robot.lookup("#alt-pending").query();
        Label message = robot.lookup("#suggestions-message").query();
        FxTestSupport.waitFor(() -> pending.getItems().size() == 3,
                () -> message.getText() + ", " + pending.getItems().size() + " waiting");
        long harbour = id("harbour-at-dawn.png");
        long camera = id("IMG_4471.png");
        long blurry = id("blurry-test-shot.png");
        TextField harbourText = shown(robot, pending, harbour, "text");
        assertThat(harbourText.getText()).isEqualTo("Harbour at dawn");
        TextField cameraText = shown(robot, pending, camera, "text");
        assertThat(cameraText.getText()).as("a camera name drafts nothing").isEmpty();
        assertThat(((javafx.scene.control.Button) shown(robot, pending, camera, "approve")).isDisabled())
                .as("nothing to approve without a text").isTrue();
        snap(robot, "alt-review-before-publishing");

        robot.clickOn(cameraText).write("A red kayak pulled up on dark rocks");
        robot.clickOn("#pending-" + camera + "-approve");
        FxTestSupport.waitFor(() -> pending.getItems().size() == 2, message::getText);
        assertThat(Files.exists(site.resolve("IMG_4471.png"))).isTrue();
        assertThat(published("IMG_4471.png").altText()).isEqualTo("A red kayak pulled up on dark rocks");
        assertThat(app.services().ownAltText("photos", "IMG_4471.png")).contains("A red kayak pulled up on dark rocks");

        javafx.scene.Node skip = shown(robot, pending, blurry, "skip");
        robot.clickOn(skip);
        FxTestSupport.waitFor(() -> pending.getItems().size() == 1, message::getText);
        assertThat(message.getText()).contains("Skipped blurry-test-shot.png");

        robot.clickOn("#alt-approve-all");
        FxTestSupport.waitFor(() -> pending.getItems().isEmpty(), message::getText);
        assertThat(published("harbour-at-dawn.png").altText()).isEqualTo("Harbour at dawn");
        assertThat(published("harbour-at-dawn.png").origin()).isEqualTo("basic");
        FxTestSupport.waitFor(() -> robot.lookup("#alt-pending").tryQuery().isEmpty());
        try (var files = Files.list(site)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("IMG_4471.png", "harbour-at-dawn.png");
        }
    }

    /** The control of one waiting image, scrolled into view: text, approve or skip. */
    @SuppressWarnings("unchecked")
    private <T extends javafx.scene.Node> T shown(FxRobot robot, ListView<?> list, long id, String part)
            throws Exception {
        String query = "#pending-" + id + "-" + part;
        // The list shows the waiting images in the engine's order, oldest first.
        int row = app.services().altPending().stream().map(p -> p.id()).toList().indexOf(id);
        robot.interact(() -> list.scrollTo(Math.max(row, 0)));
        FxTestSupport.waitFor(() -> robot.lookup(query).tryQuery().filter(javafx.scene.Node::isVisible).isPresent());
        return (T) robot.lookup(query).query();
    }

    private long id(String name) throws Exception {
        return app.services().altPending().stream().filter(p -> p.assetName().equals(name)).findFirst()
                .orElseThrow().id();
    }

    private AltTextEntry published(String name) throws Exception {
        return app.services().altTexts(false).stream().filter(e -> e.assetName().equals(name)).findFirst()
                .orElseThrow();
    }

    private void snap(FxRobot robot, String name) throws Exception {
        FxTestSupport.snapThemes(robot, app.view(), app.ctx().theme(), Path.of("target/alt-review-screens"), name);
    }
}
