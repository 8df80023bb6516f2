package io.lumasync.ui;

import io.lumasync.ui.shell.Page;
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

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class DestinationsPaneTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    static Path dir;
    private FxTestSupport.App app;

    @AfterEach
    void close() {
        app.services().close();
    }

    @Start
    void start(Stage stage) {
        // A data folder per test: the directory is shared by the class.
        app = FxTestSupport.start(stage, dir.resolve("data-" + System.nanoTime()));
        app.view().show(Page.DESTINATIONS);
    }

    @Test
    void addsAFolderDestinationFromTheGeneratedFormAndTestsIt(FxRobot robot) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        robot.clickOn("#adapter-name").write("Local copies");
        robot.clickOn("#field-path").write(out.toString());
        robot.clickOn("#destination-save");
        ListView<?> list = robot.lookup("#destination-list").query();
        FxTestSupport.waitFor(() -> list.getItems().size() == 1);
        assertThat(app.services().destinations().getFirst().settings()).containsEntry("path", out.toString());

        // The list has its item before the cell is laid out: wait for the row itself.
        FxTestSupport.waitFor(() -> robot.lookup("Local copies  ·  folder").tryQuery().isPresent());
        robot.clickOn("Local copies  ·  folder");
        robot.clickOn("#destination-test");
        Label message = robot.lookup("#destination-message").query();
        FxTestSupport.waitFor(() -> message.getText().contains("works"));
        assertThat(message.getText()).contains("\"Local copies\" works").contains("JPEG");
        assertThat(app.services().destinations().getFirst().status()).isEqualTo("ok");
    }

    @Test
    void saysInPlainWordsWhatIsMissing(FxRobot robot) throws Exception {
        robot.clickOn("#destination-save");
        Label message = robot.lookup("#destination-message").query();
        FxTestSupport.waitFor(() -> !message.getText().isEmpty());
        assertThat(message.getText()).contains("Give it a name.").contains("Fill in \"Folder\".");
        assertThat(app.services().destinations()).isEmpty();
    }
}
