package io.lumasync.ui.upload;

import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.Thumbnails;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/** One queued file: thumbnail, name and size, alt text, progress, result and link. */
final class UploadCell extends ListCell<UploadItem> {
    private final Thumbnails thumbnails;
    private final ImageView thumb = new ImageView();
    private final Label name = new Label();
    private final TextField alt = new TextField();
    private final ProgressBar progress = new ProgressBar();
    private final Label result = new Label();
    private final Hyperlink link = new Hyperlink(Messages.get("upload.open"));
    private final HBox row;
    private UploadItem bound;

    UploadCell(Thumbnails thumbnails, Consumer<String> open) {
        this.thumbnails = thumbnails;
        StackPane frame = Thumbnails.rowFrame(thumb);
        name.getStyleClass().add("text-bold");
        alt.setPromptText(Messages.get("upload.alt.prompt"));
        alt.setTooltip(new Tooltip(Messages.get("upload.alt.tooltip")));
        result.setWrapText(true);
        progress.setPrefWidth(140);
        link.setOnAction(e -> open.accept(bound == null ? "" : bound.urlProperty().get()));
        VBox text = new VBox(4, name, alt, new HBox(8, progress, result, link));
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(10, frame, text);
        row.getStyleClass().add("upload-row");
    }

    @Override
    protected void updateItem(UploadItem item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) {
            alt.textProperty().unbindBidirectional(bound.altTextProperty());
            progress.progressProperty().unbind();
            result.textProperty().unbind();
            link.visibleProperty().unbind();
        }
        bound = empty ? null : item;
        if (bound == null) {
            setGraphic(null);
            return;
        }
        name.setText(item.name() + "   " + Texts.bytes(item.size()));
        thumb.setAccessibleText(Messages.get("upload.preview", item.name()));
        alt.setAccessibleText(Messages.get("upload.alt.for", item.name()));
        link.setAccessibleText(Messages.get("upload.open.for", item.name()));
        alt.textProperty().bindBidirectional(item.altTextProperty());
        alt.setId("alt-" + item.name().replaceAll("[^A-Za-z0-9_-]", "_"));
        progress.progressProperty().bind(item.progressProperty());
        result.textProperty().bind(item.resultProperty());
        link.visibleProperty().bind(Bindings.isNotEmpty(item.urlProperty()));
        thumb.setImage(null);
        UploadItem expected = item;
        thumbnails.load(item.file(), img -> {
            if (bound == expected) {
                thumb.setImage(img);
            }
        });
        setGraphic(row);
    }
}
