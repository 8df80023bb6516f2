package io.lumasync.ui.optimize;

import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
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
        dest.setTooltip(new Tooltip(Messages.get("optimize.destination.tooltip")));
        Button load = Fx.button("optimize-load", Messages.get("optimize.load"),
                Messages.get("optimize.load.tooltip"), () -> vm.load(1));
        Button prev = Fx.button("optimize-prev", "◀", Messages.get("optimize.prev.tooltip"), () -> vm.load(vm.page.get() - 1));
        prev.disableProperty().bind(vm.page.lessThanOrEqualTo(1));
        Button next = Fx.button("optimize-next", "▶", Messages.get("optimize.next.tooltip"), () -> vm.load(vm.page.get() + 1));
        next.disableProperty().bind(vm.lastPage);
        Label page = new Label();
        page.textProperty().bind(vm.page.map(p -> Messages.get("optimize.page", p)));
        Button all = Fx.button("optimize-select-all", Messages.get("optimize.selectAll"),
                Messages.get("optimize.selectAll.tooltip"), vm::selectAll);

        TableView<OptimizeViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("optimize-table");
        table.setEditable(true);
        TableColumn<OptimizeViewModel.Row, Boolean> tick = new TableColumn<>("");
        tick.setCellValueFactory(d -> d.getValue().selectedProperty());
        tick.setCellFactory(CheckBoxTableCell.forTableColumn(tick));
        tick.setEditable(true);
        tick.setPrefWidth(36);
        TableColumn<OptimizeViewModel.Row, String> result = new TableColumn<>(Messages.get("optimize.column.result"));
        result.setCellValueFactory(d -> d.getValue().result);
        result.setPrefWidth(220);
        table.getColumns().addAll(List.of(tick,
                Fx.column(Messages.get("optimize.column.image"), r -> r.asset().fileName(), 200),
                Fx.column(Messages.get("optimize.column.format"),
                        r -> r.asset().mimeType().replace("image/", "").toUpperCase(java.util.Locale.ROOT), 70),
                Fx.column(Messages.get("optimize.column.size"), r -> Texts.bytes(r.asset().size()), 80),
                Fx.column(Messages.get("optimize.column.dimensions"),
                        r -> r.asset().width() > 0 ? r.asset().width() + "×" + r.asset().height() : "—", 90),
                Fx.column(Messages.get("optimize.column.modern"),
                        r -> r.modern() ? Messages.get("optimize.modern") : "", 100),
                result));
        table.setPlaceholder(Fx.muted(Messages.get("optimize.empty")));

        Button previewButton = Fx.button("optimize-preview", Messages.get("optimize.preview"),
                Messages.get("optimize.preview.tooltip"),
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
        HBox sides = new HBox(8, new VBox(4, new Label(Messages.get("optimize.before")), left),
                new VBox(4, new Label(Messages.get("optimize.after")), right));
        sides.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        VBox.setVgrow(left, Priority.ALWAYS);
        VBox.setVgrow(right, Priority.ALWAYS);
        zoom.setId("optimize-zoom");
        zoom.setTooltip(new Tooltip(Messages.get("optimize.zoom.tooltip")));
        Label previewText = new Label();
        previewText.setId("optimize-preview-text");
        previewText.setWrapText(true);
        previewText.textProperty().bind(vm.previewText);
        VBox previewBox = new VBox(8, Fx.row(previewButton, new Label(Messages.get("optimize.zoom")), zoom), sides, previewText);
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
        quality.setTooltip(new Tooltip(Messages.get("optimize.quality.tooltip")));
        Spinner<Integer> max = new Spinner<>(0, 20000, vm.maxSize.get(), 256);
        max.setId("optimize-max-size");
        max.setEditable(true);
        max.setPrefWidth(100);
        max.valueProperty().addListener((o, a, v) -> vm.maxSize.set(v));
        max.setTooltip(new Tooltip(Messages.get("optimize.maxSize.tooltip")));
        Button go = Fx.button("optimize-run", Messages.get("optimize.run"),
                Messages.get("optimize.run.tooltip"), vm::optimizeSelected);
        go.getStyleClass().add("accent");
        go.disableProperty().bind(vm.running);
        Button rollback = Fx.button("optimize-rollback", Messages.get("optimize.rollback"),
                Messages.get("optimize.rollback.tooltip"), vm::rollback);
        rollback.disableProperty().bind(vm.running);
        ProgressBar bar = new ProgressBar();
        bar.setId("optimize-progress");
        bar.progressProperty().bind(vm.progress);
        Label message = new Label();
        message.setId("optimize-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.message);
        HBox actions = Fx.row(new Label(Messages.get("optimize.quality")), quality,
                new Label(Messages.get("optimize.maxSize")), max, go, rollback, Fx.spacer(), bar);
        actions.getStyleClass().add("sync-bar");

        SplitPane split = new SplitPane(table, previewBox);
        split.setDividerPositions(0.55);
        root.setTop(new VBox(8, Fx.title(Messages.get("optimize.title")), Fx.muted(Messages.get("optimize.subtitle")),
                Fx.row(dest, load, prev, page, next, Fx.spacer(), all)));
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
