package io.lumasync.ui;

import io.lumasync.store.Generations.Generation;
import io.lumasync.sync.ai.FakeOpenRouter;
import io.lumasync.ui.shell.Page;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
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
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Generate page on the real engine with the OpenRouter fake: Generate makes a version shown with its cost and
 * publishes nothing; Compress &amp; Sync publishes it to the ticked destination; a second prompt makes version 2,
 * which replaces the published copy in place; Rollback brings version 1 back at the same place. A refused prompt is
 * said plainly. Captures go to target/generate-screens.
 */
@ExtendWith(ApplicationExtension.class)
class GeneratePaneTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private RealEngineApp app;
    private FakeOpenRouter ai;
    private Path site;

    @AfterEach
    void close() {
        app.services().close();
        ai.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        site = Files.createDirectories(dir.resolve("site"));
        ai = new FakeOpenRouter();
        app = RealEngineApp.start(stage, dir, services -> {
            services.addDestination("site", "folder", Map.of("path", site.toString()), Map.of());
            ai.connect(services.sync(), FakeOpenRouter.VISION, FakeOpenRouter.IMAGE);
        });
    }

    private static void waitLong(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("waited 10 s").isTrue();
    }

    private Label message(FxRobot robot) {
        return robot.lookup("#generate-message").query();
    }

    private void generate(FxRobot robot, String prompt) {
        robot.interact(() -> {
            robot.lookup("#generate-prompt").queryAs(javafx.scene.control.TextArea.class).setText(prompt);
            robot.lookup("#generate-ratio").<ComboBox<String>>query().setValue("16:9");
        });
        robot.clickOn("#generate-run");
    }

    @Test
    void generatePreviewPublishRegenerateAndRollBack(FxRobot robot) throws Exception {
        robot.interact(() -> app.view().show(Page.GENERATE));
        ComboBox<String> model = robot.lookup("#generate-model").query();
        FxTestSupport.waitFor(() -> model.getItems().contains(FakeOpenRouter.IMAGE));
        assertThat(model.getItems()).as("only models that make images").doesNotContain(FakeOpenRouter.VISION);
        FxTestSupport.waitFor(() -> robot.lookup("#generate-to-site").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#generate-name").queryTextInputControl().setText("Lighthouse at Dawn"));

        generate(robot, "a lighthouse at dawn");
        waitLong(() -> message(robot).getText().startsWith("Version 1 is ready"));
        double usd = app.services().generationHistory("lighthouse-at-dawn").getFirst().costUsd();
        assertThat(usd).as("the fake's token prices").isPositive();
        String price = String.format(java.util.Locale.ROOT, "$%.4f", usd);
        assertThat(message(robot).getText()).contains("cost " + price);
        Label cost = robot.lookup("#generate-cost").query();
        assertThat(cost.getText()).startsWith("lighthouse-at-dawn, version 1: cost " + price);
        ImageView preview = robot.lookup("#generate-preview").query();
        waitLong(() -> preview.getImage() != null && preview.getImage().getProgress() >= 1.0
                && !preview.getImage().isError());
        assertThat(site).as("nothing is published before Compress & Sync").isEmptyDirectory();
        assertThat(ai.generations()).isEqualTo(1);
        assertThat(ai.requests().getLast().path("image_config").path("aspect_ratio").asText()).isEqualTo("16:9");

        robot.clickOn("#generate-to-site");
        robot.clickOn("#generate-publish");
        waitLong(() -> message(robot).getText().startsWith("Published:"));
        Path published = site.resolve("lighthouse-at-dawn.png");
        assertThat(published).exists();
        byte[] v1 = Files.readAllBytes(published);
        snap(robot, "ai-generate");

        generate(robot, "a lighthouse at dawn, stormy sea");
        waitLong(() -> message(robot).getText().startsWith("Version 2 is ready"));
        assertThat(Files.readAllBytes(published)).as("version 2 waits for Compress & Sync").isEqualTo(v1);
        robot.clickOn("#generate-publish");
        waitLong(() -> message(robot).getText().startsWith("Published:"));
        assertThat(Files.readAllBytes(published)).isNotEqualTo(v1);
        assertThat(site).isDirectoryContaining(p -> p.getFileName().toString().equals("lighthouse-at-dawn.png"));
        assertThat(Files.list(site).count()).as("replaced in place, not added").isEqualTo(1);

        TableView<Generation> history = robot.lookup("#generate-history").query();
        waitLong(() -> history.getItems().size() == 2);
        assertThat(history.getItems()).extracting(Generation::version).containsExactly(2, 1);
        assertThat(history.getItems().getFirst().prompt()).isEqualTo("a lighthouse at dawn, stormy sea");
        assertThat(robot.lookup("#generate-rollback-2").queryButton().isDisabled()).as("the current one").isTrue();
        snap(robot, "ai-generate-history");

        robot.clickOn("#generate-rollback-1");
        waitLong(() -> message(robot).getText().startsWith("Version 1 is current again"));
        assertThat(Files.readAllBytes(published)).as("version 1 back at the same place").isEqualTo(v1);
        waitLong(() -> history.getItems().stream().anyMatch(g -> g.version() == 1 && g.current()));
        assertThat(app.services().generationHistory("lighthouse-at-dawn")).extracting(Generation::current)
                .containsExactly(true, false);
    }

    @Test
    void aRefusedPromptIsSaidPlainlyAndNothingIsShown(FxRobot robot) throws Exception {
        robot.interact(() -> app.view().show(Page.GENERATE));
        generate(robot, "something forbidden");
        waitLong(() -> message(robot).getText().contains("refused by moderation"));
        assertThat(robot.lookup("#generate-publish").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#generate-history").<TableView<Generation>>query().getItems()).isEmpty();
        assertThat(site).isEmptyDirectory();
    }

    /** Saves the window, light and dark, to target/generate-screens/NAME-light.png and -dark.png. */
    private void snap(FxRobot robot, String name) throws Exception {
        FxTestSupport.snapThemes(robot, app.view(), app.ctx().theme(), Path.of("target/generate-screens"), name);
    }
}
