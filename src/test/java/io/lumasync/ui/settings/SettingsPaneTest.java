package io.lumasync.ui.settings;

import io.lumasync.core.MetadataPolicy;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.ui.EngineServices;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.common.engine.UiSettings;
import io.lumasync.ui.shell.Page;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class SettingsPaneTest {
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
    void start(Stage stage) {
        app = FxTestSupport.start(stage, dir.resolve("data"));
        app.view().show(Page.SETTINGS);
    }

    @Test
    void savesDefaultsAndSwitchesTheTheme(FxRobot robot) throws Exception {
        Label dataDir = robot.lookup("#settings-data-dir").query();
        FxTestSupport.waitFor(() -> !dataDir.getText().isEmpty());
        assertThat(robot.lookup("#settings-strip-gps").queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .as("GPS is stripped by default").isTrue();
        ComboBox<String> theme = robot.lookup("#settings-theme").query();
        ComboBox<OutputFormat> format = robot.lookup("#settings-format").query();
        ComboBox<String> quality = robot.lookup("#settings-quality").query();
        robot.interact(() -> {
            theme.setValue("dark");
            format.setValue(OutputFormat.WEBP);
            quality.setValue("85");
        });
        assertThat(app.ctx().theme().darkProperty().get()).isTrue();
        assertThat(app.view().root().getStyleClass()).contains("dark");
        robot.clickOn("#settings-strip-all");
        robot.clickOn("#settings-keep-in-tray");
        robot.clickOn("#settings-save");
        Label message = robot.lookup("#settings-message").query();
        FxTestSupport.waitFor(() -> message.getText().equals("Saved."), message::getText);

        UiSettings saved = app.services().settings();
        assertThat(saved.theme()).isEqualTo("dark");
        assertThat(saved.defaults().format()).isEqualTo(OutputFormat.WEBP);
        assertThat(saved.defaults().quality()).isEqualTo(new Quality.Fixed(85));
        assertThat(saved.defaults().metadata()).isEqualTo(MetadataPolicy.STRIP_ALL);
        assertThat(saved.keepInTray()).isFalse();
        // Kept in the data folder's database: the next start of the app reads them back.
        try (EngineServices next = FxTestSupport.engine(dir.resolve("data"))) {
            assertThat(next.settings()).isEqualTo(saved);
        }
    }

    @Test
    void saysWhatIsWrongWithAQuality(FxRobot robot) {
        ComboBox<String> quality = robot.lookup("#settings-quality").query();
        FxTestSupport.waitFor(() -> quality.getValue() != null);
        robot.interact(() -> quality.setValue("superb"));
        robot.clickOn("#settings-save");
        Label message = robot.lookup("#settings-message").query();
        FxTestSupport.waitFor(() -> message.getText().contains("Unknown quality"), message::getText);
        assertThat(message.getText()).contains("use auto, high, balanced, small, fast or a number 1-100");
    }

    @Test
    void openLogFolderMakesTheLogFolderOfTheDataFolder(FxRobot robot) {
        Label dataDir = robot.lookup("#settings-data-dir").query();
        FxTestSupport.waitFor(() -> !dataDir.getText().isEmpty());
        robot.clickOn("#settings-open-logs");
        assertThat(Path.of(dataDir.getText()).resolve("logs")).isDirectory();
    }
}
