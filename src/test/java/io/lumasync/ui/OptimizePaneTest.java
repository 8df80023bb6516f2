package io.lumasync.ui;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.ui.optimize.OptimizeViewModel;
import io.lumasync.ui.shell.Page;
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

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class OptimizePaneTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private Path site;
    private byte[] original;
    private FxTestSupport.App app;

    @AfterEach
    void close() {
        app.services().close();
    }

    @Start
    void start(Stage stage) throws Exception {
        site = dir.resolve("site");
        // A large, high-quality JPEG: the recompressed one is clearly smaller.
        Path big = TestImages.write(site.resolve("hero.jpg"), 1200, 900, Color.ORANGE, Color.BLUE);
        original = Files.readAllBytes(big);
        TestImages.write(site.resolve("logo.png"), 64, 64, Color.BLACK, Color.WHITE);
        EngineServices services = FxTestSupport.engine(dir.resolve("data"), new InMemorySecretVault(),
                new JpegTestPipeline());
        services.addDestination("site", "folder", Map.of("path", site.toString()), Map.of());
        app = FxTestSupport.start(stage, services, "light");
        app.view().show(Page.OPTIMIZE);
    }

    @Test
    void previewsOptimizesInPlaceAndRollsBack(FxRobot robot) throws Exception {
        FxTestSupport.waitFor(() -> robot.lookup("#optimize-destination").queryComboBox().getValue() != null);
        robot.clickOn("#optimize-load");
        TableView<?> table = robot.lookup("#optimize-table").query();
        FxTestSupport.waitFor(() -> table.getItems().size() == 2);

        FxTestSupport.waitFor(() -> robot.lookup("hero.jpg").tryQuery().isPresent());
        robot.clickOn("hero.jpg");
        robot.clickOn("#optimize-preview");
        Label preview = robot.lookup("#optimize-preview-text").query();
        FxTestSupport.waitFor(() -> preview.getText().startsWith("hero.jpg:"));
        assertThat(preview.getText()).contains("→").contains("JPEG");

        javafx.scene.control.Slider quality = robot.lookup("#optimize-quality").query();
        robot.interact(() -> quality.setValue(40));
        robot.clickOn("#optimize-select-all");
        robot.clickOn("#optimize-run");
        Label message = robot.lookup("#optimize-message").query();
        FxTestSupport.waitFor(() -> message.getText().startsWith("Optimized"));
        assertThat(message.getText()).contains("Optimized 1").contains("Saved:");
        @SuppressWarnings("unchecked")
        TableView<OptimizeViewModel.Row> rows = (TableView<OptimizeViewModel.Row>) table;
        OptimizeViewModel.Row hero = rows.getItems().stream().filter(r -> r.asset().fileName().equals("hero.jpg"))
                .findFirst().orElseThrow();
        assertThat(hero.resultProperty().get()).as("before → after, format and quality").contains("JPEG → JPEG q40");
        assertThat(Files.size(site.resolve("hero.jpg"))).isLessThan(original.length);
        assertThat(site.resolve("hero.jpg")).exists();          // same name, same address

        robot.clickOn("#optimize-rollback");
        FxTestSupport.waitFor(() -> message.getText().startsWith("Restored"), message::getText);
        assertThat(Files.readAllBytes(site.resolve("hero.jpg"))).isEqualTo(original);
    }
}
