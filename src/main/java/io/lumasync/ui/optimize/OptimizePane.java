package io.lumasync.ui.optimize;

import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.PaneView;
import io.lumasync.ui.common.Texts;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.io.ByteArrayInputStream;
import java.util.List;

/** Optimize: the destination's media library, a before/after preview, and in-place recompression with rollback. */
public final class OptimizePane implements PaneView {
    private final OptimizeViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ImageView before = new ImageView();
    private final ImageView after = new ImageView();
    private final Slider zoom = new Slider(0.1, 4, 1);

    public OptimizePane(AppContext ctx) {
        vm = new OptimizeViewModel(ctx.services(), ctx.tasks());
        ComboBox<String> dest = new ComboBox<>(vm.destinations());
        dest.setId("optimize-destination");
        dest.valueProperty().bindBidirectional(vm.destination);
        dest.setTooltip(new Tooltip("The destination whose images to optimize"));
        Button load = Fx.button("optimize-load", "_Load", "List the destination's images", () -> vm.load(1));
        Button prev = Fx.button("optimize-prev", "◀", "Previous page", () -> vm.load(vm.page.get() - 1));
        prev.disableProperty().bind(vm.page.lessThanOrEqualTo(1));
        Button next = Fx.button("optimize-next", "▶", "Next page", () -> vm.load(vm.page.get() + 1));
        next.disableProperty().bind(vm.lastPage);
        Label page = new Label();
        page.textProperty().bind(vm.page.asString("Page %d"));
        Button all = Fx.button("optimize-select-all", "Select _All",
                "Tick every image that is not WebP or AVIF already", vm::selectAll);

        TableView<OptimizeViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("optimize-table");
        table.setEditable(true);
        TableColumn<OptimizeViewModel.Row, Boolean> tick = new TableColumn<>("");
        tick.setCellValueFactory(d -> d.getValue().selectedProperty());
        tick.setCellFactory(CheckBoxTableCell.forTableColumn(tick));
        tick.setEditable(true);
        tick.setPrefWidth(36);
        TableColumn<OptimizeViewModel.Row, String> result = new TableColumn<>("Result");
        result.setCellValueFactory(d -> d.getValue().result);
        result.setPrefWidth(220);
        table.getColumns().addAll(List.of(tick,
                Fx.column("Image", r -> r.asset().fileName(), 200),
                Fx.column("Format", r -> r.asset().mimeType().replace("image/", "").toUpperCase(java.util.Locale.ROOT), 70),
                Fx.column("Size", r -> Texts.bytes(r.asset().size()), 80),
                Fx.column("Dimensions", r -> r.asset().width() > 0 ? r.asset().width() + "×" + r.asset().height() : "—", 90),
                Fx.column("Modern", r -> r.modern() ? "already modern" : "", 100),
                result));
        table.setPlaceholder(Fx.muted("Choose a destination and press Load."));

        Button previewButton = Fx.button("optimize-preview", "_Preview", "Compare the selected image before and after",
                () -> vm.preview(table.getSelectionModel().getSelectedItem()));
        for (ImageView v : List.of(before, after)) {
            v.setPreserveRatio(true);
            v.fitWidthProperty().bind(zoom.valueProperty().multiply(280));
        }
        ScrollPane left = new ScrollPane(before);
        ScrollPane right = new ScrollPane(after);
        // Synced panning: both sides always show the same part of the image.
        right.hvalueProperty().bindBidirectional(left.hvalueProperty());
        right.vvalueProperty().bindBidirectional(left.vvalueProperty());
        left.getStyleClass().add("preview-box");
        right.getStyleClass().add("preview-box");
        HBox sides = new HBox(8, new VBox(4, new Label("Before"), left), new VBox(4, new Label("After"), right));
        sides.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        VBox.setVgrow(left, Priority.ALWAYS);
        VBox.setVgrow(right, Priority.ALWAYS);
        zoom.setId("optimize-zoom");
        zoom.setTooltip(new Tooltip("Zoom both sides together"));
        Label previewText = new Label();
        previewText.setId("optimize-preview-text");
        previewText.setWrapText(true);
        previewText.textProperty().bind(vm.previewText);
        VBox previewBox = new VBox(8, Fx.row(previewButton, new Label("Zoom"), zoom), sides, previewText);
        VBox.setVgrow(sides, Priority.ALWAYS);
        vm.preview.addListener((o, a, p) -> {
            before.setImage(p == null ? null : new Image(new ByteArrayInputStream(p.before())));
            after.setImage(p == null ? null : new Image(new ByteArrayInputStream(p.after())));
        });

        Slider quality = new Slider(30, 100, 80);
        quality.setId("optimize-quality");
        quality.setShowTickLabels(true);
        quality.setMajorTickUnit(10);
        quality.setPrefWidth(180);
        quality.valueProperty().addListener((o, a, v) -> vm.quality.set(v.intValue()));
        quality.setTooltip(new Tooltip("Encoder quality: lower is smaller"));
        Spinner<Integer> max = new Spinner<>(0, 20000, vm.maxSize.get(), 256);
        max.setId("optimize-max-size");
        max.setEditable(true);
        max.setPrefWidth(100);
        max.valueProperty().addListener((o, a, v) -> vm.maxSize.set(v));
        max.setTooltip(new Tooltip("Longest edge in pixels (0 = keep)"));
        Button go = Fx.button("optimize-run", "_Optimize Selected",
                "Back up, recompress and replace the ticked images in place", vm::optimizeSelected);
        go.getStyleClass().add("accent");
        go.disableProperty().bind(vm.running);
        Button rollback = Fx.button("optimize-rollback", "_Rollback", "Put the backed-up originals back", vm::rollback);
        rollback.disableProperty().bind(vm.running);
        ProgressBar bar = new ProgressBar();
        bar.setId("optimize-progress");
        bar.progressProperty().bind(vm.progress);
        Label message = new Label();
        message.setId("optimize-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.message);
        HBox actions = Fx.row(new Label("Quality"), quality, new Label("Max size"), max, go, rollback, Fx.spacer(), bar);
        actions.getStyleClass().add("sync-bar");

        SplitPane split = new SplitPane(table, previewBox);
        split.setDividerPositions(0.55);
        root.setTop(new VBox(8, Fx.title("Optimize"), Fx.muted("Recompress images already published. Each original "
                + "is saved on this computer first; Rollback puts it back."), Fx.row(dest, load, prev, page, next,
                Fx.spacer(), all)));
        root.setCenter(split);
        root.setBottom(new VBox(4, message, actions));
        BorderPane.setMargin(split, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(16, 16, 8, 16));
    }


    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        vm.refreshDestinations();
    }

    OptimizeViewModel viewModel() {
        return vm;
    }
}
