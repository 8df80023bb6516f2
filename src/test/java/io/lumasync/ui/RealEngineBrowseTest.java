package io.lumasync.ui;

import io.lumasync.sync.AssetStatus;
import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.BackgroundTasks;
import io.lumasync.ui.common.ThemeManager;
import io.lumasync.ui.common.Thumbnails;
import io.lumasync.ui.common.Windows;
import io.lumasync.ui.shell.MainView;
import io.lumasync.ui.shell.Page;
import io.lumasync.ui.shell.Shell;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.controlsfx.control.CheckComboBox;
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
    private Path portfolio;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Path photos = dir.resolve("photos");
        TestImages.jpeg(photos.resolve("one.jpg"));
        TestImages.jpeg(photos.resolve("sub/two.jpg"));
        this.stage = stage;
        site = Files.createDirectories(dir.resolve("site"));
        portfolio = Files.createDirectories(dir.resolve("portfolio with a long name"));
        services = FxTestSupport.engine(dir.resolve("data"));
        services.addDestination("site", "folder", Map.of("path", site.toString()), Map.of());
        services.addDestination("portfolio-for-the-spring-catalogue", "folder", Map.of("path", portfolio.toString()),
                Map.of());
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
    void close() throws Exception {
        services.close();
        // TestFX hands every test class the same primary stage: give the next one its usual size back.
        org.testfx.api.FxToolkit.setupFixture(() -> {
            stage.setWidth(1180);
            stage.setHeight(760);
        });
    }

    @Test
    void syncsToAFolderDestinationAndReaches100Percent(FxRobot robot) throws Exception {
        GridView<BrowseItem> grid = robot.lookup("#browse-grid").query();
        FxTestSupport.waitFor(() -> grid.getItems().size() == 2);
        tick(robot, "site");
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

    @Test
    void badgesShowEveryDestinationOfTheSyncMapWithTheirAddresses(FxRobot robot) throws Exception {
        GridView<BrowseItem> grid = robot.lookup("#browse-grid").query();
        FxTestSupport.waitFor(() -> grid.getItems().size() == 2);
        Label message = robot.lookup("#browse-message").query();
        FxTestSupport.waitFor(() -> message.getText().equals("2 images: 2 not published yet."), message::getText);

        // Published to a destination the source is not configured for: Browse's own picker.
        tick(robot, "site", "portfolio-for-the-spring-catalogue");
        robot.clickOn("#browse-select-all");
        robot.clickOn("#browse-sync");
        Label progress = robot.lookup("#browse-progress-text").query();
        FxTestSupport.waitFor(() -> progress.getText().startsWith("Finished"), progress::getText);
        FxTestSupport.waitFor(() -> grid.getItems().stream().allMatch(b ->
                b.status().get("portfolio-for-the-spring-catalogue") == AssetStatus.SYNCED
                        && b.status().get("site") == AssetStatus.SYNCED), () -> grid.getItems().toString());
        assertThat(grid.getItems()).allSatisfy(b -> {
            assertThat(b.url("site").map(java.net.URI::create).map(Path::of)).contains(site.resolve(b.item().name()));
            assertThat(b.url("portfolio-for-the-spring-catalogue")).isPresent();
        });
        FxTestSupport.waitFor(() -> message.getText().equals("2 images: 2 published."), message::getText);
        // The cards show a badge per destination, each a button (keyboard and screen reader reach it).
        FxTestSupport.waitFor(() -> robot.lookup(".badge-link").queryAll().size() == 4);
        assertThat(robot.lookup(".badge-link").queryAllAs(Button.class))
                .allSatisfy(b -> assertThat(b.getAccessibleText()).contains("published and up to date"));
    }

    @Test
    void theFooterHoldsAtTheMinimumWindowSizeAfterARun(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        });
        GridView<BrowseItem> grid = robot.lookup("#browse-grid").query();
        FxTestSupport.waitFor(() -> grid.getItems().size() == 2);
        tick(robot, "site", "portfolio-for-the-spring-catalogue");
        FxTestSupport.syncAllOnBrowse(robot);
        assertThat(stage.getWidth()).isEqualTo(900);
        for (String id : List.of("#browse-sync", "#browse-progress-text", "#browse-message", "#browse-preset",
                "#browse-select-all", "#browse-select-updates", "#browse-select-none", "#browse-selected-count",
                "#browse-reload")) {
            Region node = robot.lookup(id).query();
            assertThat(FxTestSupport.shownText(node)).as(id).doesNotContain("…").doesNotEndWith("...");
        }
        assertThat(FxTestSupport.shownText(robot.lookup("#browse-sync").query())).isEqualTo("Sync");
        Label to = robot.lookup(".sync-bar > .label").query();
        assertThat(FxTestSupport.shownText(to)).isEqualTo("To");
        assertThat(to.getLabelFor()).isSameAs(robot.lookup("#browse-destinations").query());
    }

    @SuppressWarnings("unchecked")
    private static void tick(FxRobot robot, String... destinations) {
        CheckComboBox<?> picker = robot.lookup("#browse-destinations").queryAs(CheckComboBox.class);
        FxTestSupport.waitFor(() -> picker.getItems().size() == 2);
        robot.interact(() -> {
            for (String d : destinations) {
                ((CheckComboBox<String>) picker).getCheckModel().check(d);
            }
        });
    }
}
