package io.lumasync.ui;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.AssetStatus;
import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.SyncService;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.BackgroundTasks;
import io.lumasync.ui.common.ThemeManager;
import io.lumasync.ui.common.Thumbnails;
import io.lumasync.ui.common.Windows;
import io.lumasync.ui.shell.MainView;
import io.lumasync.ui.shell.Page;
import io.lumasync.ui.shell.Shell;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Browse pane on the real engine (SQLite sync map, journal, runner) syncing to a folder destination. */
@ExtendWith(ApplicationExtension.class)
class RealEngineBrowseTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private EngineServices services;
    private Path site;

    @Start
    void start(Stage stage) throws Exception {
        Path photos = dir.resolve("photos");
        TestImages.jpeg(photos.resolve("one.jpg"));
        TestImages.jpeg(photos.resolve("sub/two.jpg"));
        site = Files.createDirectories(dir.resolve("site"));
        SyncService sync = SyncService.open(dir.resolve("data"), new InMemorySecretVault(), new PassThroughPipeline(),
                new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false));
        services = EngineServices.withAutosync(sync);
        services.addDestination("site", "folder", Map.of("path", site.toString()), Map.of());
        services.addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()), List.of("site")),
                Map.of());
        ThemeManager theme = new ThemeManager();
        theme.use("light");
        BackgroundTasks tasks = new BackgroundTasks(2);
        MainView[] view = new MainView[1];
        Windows windows = new Windows(stage, theme, null, () -> view[0].root());
        view[0] = Shell.build(new AppContext(services, tasks, windows, theme,
                new Thumbnails(dir.resolve("thumbs"), tasks)));
        windows.showMain();
        view[0].show(Page.BROWSE);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void syncsToAFolderDestinationAndReaches100Percent(FxRobot robot) throws Exception {
        GridView<BrowseItem> grid = robot.lookup("#browse-grid").query();
        FxTestSupport.waitFor(() -> grid.getItems().size() == 2);
        robot.clickOn("#browse-select-all");
        robot.clickOn("#browse-sync");
        Label progress = robot.lookup("#browse-progress-text").query();
        FxTestSupport.waitFor(() -> progress.getText().startsWith("Finished"), progress::getText);
        assertThat(robot.lookup("#browse-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(progress.getText()).contains("2 sent").contains("0 failed");
        try (var files = Files.list(site)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList())
                    .containsExactly("one.jpg", "two.jpg");
        }
        FxTestSupport.waitFor(() -> grid.getItems().stream().allMatch(b -> b.status().get("site") == AssetStatus.SYNCED));
    }
}
