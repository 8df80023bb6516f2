package io.lumasync.ui.autosync;

import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.EngineServices;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.TestImages;
import io.lumasync.ui.shell.Page;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class AutosyncPaneTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private FxTestSupport.App app;
    private Path out;

    @AfterEach
    void close() {
        app.services().close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path photos = dir.resolve("photos");
        TestImages.jpeg(photos.resolve("one.jpg"));
        out = Files.createDirectories(dir.resolve("out"));
        EngineServices services = FxTestSupport.engine(dir.resolve("data"));
        services.addDestination("out", "folder", Map.of("path", out.toString()), Map.of());
        services.addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()), List.of("out")),
                Map.of());
        app = FxTestSupport.start(stage, services, "light");
        app.view().show(Page.AUTOSYNC);
    }

    @Test
    void changesAnIntervalRunsNowAndPauses(FxRobot robot) throws Exception {
        TableView<AutosyncViewModel.Row> table = robot.lookup("#autosync-table").query();
        FxTestSupport.waitFor(() -> table.getItems().size() == 1);
        assertThat(table.getItems().getFirst().mode()).isEqualTo("Off");

        robot.interact(() -> ((AutosyncPane) app.view().pane(Page.AUTOSYNC)).viewModel().setMode("photos", "15 min"));
        FxTestSupport.waitFor(() -> table.getItems().getFirst().mode().equals("15 min"));
        assertThat(app.services().sources().getFirst().interval()).contains(Duration.ofMinutes(15));
        assertThat(table.getItems().getFirst().nextRun()).isNotEqualTo("—");

        robot.clickOn("#autosync-run-now");
        Label last = robot.lookup("#autosync-last").query();
        FxTestSupport.waitFor(() -> last.getText().contains("1 sent"), last::getText);
        assertThat(out.resolve("one.jpg")).exists();

        // Nothing changed since: a second run leaves the published photo alone.
        FileTime sent = Files.getLastModifiedTime(out.resolve("one.jpg"));
        robot.clickOn("#autosync-run-now");
        FxTestSupport.waitFor(() -> last.getText().contains("0 sent, 1 unchanged"), last::getText);
        assertThat(Files.getLastModifiedTime(out.resolve("one.jpg"))).isEqualTo(sent);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("one.jpg");
        }

        robot.clickOn("#autosync-pause");
        assertThat(app.services().autosync().paused()).isTrue();
        assertThat(robot.lookup("#autosync-pause").queryAs(Button.class).getText()).isEqualTo("_Resume");
        robot.interact(() -> ((AutosyncPane) app.view().pane(Page.AUTOSYNC)).viewModel().refresh());
        FxTestSupport.waitFor(() -> table.getItems().getFirst().nextRun().equals("—"));
    }
}
