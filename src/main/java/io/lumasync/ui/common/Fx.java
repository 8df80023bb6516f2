package io.lumasync.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** Tiny builders that keep the views short and consistent (ids for tests, tooltips for everyone). */
public final class Fx {
    private Fx() {
    }

    /** A button with a mnemonic-capable text ("_Sync"), an id and a tooltip. */
    public static Button button(String id, String text, String tooltip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        if (!text.matches(".*\\p{L}.*")) {
            // An icon such as "▶" means nothing read aloud: a screen reader says what the tooltip says.
            b.setAccessibleText(tooltip);
        }
        return b;
    }

    public static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("title-3", "pane-title");
        return l;
    }

    public static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        return l;
    }

    /**
     * What an empty list, table or pane shows instead of nothing: what it is for, and the buttons that fill it.
     * Used as a placeholder, so it disappears by itself once there is something to show.
     */
    public static VBox emptyState(String id, String title, String text, Button... actions) {
        Label heading = new Label(title);
        heading.getStyleClass().add("title-4");
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(460);
        VBox box = new VBox(10, heading, body);
        if (actions.length > 0) {
            actions[0].getStyleClass().add("accent");
            box.getChildren().add(row(actions));
        }
        box.setId(id);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setMaxSize(500, Region.USE_PREF_SIZE);
        box.getStyleClass().add("empty-state");
        return box;
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** A read-only table column showing one text per row. */
    public static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    /** The status line under a pane's content, showing {@code text} as it changes. */
    public static Label status(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    public static HBox row(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }
}
