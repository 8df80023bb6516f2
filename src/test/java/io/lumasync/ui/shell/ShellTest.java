package io.lumasync.ui.shell;

import io.lumasync.ui.FxTestSupport;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ShellTest {
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
    }

    @Test
    void everySidebarEntryOpensItsPaneByClickAndByKeyboard(FxRobot robot) {
        for (Page p : Page.values()) {
            robot.clickOn("#nav-" + p.name().toLowerCase(Locale.ROOT));
            assertThat(app.view().currentProperty().get()).isEqualTo(p);
            assertThat(robot.lookup("#nav-" + p.name().toLowerCase(Locale.ROOT)).queryAs(ToggleButton.class).isSelected())
                    .isTrue();
        }
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(app.view().currentProperty().get()).isEqualTo(Page.UPLOAD);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        assertThat(app.view().currentProperty().get()).isEqualTo(Page.ACTIVITY);
    }

    @Test
    void everyButtonHasATooltip(FxRobot robot) {
        for (Page p : Page.values()) {
            robot.interact(() -> app.view().show(p));
            assertThat(robot.lookup(".button").queryAllAs(javafx.scene.control.Button.class))
                    .filteredOn(javafx.scene.Node::isVisible)
                    .filteredOn(b -> !b.getStyleClass().contains("arrow-button"))
                    .allSatisfy(b -> assertThat(b.getTooltip()).as(p + ": " + b.getText()).isNotNull());
        }
    }
}
