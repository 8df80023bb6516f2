package io.lumasync.ui;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.OutputFormat;
import io.lumasync.sync.AltTextEntry;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.Suggestion;
import io.lumasync.sync.SyncListener;
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

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Suggestions pane on the real engine: images pushed without alt text show a "missing alt text" suggestion that
 * Dismiss hides, a changed source image shows one whose Do it button syncs it, and an alt text written by hand in
 * the review below is kept as the image's own ("By hand"). Captures go to target/suggestions-screens.
 */
@ExtendWith(ApplicationExtension.class)
class SuggestionsPaneTest {
    static {
        FxTestSupport.headless();
    }

    private static final EncodeSettings ORIGINAL = EncodeSettings.defaults().withFormat(OutputFormat.ORIGINAL);

    @TempDir
    Path dir;
    private RealEngineApp app;
    private Path photos;

    @AfterEach
    void close() {
        app.services().close();
    }

    @Start
    void start(Stage stage) throws Exception {
        photos = Files.createDirectories(dir.resolve("photos"));
        Path site = Files.createDirectories(dir.resolve("site"));
        app = RealEngineApp.start(stage, dir, services ->
                services.addDestination("site", "folder", Map.of("path", site.toString()), Map.of()));
    }

    private Path image(String name, Color a, Color b) throws Exception {
        return TestImages.write(photos.resolve(name), 320, 240, a, b);
    }

    private TableView<Suggestion> suggestions(FxRobot robot) {
        return robot.lookup("#suggestions-table").query();
    }

    private static List<Suggestion> of(TableView<Suggestion> table, Suggestion.Kind kind) {
        return table.getItems().stream().filter(s -> s.kind() == kind).toList();
    }

    @Test
    void anEmptyEngineSaysThereIsNothingToSuggest(FxRobot robot) {
        robot.interact(() -> app.view().show(Page.SUGGESTIONS));
        Label message = robot.lookup("#suggestions-message").query();
        FxTestSupport.waitFor(() -> message.getText().equals("Nothing to suggest right now"));
        assertThat(suggestions(robot).getItems()).isEmpty();
        assertThat(robot.lookup("#suggestions-empty").tryQuery()).isPresent();
        assertThat(robot.lookup("#alt-empty").tryQuery()).isPresent();
    }

    @Test
    void anImagePushedWithoutAltTextIsSuggestedAndDismissHidesIt(FxRobot robot) throws Exception {
        Path beach = image("beach.png", new Color(30, 110, 190), new Color(240, 200, 90));
        app.services().push(Map.of(beach, AssetMetadata.EMPTY), List.of("site"), ORIGINAL, false, SyncListener.NONE);

        robot.interact(() -> app.view().show(Page.SUGGESTIONS));
        TableView<Suggestion> table = suggestions(robot);
        FxTestSupport.waitFor(() -> !of(table, Suggestion.Kind.MISSING_ALT_TEXT).isEmpty());
        Suggestion missing = of(table, Suggestion.Kind.MISSING_ALT_TEXT).getFirst();
        assertThat(missing.title()).contains("1 image(s) at 'site' have no alt text");
        assertThat(missing.evidence()).contains("beach.png");
        assertThat(robot.lookup("#suggestion-act-" + missing.id()).queryButton().isDisabled())
                .as("missing alt text is written by hand, not by a sync").isTrue();
        snap(robot, "suggestions");

        robot.clickOn("#suggestion-dismiss-" + missing.id());
        FxTestSupport.waitFor(() -> of(table, Suggestion.Kind.MISSING_ALT_TEXT).isEmpty());
        Label message = robot.lookup("#suggestions-message").query();
        assertThat(message.getText()).startsWith("Dismissed: 1 image(s) at 'site'");
        assertThat(app.services().suggestions()).noneMatch(s -> s.id().equals(missing.id()));
    }

    @Test
    void aChangedSourceImageIsSyncedByDoIt(FxRobot robot) throws Exception {
        Path harbour = image("harbour.png", new Color(20, 60, 90), new Color(200, 220, 230));
        app.services().addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()),
                List.of("site")), Map.of());
        app.services().syncSources(List.of("photos"), false, false, SyncListener.NONE);
        image("harbour.png", new Color(90, 20, 20), new Color(230, 200, 200));
        Files.setLastModifiedTime(harbour, FileTime.from(Instant.now().plusSeconds(60)));

        robot.interact(() -> app.view().show(Page.SUGGESTIONS));
        TableView<Suggestion> table = suggestions(robot);
        FxTestSupport.waitFor(() -> !of(table, Suggestion.Kind.SOURCE_CHANGED).isEmpty());
        Suggestion changed = of(table, Suggestion.Kind.SOURCE_CHANGED).getFirst();
        assertThat(changed.evidence()).contains("harbour.png");

        javafx.scene.control.Button act = robot.lookup("#suggestion-act-" + changed.id()).queryButton();
        assertThat(act.isDisabled()).isFalse();
        robot.clickOn(act);
        Label message = robot.lookup("#suggestions-message").query();
        for (int i = 0; i < 150 && !message.getText().startsWith("Done:"); i++) {
            Thread.sleep(100);
        }
        assertThat(message.getText()).startsWith("Done:");
        FxTestSupport.waitFor(() -> of(table, Suggestion.Kind.SOURCE_CHANGED).isEmpty());
        assertThat(app.services().suggestions()).noneMatch(s -> s.kind() == Suggestion.Kind.SOURCE_CHANGED);
    }

    @Test
    void anOriginalFarLargerThanNeededIsShownWithItsSizeAndCanBeResized(FxRobot robot) throws Exception {
        Path panorama = TestImages.write(photos.resolve("panorama.jpg"), 4400, 300, new Color(40, 90, 140),
                new Color(230, 190, 120));
        app.services().push(Map.of(panorama, AssetMetadata.EMPTY), List.of("site"), ORIGINAL.withMaxSize(0), false,
                SyncListener.NONE);

        robot.interact(() -> app.view().show(Page.SUGGESTIONS));
        TableView<Suggestion> table = suggestions(robot);
        FxTestSupport.waitFor(() -> !of(table, Suggestion.Kind.LARGER_THAN_NEEDED).isEmpty());
        Suggestion larger = of(table, Suggestion.Kind.LARGER_THAN_NEEDED).getFirst();
        assertThat(larger.evidence()).contains("panorama.jpg (4400×300 px");
        assertThat(robot.lookup("#suggestion-act-" + larger.id()).queryButton().isDisabled())
                .as("Optimize resizes it in place").isFalse();
        assertThat(robot.lookup(".suggestion-title").queryAllAs(javafx.scene.text.Text.class))
                .anySatisfy(t -> assertThat(t.getText()).isEqualTo("1 image(s) at 'site' are much larger than needed"));
        snap(robot, "suggestions-larger");
    }

    @Test
    void anAltTextWrittenInTheReviewIsSentByTheNextSyncAsWrittenByHand(FxRobot robot) throws Exception {
        image("dunes.png", new Color(220, 180, 120), new Color(120, 160, 220));
        image("pier.png", new Color(60, 60, 60), new Color(180, 180, 180));
        app.services().addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()),
                List.of("site")), Map.of());
        app.services().syncSources(List.of("photos"), false, false, SyncListener.NONE);

        robot.interact(() -> app.view().show(Page.SUGGESTIONS));
        TableView<?> alt = robot.lookup("#alt-table").query();
        FxTestSupport.waitFor(() -> alt.getItems().size() == 2);
        int row = names(alt).indexOf("dunes.png");
        robot.interact(() -> alt.getSelectionModel().select(row));
        TextArea editor = robot.lookup("#alt-editor").query();
        robot.clickOn(editor).write("Wind-rippled sand dunes under a pale blue sky");
        robot.clickOn("#alt-save");

        Label message = robot.lookup("#suggestions-message").query();
        FxTestSupport.waitFor(() -> message.getText().startsWith("Saved the alt text of dunes.png"));
        FxTestSupport.waitFor(() -> cell(robot, "Wind-rippled sand dunes under a pale blue sky"));
        assertThat(cell(robot, "By hand, sent at next sync")).isTrue();
        assertThat(app.services().ownAltText("photos", published("dunes.png").assetId()))
                .contains("Wind-rippled sand dunes under a pale blue sky");
        assertThat(published("dunes.png").altText()).as("the destination has it only after the next sync").isEmpty();

        app.services().syncSources(List.of("photos"), false, false, SyncListener.NONE);
        AltTextEntry sent = published("dunes.png");
        assertThat(sent.altText()).isEqualTo("Wind-rippled sand dunes under a pale blue sky");
        assertThat(sent.origin()).isEqualTo("manual");
        assertThat(app.services().altTexts(true)).extracting(AltTextEntry::assetName).containsExactly("pier.png");

        robot.clickOn("#suggestions-refresh");
        FxTestSupport.waitFor(() -> cell(robot, "By hand") && !cell(robot, "By hand, sent at next sync"));
        robot.clickOn("#alt-missing-only");
        FxTestSupport.waitFor(() -> alt.getItems().size() == 1);
        assertThat(names(alt)).containsExactly("pier.png");
    }

    private AltTextEntry published(String name) throws Exception {
        return app.services().altTexts(false).stream().filter(e -> e.assetName().equals(name)).findFirst()
                .orElseThrow();
    }

    /** The image names in the review, read from its cells as the user sees them. */
    private static List<String> names(TableView<?> alt) {
        return alt.getItems().stream().map(r -> alt.getColumns().getFirst().getCellData(alt.getItems().indexOf(r)))
                .map(String::valueOf).toList();
    }

    private static boolean cell(FxRobot robot, String text) {
        return robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && text.equals(c.getText()));
    }

    /** Saves the window, light and dark, to target/suggestions-screens/NAME-light.png and -dark.png. */
    private void snap(FxRobot robot, String name) throws Exception {
        FxTestSupport.snapThemes(robot, app.view(), app.ctx().theme(), Path.of("target/suggestions-screens"), name);
    }
}
