package io.lumasync.ui.suggestions;

import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Thumbnails;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.function.Consumer;

/** One image waiting for its alt text: thumbnail, name and destination, the drafted text to edit, Approve, Skip. */
final class PendingAltCell extends ListCell<PendingAlt> {
    private final Thumbnails thumbnails;
    private final ImageView thumb = new ImageView();
    private final Label name = new Label();
    private final TextField text = new TextField();
    private final Button approve;
    private final Button skip;
    private final HBox row;
    private PendingAlt bound;

    PendingAltCell(Thumbnails thumbnails, ObservableBooleanValue busy, Consumer<PendingAlt> onApprove,
                   Consumer<PendingAlt> onSkip) {
        this.thumbnails = thumbnails;
        StackPane frame = Thumbnails.rowFrame(thumb);
        name.getStyleClass().add("text-bold");
        text.setPromptText(Messages.get("suggestions.pending.prompt"));
        text.setTooltip(new Tooltip(Messages.get("suggestions.pending.text.tooltip")));
        approve = Fx.button("", Messages.get("suggestions.pending.approve"),
                Messages.get("suggestions.pending.approve.tooltip"), () -> onApprove.accept(bound));
        approve.getStyleClass().add("accent");
        skip = Fx.button("", Messages.get("suggestions.pending.skip"), Messages.get("suggestions.pending.skip.tooltip"),
                () -> onSkip.accept(bound));
        approve.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> busy.get() || text.getText() == null || text.getText().isBlank(), busy, text.textProperty()));
        skip.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(busy::get, busy));
        HBox.setHgrow(text, Priority.ALWAYS);
        VBox body = new VBox(4, name, new HBox(8, text, approve, skip));
        HBox.setHgrow(body, Priority.ALWAYS);
        row = new HBox(10, frame, body);
        row.getStyleClass().add("pending-alt-row");
    }

    @Override
    protected void updateItem(PendingAlt item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) {
            text.textProperty().unbindBidirectional(bound.textProperty());
        }
        bound = empty ? null : item;
        if (bound == null) {
            setGraphic(null);
            return;
        }
        String key = "pending-" + item.held().id();
        name.setText(Messages.get("suggestions.pending.row", item.held().assetName(), item.held().destination()));
        text.setId(key + "-text");
        approve.setId(key + "-approve");
        skip.setId(key + "-skip");
        text.setAccessibleText(Messages.get("suggestions.pending.text.for", item.held().assetName()));
        text.textProperty().bindBidirectional(item.textProperty());
        thumb.setImage(null);
        PendingAlt expected = item;
        item.held().localPath().ifPresent(p -> thumbnails.load(Path.of(p), img -> {
            if (bound == expected) {
                thumb.setImage(img);
            }
        }));
        setGraphic(row);
    }
}
