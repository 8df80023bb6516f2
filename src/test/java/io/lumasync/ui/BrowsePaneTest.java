package io.lumasync.ui;

import io.lumasync.sync.AssetStatus;
import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.shell.Page;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class BrowsePaneTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private FxTestSupport.App app;
    private Path photos;
    private Path out;

    @AfterEach
    void close() {
        app.services().close();
    }

    @Start
    void start(Stage stage) throws Exception {
        photos = dir.resolve("photos");
        out = Files.createDirectories(dir.resolve("site"));
        TestImages.jpeg(photos.resolve("a-beach.jpg"));
        TestImages.write(photos.resolve("b-forest.png"), 200, 150, Color.GREEN, Color.DARK_GRAY);
        TestImages.jpeg(photos.resolve("trips/c-mountain.jpg"));
        EngineServices services = FxTestSupport.engine(dir.resolve("data"));
        services.addDestination("site", "folder", Map.of("path", out.toString()), Map.of());
        services.addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()), List.of("site")), Map.of());
        app = FxTestSupport.start(stage, services, "light");
        app.view().show(Page.BROWSE);
    }

    @Test
    void syncsTheSelectionToAFolderAndShowsProgressReaching100Percent(FxRobot robot) throws Exception {
        GridView<BrowseItem> grid = robot.lookup("#browse-grid").query();
        FxTestSupport.waitFor(() -> grid.getItems().size() == 3);
        assertThat(grid.getItems()).allSatisfy(b -> assertThat(b.status()).containsEntry("site", AssetStatus.NEW));

        robot.clickOn("photos");            // the source's own tab
        FxTestSupport.waitFor(() -> grid.getItems().size() == 3);
        robot.clickOn("#browse-select-all");
        Label count = robot.lookup("#browse-selected-count").query();
        assertThat(count.getText()).isEqualTo("3 selected");
        robot.clickOn("#browse-sync");

        ProgressBar bar = robot.lookup("#browse-progress").query();
        Label progress = robot.lookup("#browse-progress-text").query();
        FxTestSupport.waitFor(() -> progress.getText().startsWith("Finished"));
        assertThat(bar.getProgress()).isEqualTo(1.0);
        assertThat(progress.getText()).contains("3 sent").contains("0 failed");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("a-beach.jpg", "b-forest.png", "c-mountain.jpg");
        }
        FxTestSupport.waitFor(() -> grid.getItems().stream().allMatch(b -> b.status().get("site") == AssetStatus.SYNCED));

        // Syncing the same photos again sends nothing: the sync map knows they are published and unchanged.
        Map<String, FileTime> written = modifiedTimes(out);
        robot.clickOn("#browse-select-all");
        robot.clickOn("#browse-sync");
        FxTestSupport.waitFor(() -> progress.getText().startsWith("Finished"), progress::getText);
        assertThat(progress.getText()).contains("0 sent, 3 unchanged, 0 failed");
        assertThat(modifiedTimes(out)).isEqualTo(written);

        // One photo is edited: Select Updates picks exactly that one.
        Path edited = photos.resolve("a-beach.jpg");
        TestImages.write(edited, 330, 250, Color.PINK, Color.BLUE);
        Files.setLastModifiedTime(edited, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        robot.clickOn("#browse-reload");
        FxTestSupport.waitFor(() -> grid.getItems().stream().anyMatch(b -> b.status().get("site") == AssetStatus.CHANGED));
        robot.clickOn("#browse-select-updates");
        assertThat(count.getText()).isEqualTo("1 selected");
        assertThat(app.services().browse("photos").stream().filter(b -> b.status().get("site") == AssetStatus.CHANGED)
                .map(b -> b.item().name()).toList()).containsExactly("a-beach.jpg");
    }

    private static Map<String, FileTime> modifiedTimes(Path folder) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) {
                times.put(p.getFileName().toString(), Files.getLastModifiedTime(p));
            }
        }
        return times;
    }

    @Test
    void folderTreeNarrowsTheGrid(FxRobot robot) {
        GridView<BrowseItem> grid = robot.lookup("#browse-grid").query();
        FxTestSupport.waitFor(() -> grid.getItems().size() == 3);
        robot.clickOn("trips");
        FxTestSupport.waitFor(() -> grid.getItems().size() == 1);
        assertThat(grid.getItems().getFirst().item().name()).isEqualTo("c-mountain.jpg");
        robot.clickOn("#browse-select-all");
        assertThat(robot.lookup("#browse-selected-count").queryAs(Label.class).getText()).isEqualTo("1 selected");
    }
}
