package io.lumasync.ui.browse;

import io.lumasync.sync.BrowseItem;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.RealEngineApp;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.controlsfx.control.GridView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browse: a published badge's menu renames the image by its destination's file-name template, on the real engine,
 * after a confirmation that states the address change; Cancel changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class BrowseRenameTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private RealEngineApp app;
    private Path site;

    @Start
    void start(Stage stage) throws Exception {
        app = RealEngineApp.browsingPhotosToSite(stage, dir, List.of("a.jpg"));
        site = dir.resolve("site");
    }

    @AfterEach
    void close() {
        app.services().close();
    }

    @Test
    void theBadgeMenuShowsTheAddressChangeAndRenamesOnlyAfterConfirming(FxRobot robot) throws Exception {
        GridView<BrowseItem> grid = robot.lookup("#browse-grid").query();
        FxTestSupport.waitFor(() -> grid.getItems().size() == 1);
        FxTestSupport.syncAllOnBrowse(robot);
        app.services().addDestination("site", "folder", Map.of("path", site.toString(),
                "name_template", "{source}-{original}.{ext}"), Map.of());
        assertThat(names()).containsExactly("a.jpg");

        DialogPane confirm = openRename(robot);
        assertThat(confirm.getContentText()).contains("/site/a.jpg").contains("New file name: photos-a.jpg")
                .contains("published again under the new name").contains("will need the new one");
        snap(robot, confirm);
        robot.clickOn(confirm.lookupButton(ButtonType.CANCEL));
        assertThat(names()).as("Cancel changes nothing").containsExactly("a.jpg");

        robot.clickOn(openRename(robot).lookupButton(ButtonType.OK));
        FxTestSupport.waitFor(() -> dialog(robot).filter(d -> d.getContentText().startsWith("Old address")).isPresent());
        DialogPane done = dialog(robot).orElseThrow();
        assertThat(done.getContentText()).contains("/site/a.jpg").contains("/site/photos-a.jpg");
        robot.clickOn(done.lookupButton(ButtonType.OK));

        assertThat(names()).containsExactly("photos-a.jpg");
        FxTestSupport.waitFor(() -> grid.getItems().size() == 1
                && grid.getItems().get(0).url("site").orElse("").endsWith("/photos-a.jpg"));
    }

    private DialogPane openRename(FxRobot robot) {
        Button badge = robot.lookup(".badge-link").queryAs(Button.class);
        MenuItem item = badge.getContextMenu().getItems().get(0);
        assertThat(item.getId()).isEqualTo("rename-site");
        assertThat(item.getText()).isEqualTo("Rename to file-name template\u2026");
        // The menu a right click (or the menu key) opens on the published badge; its item is chosen.
        robot.interact(item::fire);
        FxTestSupport.waitFor(() -> dialog(robot).isPresent());
        return dialog(robot).orElseThrow();
    }

    private static Optional<DialogPane> dialog(FxRobot robot) {
        return robot.listTargetWindows().stream().filter(Window::isShowing).map(w -> w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane).map(r -> (DialogPane) r).findFirst();
    }

    private void snap(FxRobot robot, DialogPane pane) {
        Path out = Path.of("target/screenshots"); // docs/screenshots keeps a copy for the docs
        robot.interact(() -> {
            var img = pane.getScene().snapshot(null);
            try {
                Files.createDirectories(out);
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                        out.resolve("browse-rename-confirm-light.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(site)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
