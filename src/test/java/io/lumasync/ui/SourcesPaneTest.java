package io.lumasync.ui;

import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.shell.Page;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class SourcesPaneTest {
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
        EngineServices services = FxTestSupport.engine(dir.resolve("data"));
        services.addDestination("blog", "folder", Map.of("path", dir.resolve("blog").toString()), Map.of());
        services.addDestination("archive", "folder", Map.of("path", dir.resolve("archive").toString()), Map.of());
        app = FxTestSupport.start(stage, services, "light");
        app.view().show(Page.SOURCES);
    }

    @Test
    void addsAWatchedFolderSourcePublishingToTheTickedDestinations(FxRobot robot) throws Exception {
        Path photos = Files.createDirectories(dir.resolve("exports"));
        FxTestSupport.waitFor(() -> robot.lookup("#source-dest-archive").tryQuery().isPresent());
        robot.clickOn("#adapter-name").write("exports");
        robot.clickOn("#field-path").write(photos.toString());
        robot.clickOn("#source-dest-blog");
        robot.clickOn("#source-watch");
        ComboBox<String> interval = robot.lookup("#source-interval").query();
        robot.interact(() -> interval.setValue("Hourly"));
        robot.clickOn("#source-save");

        ListView<SourceInfo> list = robot.lookup("#source-list").query();
        FxTestSupport.waitFor(() -> list.getItems().size() == 1);
        SourceInfo saved = app.services().sources().getFirst();
        assertThat(saved.destinations()).containsExactly("blog");
        assertThat(saved.watch()).isTrue();
        assertThat(saved.interval()).contains(Duration.ofHours(1));
        assertThat(saved.settings()).containsEntry("path", photos.toString());
        assertThat(robot.lookup("#source-message").queryAs(Label.class).getText()).contains("Saved \"exports\"");
    }

    @Test
    void refusesASourceWithoutDestination(FxRobot robot) throws Exception {
        FxTestSupport.waitFor(() -> robot.lookup("#source-dest-archive").tryQuery().isPresent());
        robot.clickOn("#adapter-name").write("nowhere");
        robot.clickOn("#field-path").write(dir.toString());
        robot.clickOn("#source-save");
        Label message = robot.lookup("#source-message").query();
        FxTestSupport.waitFor(() -> message.getText().contains("at least one destination"));
        assertThat(app.services().sources()).isEmpty();
        assertThat(List.of(message.getStyleClass())).asString().contains("text-danger");
    }
}
