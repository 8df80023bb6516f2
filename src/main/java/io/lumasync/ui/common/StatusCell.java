package io.lumasync.ui.common;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import java.util.Optional;
import java.util.function.Function;

/** A list cell for a configured adapter: name and type, status, and the last error in red. */
public final class StatusCell<T> extends ListCell<T> {
    private final Function<T, String> name;
    private final Function<T, String> type;
    private final Function<T, String> status;
    private final Function<T, Optional<String>> error;

    public StatusCell(Function<T, String> name, Function<T, String> type, Function<T, String> status,
                      Function<T, Optional<String>> error) {
        this.name = name;
        this.type = type;
        this.status = status;
        this.error = error;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            return;
        }
        Label title = new Label(name.apply(item) + "  ·  " + type.apply(item));
        title.getStyleClass().add("text-bold");
        Label st = new Label(status.apply(item));
        st.getStyleClass().add("text-muted");
        VBox box = new VBox(2, title, st);
        error.apply(item).ifPresent(e -> {
            Label err = new Label(e);
            err.getStyleClass().add("text-danger");
            err.setWrapText(true);
            err.setMaxWidth(280);
            box.getChildren().add(err);
            setTooltip(new Tooltip(e));
        });
        setText(null);
        setGraphic(box);
    }
}
