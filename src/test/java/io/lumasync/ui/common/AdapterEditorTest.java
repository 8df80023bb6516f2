package io.lumasync.ui.common;

import io.lumasync.core.AdapterType;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.ui.FxTestSupport;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor both adapter panes share, built straight from the registered types. */
@ExtendWith(ApplicationExtension.class)
class AdapterEditorTest {
    static {
        FxTestSupport.headless();
    }

    private final List<? extends AdapterType<?>> types = DestinationTypes.all();
    private AdapterEditor editor;

    @Start
    void start(Stage stage) {
        editor = new AdapterEditor(types, new Windows(stage, new ThemeManager(), null, () -> null));
        stage.setScene(new Scene(new StackPane(editor.view()), 600, 500));
        stage.show();
        editor.startNew();
    }

    /** What the closed type box shows: its own cell, not one of its list's. */
    private static String shown(FxRobot robot) {
        ComboBox<?> type = robot.lookup("#adapter-type").query();
        return robot.lookup("#adapter-type").lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getParent() == type).findFirst().orElseThrow().getText();
    }

    @Test
    void offersEveryTypeByItsNameAndStartsWithTheFirst(FxRobot robot) {
        ComboBox<AdapterType<?>> type = robot.lookup("#adapter-type").query();
        assertThat(type.getItems()).containsExactlyElementsOf(types);
        assertThat(shown(robot)).isEqualTo(types.getFirst().displayName());
        assertThat(type.getItems().stream().map(t -> type.getConverter().toString(t)))
                .containsExactlyElementsOf(types.stream().map(AdapterType::displayName).toList());
        assertThat(editor.type()).contains(types.getFirst());
    }

    @Test
    void editingShowsTheSavedTypeAndSettingsAndKeepsNameAndTypeFixed(FxRobot robot) {
        // The last type whose first field is typed text (a secret is never shown back, a choice is no text field).
        AdapterType<?> last = types.stream().filter(t -> switch (t.fields().getFirst().kind()) {
            case TEXT, URL, PATH, NUMBER -> true;
            default -> false;
        }).reduce((a, b) -> b).orElseThrow();
        String key = last.fields().getFirst().key();
        robot.interact(() -> editor.edit("blog", last.id(), Map.of(key, "kept")));
        ComboBox<AdapterType<?>> type = robot.lookup("#adapter-type").query();
        assertThat(type.getValue()).isEqualTo(last);
        assertThat(shown(robot)).isEqualTo(last.displayName());
        assertThat(type.isDisabled()).isTrue();
        assertThat(robot.lookup("#adapter-name").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#field-" + key).queryAs(TextField.class).getText()).isEqualTo("kept");
        assertThat(editor.problems(List.of("blog"))).as("its own name is not taken").noneMatch(p -> p.contains("already used"));
    }
}
