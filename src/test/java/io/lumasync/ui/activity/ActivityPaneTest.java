package io.lumasync.ui.activity;

import io.lumasync.ui.EngineServices;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.shell.Page;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ActivityPaneTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private FxTestSupport.App app;

    @AfterEach
    void close() {
        app.services().close();
    }

    @Start
    void start(Stage stage) throws Exception {
        FxTestSupport.recordActivity(dir.resolve("data"), List.of(
                FxTestSupport.event("synced", "photos", "beach.jpg", "blog", "published", "https://example.org/beach.avif"),
                FxTestSupport.event("failed", "photos", "huge.tif", "blog",
                        "blog refused huge.tif: the file is too large, \"max 2 MB\"", ""),
                FxTestSupport.event("skipped", "photos", "forest.jpg", "blog", "unchanged", "")));
        EngineServices services = FxTestSupport.engine(dir.resolve("data"));
        app = FxTestSupport.start(stage, services, "light");
        app.view().show(Page.ACTIVITY);
    }

    @Test
    void filtersShowsDetailAndExportsCsv(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#activity-table").query();
        FxTestSupport.waitFor(() -> table.getItems().size() == 3);
        robot.clickOn("#activity-failed-only");
        FxTestSupport.waitFor(() -> table.getItems().size() == 1);
        robot.clickOn("huge.tif");
        TextArea detail = robot.lookup("#activity-detail").query();
        assertThat(detail.getText()).contains("FAILED").contains("too large");

        robot.clickOn("#activity-failed-only");
        robot.clickOn("#activity-search").write("forest");
        FxTestSupport.waitFor(() -> table.getItems().size() == 1);

        robot.eraseText(6);
        FxTestSupport.waitFor(() -> table.getItems().size() == 3);
        Path csv = dir.resolve("activity.csv");
        robot.interact(() -> ((ActivityPane) app.view().pane(Page.ACTIVITY)).viewModel().exportCsv(csv));
        Label message = robot.lookup("#activity-message").query();
        FxTestSupport.waitFor(() -> message.getText().startsWith("Exported"));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).isEqualTo("time,kind,source,asset,destination,message,url");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"blog refused huge.tif: the file is too large, \"\"max 2 MB\"\"\""));
    }
}
