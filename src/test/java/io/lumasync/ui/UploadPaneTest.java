package io.lumasync.ui;

import io.lumasync.store.JobState;
import io.lumasync.ui.shell.Page;
import io.lumasync.ui.upload.UploadItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class UploadPaneTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    static Path dir;
    private FxTestSupport.App app;
    private Path out;
    private List<File> dragged;

    @AfterEach
    void close() {
        app.services().close();
    }

    @Start
    void start(Stage stage) throws Exception {
        out = Files.createDirectories(dir.resolve("out-" + System.nanoTime()));
        EngineServices services = FxTestSupport.engine(dir.resolve("data"));
        services.addDestination("web", "folder", Map.of("path", out.toString()), Map.of());
        app = FxTestSupport.start(stage, services, "light");
        app.view().show(Page.BROWSE);
        // A drag source inside the window, standing in for the file manager: it puts real files on the dragboard.
        Label source = new Label("drag me");
        source.setId("drag-source");
        source.setOnDragDetected(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putFiles(dragged);
            source.startDragAndDrop(TransferMode.COPY).setContent(c);
            e.consume();
        });
        ((javafx.scene.layout.BorderPane) app.view().root()).setTop(source);
    }

    @Test
    void filesDroppedAnywhereAreQueuedUploadedAndUpdatedInPlace(FxRobot robot) throws Exception {
        Path photos = dir.resolve("drop");
        Path a = TestImages.jpeg(photos.resolve("sunset_over-sea.jpg"));
        TestImages.jpeg(photos.resolve("nested/portrait.jpg"));
        Files.writeString(photos.resolve("notes.txt"), "not an image");
        dragged = List.of(photos.toFile());

        robot.drag("#drag-source").dropTo("#nav-activity");

        ListView<UploadItem> queue = robot.lookup("#upload-queue").query();
        FxTestSupport.waitFor(() -> queue.getItems().size() == 2);
        Label message = robot.lookup("#upload-message").query();
        assertThat(message.getText()).contains("2 image(s) added").contains("notes.txt");
        UploadItem first = queue.getItems().getFirst();
        assertThat(first.name()).isEqualTo("portrait.jpg");
        assertThat(queue.getItems().get(1).altTextProperty().get()).isEqualTo("Sunset over sea");

        robot.clickOn("#alt-portrait_jpg").eraseText(20).write("A portrait in soft light");
        robot.clickOn("#upload-start");
        FxTestSupport.waitFor(() -> queue.getItems().stream().allMatch(i -> i.stateProperty().get() == JobState.DONE));
        // Each item is DONE as its job ends; its link and the summary come with the run's report, a moment later.
        FxTestSupport.waitFor(() -> message.getText().contains("Done: 2 image(s) published."), message::getText);
        assertThat(Files.exists(out.resolve("portrait.jpg"))).isTrue();
        assertThat(Files.exists(out.resolve("sunset_over-sea.jpg"))).isTrue();
        assertThat(first.urlProperty().get()).startsWith("file:");
        assertThat(first.resultProperty().get()).contains("web:").contains("→");
        assertThat(message.getText()).contains("Done: 2 image(s) published.");

        // The same file name through the same destination again: updated in place, no "-2" copy.
        TestImages.write(a, 100, 80, java.awt.Color.RED, java.awt.Color.BLACK);
        robot.clickOn("#upload-clear");
        FxTestSupport.waitFor(queue.getItems()::isEmpty);
        dragged = List.of(a.toFile());
        robot.drag("#drag-source").dropTo("#nav-activity");
        FxTestSupport.waitFor(() -> queue.getItems().size() == 1);
        robot.clickOn("#upload-start");
        FxTestSupport.waitFor(() -> queue.getItems().getFirst().stateProperty().get() == JobState.DONE);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("portrait.jpg", "sunset_over-sea.jpg");
        }
        assertThat(Files.size(out.resolve("sunset_over-sea.jpg"))).isEqualTo(Files.size(a));
    }
}
