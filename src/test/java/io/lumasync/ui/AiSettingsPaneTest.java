package io.lumasync.ui;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.AiSettings;
import io.lumasync.sync.AiSetup;
import io.lumasync.sync.AltTextSetup;
import io.lumasync.sync.alt.AltMode;
import io.lumasync.ui.shell.Page;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AI section of Settings and the alt-text part of the destination editor, on the real engine with an in-memory
 * vault: each setting changed in the window reaches the store (read back through a second engine on the same data
 * folder) or the vault, the key is never shown again, and a bad address or budget is refused in plain words.
 * Captures go to target/ai-settings-screens.
 */
@ExtendWith(ApplicationExtension.class)
class AiSettingsPaneTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private final InMemorySecretVault vault = new InMemorySecretVault();
    private FxTestSupport.App app;

    @AfterEach
    void close() {
        app.services().close();
    }

    @Start
    void start(Stage stage) throws Exception {
        EngineServices services = FxTestSupport.engine(dir.resolve("data"), vault, new PassThroughPipeline());
        services.addDestination("site", "folder", Map.of("path", Files.createDirectories(dir.resolve("site"))
                .toString()), Map.of());
        app = FxTestSupport.start(stage, services, "light");
    }

    private static void replace(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).query();
        robot.interact(() -> field.setText(""));
        robot.clickOn(field).write(text);
    }

    /** Shows Settings scrolled to its end, where the AI section is. */
    private void showAiSettings(FxRobot robot) {
        robot.interact(() -> app.view().show(Page.SETTINGS));
        javafx.scene.control.ScrollPane scroll = robot.lookup("#settings-scroll").query();
        robot.interact(() -> {
            scroll.layout();
            scroll.setVvalue(1.0);
        });
    }

    private static Label message(FxRobot robot) {
        return robot.lookup("#settings-ai-message").query();
    }

    @Test
    void eachAiSettingReachesTheStoreAndTheKeyTheVault(FxRobot robot) throws Exception {
        showAiSettings(robot);
        TextField model = robot.lookup("#settings-ai-model").query();
        FxTestSupport.waitFor(() -> model.getText().equals(AiSettings.DEFAULT_ALT_MODEL));
        Label keyState = robot.lookup("#settings-ai-key-state").query();
        assertThat(keyState.getText()).isEqualTo("No key is stored.");
        assertThat(robot.lookup("#settings-ai-spent").queryAs(Label.class).getText())
                .isEqualTo("$0.0000 spent this month of $5.00");

        replace(robot, "#settings-ai-model", "anthropic/claude-sonnet-4.5");
        replace(robot, "#settings-ai-language", "pt-br");
        replace(robot, "#settings-ai-budget", "12.50");
        robot.clickOn("#settings-ai-save");
        FxTestSupport.waitFor(() -> message(robot).getText().equals("AI settings saved."), message(robot)::getText);

        String secret = "sk-or-v1-test-0123456789";
        robot.clickOn("#settings-ai-key").write(secret);
        robot.clickOn("#settings-ai-save-key");
        FxTestSupport.waitFor(() -> keyState.getText().equals("A key is stored."), message(robot)::getText);
        assertThat(vault.get(AiSettings.KEY_SECRET)).contains(secret);
        assertThat(robot.lookup("#settings-ai-key").queryAs(PasswordField.class).getText())
                .as("the key is cleared from the window once stored").isEmpty();
        assertThat(robot.lookup(n -> n instanceof Labeled l && l.getText() != null && l.getText().contains("0123456789"))
                .tryQuery()).as("the key is never shown").isEmpty();
        snap(robot, "ai-settings");

        robot.clickOn("#settings-ai-local");
        replace(robot, "#settings-ai-endpoint", "http://127.0.0.1:11434/v1");
        robot.clickOn("#settings-ai-save");
        FxTestSupport.waitFor(() -> message(robot).getText().equals("AI settings saved."), message(robot)::getText);

        // Read back by a second engine on the same data folder, as the next start of the app would.
        try (EngineServices next = FxTestSupport.engine(dir.resolve("data"), vault, new PassThroughPipeline())) {
            AiSetup saved = next.aiSetup();
            assertThat(saved.endpoint()).isEqualTo("http://127.0.0.1:11434/v1");
            assertThat(saved.altModel()).isEqualTo("anthropic/claude-sonnet-4.5");
            assertThat(saved.language()).isEqualTo("pt-BR");
            assertThat(saved.monthlyBudget()).isEqualTo(12.5);
            assertThat(saved.keyStored()).isTrue();
        }
    }

    @Test
    void refusesABadAddressPlainHttpWithAKeyAndABadBudgetInPlainWords(FxRobot robot) throws Exception {
        vault.put(AiSettings.KEY_SECRET, "sk-or-v1-kept");
        showAiSettings(robot);
        TextField model = robot.lookup("#settings-ai-model").query();
        FxTestSupport.waitFor(() -> !model.getText().isEmpty());

        robot.clickOn("#settings-ai-local");
        replace(robot, "#settings-ai-endpoint", "my ollama box");
        robot.clickOn("#settings-ai-save");
        FxTestSupport.waitFor(() -> message(robot).getText().contains("is not a web address"), message(robot)::getText);

        replace(robot, "#settings-ai-endpoint", "http://192.168.1.20:11434/v1");
        robot.clickOn("#settings-ai-save");
        FxTestSupport.waitFor(() -> message(robot).getText().contains("unencrypted"), message(robot)::getText);

        robot.clickOn("#settings-ai-openrouter");
        replace(robot, "#settings-ai-budget", "lots");
        robot.clickOn("#settings-ai-save");
        FxTestSupport.waitFor(() -> message(robot).getText().contains("'lots' is not an amount"),
                message(robot)::getText);
        assertThat(app.services().aiSetup().endpoint()).as("nothing bad was kept").contains("openrouter.ai");

        robot.clickOn("#settings-ai-forget-key");
        Label keyState = robot.lookup("#settings-ai-key-state").query();
        FxTestSupport.waitFor(() -> keyState.getText().equals("No key is stored."), message(robot)::getText);
        assertThat(vault.get(AiSettings.KEY_SECRET)).isEmpty();
    }

    @Test
    void theDestinationEditorSetsTheAltTextModeAndTheReview(FxRobot robot) throws Exception {
        robot.interact(() -> app.view().show(Page.DESTINATIONS));
        FxTestSupport.waitFor(() -> robot.lookup("site  ·  folder").tryQuery().isPresent());
        robot.clickOn("site  ·  folder");
        ComboBox<AltMode> mode = robot.lookup("#destination-alt-mode").query();
        FxTestSupport.waitFor(() -> mode.getValue() == AltMode.OFF);
        robot.interact(() -> mode.setValue(AltMode.AI));
        robot.clickOn("#destination-alt-review");
        robot.clickOn("#destination-save");
        Label message = robot.lookup("#destination-message").query();
        FxTestSupport.waitFor(() -> message.getText().contains("Saved"), message::getText);

        assertThat(app.services().altTextSetup("site")).isEqualTo(new AltTextSetup(AltMode.AI, true));
        snap(robot, "destination-alt-text");
    }

    private void snap(FxRobot robot, String name) throws Exception {
        FxTestSupport.snapThemes(robot, app.view(), app.ctx().theme(), Path.of("target/ai-settings-screens"), name);
    }
}
