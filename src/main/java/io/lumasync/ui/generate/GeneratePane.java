package io.lumasync.ui.generate;

import io.lumasync.store.Generations.Generation;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.FramedPane;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * Generate: an image from a prompt with an AI image model, shown as a preview with its cost before Compress &amp;
 * Sync publishes it; below, the image's versions (time, prompt, model, cost) with Rollback.
 */
public final class GeneratePane extends FramedPane {
    private final GenerateViewModel vm;
    private final FlowPane destinationBoxes = new FlowPane(10, 6);

    public GeneratePane(AppContext ctx) {
        vm = new GenerateViewModel(ctx.services(), ctx.tasks());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("generate-progress");
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(vm.busy);
        HBox top = Fx.row(Fx.title(Messages.get("generate.title")), Fx.spacer(), progress);
        VBox body = new VBox(10, new HBox(16, form(ctx), previewBox()), historyTable());
        VBox.setVgrow(body.getChildren().getLast(), Priority.ALWAYS);
        frame(top, body, Fx.status("generate-message", vm.message), new Insets(10, 0, 6, 0));
        vm.destinations.addListener((ListChangeListener<String>) c -> destinationChecks());
        vm.chosen.addListener((ListChangeListener<String>) c -> destinationChecks());
    }

    private GridPane form(AppContext ctx) {
        TextArea prompt = new TextArea();
        prompt.setId("generate-prompt");
        prompt.setWrapText(true);
        prompt.setPrefRowCount(3);
        prompt.setPromptText(Messages.get("generate.prompt.hint"));
        prompt.textProperty().bindBidirectional(vm.prompt);
        TextField name = new TextField();
        name.setId("generate-name");
        name.setPromptText(Messages.get("generate.name.hint"));
        name.textProperty().bindBidirectional(vm.name);
        ComboBox<String> model = new ComboBox<>(vm.models);
        model.setId("generate-model");
        model.setEditable(true);
        model.setMaxWidth(Double.MAX_VALUE);
        model.setPromptText(Messages.get("generate.model.hint"));
        model.valueProperty().bindBidirectional(vm.model);
        ComboBox<String> ratio = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                GenerateViewModel.RATIOS));
        ratio.setId("generate-ratio");
        ratio.valueProperty().bindBidirectional(vm.ratio);
        Label reference = new Label();
        reference.setId("generate-reference");
        reference.textProperty().bind(Bindings.createStringBinding(() -> vm.reference.get() == null
                ? Messages.get("generate.reference.none") : vm.reference.get().getFileName().toString(),
                vm.reference));
        Button chooseReference = Fx.button("generate-reference-choose", Messages.get("generate.reference.choose"),
                Messages.get("generate.reference.choose.tooltip"), () -> ctx.windows().chooseImages().stream()
                        .findFirst().ifPresent(vm.reference::set));
        Button clearReference = Fx.button("generate-reference-clear", Messages.get("generate.reference.clear"),
                Messages.get("generate.reference.clear.tooltip"), () -> vm.reference.set(null));
        clearReference.disableProperty().bind(vm.reference.isNull());
        Button generate = Fx.button("generate-run", Messages.get("generate.run"),
                Messages.get("generate.run.tooltip"), vm::generate);
        generate.setDefaultButton(true);
        generate.disableProperty().bind(vm.busy.or(vm.prompt.isEmpty()));
        Button publish = Fx.button("generate-publish", Messages.get("generate.publish"),
                Messages.get("generate.publish.tooltip"), vm::publish);
        publish.disableProperty().bind(vm.busy.or(vm.current.isNull()));

        GridPane g = new GridPane(10, 8);
        g.setId("generate-form");
        int row = 0;
        g.addRow(row++, new Label(Messages.get("generate.prompt")), prompt);
        g.addRow(row++, new Label(Messages.get("generate.name")), name);
        g.addRow(row++, new Label(Messages.get("generate.model")), model);
        g.addRow(row++, new Label(Messages.get("generate.ratio")), ratio);
        HBox referenceRow = new HBox(8, reference, chooseReference, clearReference);
        referenceRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        g.addRow(row++, new Label(Messages.get("generate.reference")), referenceRow);
        g.addRow(row++, new Label(Messages.get("generate.destinations")), destinationBoxes);
        g.addRow(row, new Label(), new HBox(8, generate, publish));
        g.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(javafx.scene.layout.Region
                .USE_PREF_SIZE, javafx.scene.layout.Region.USE_COMPUTED_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE),
                new javafx.scene.layout.ColumnConstraints());
        GridPane.setHgrow(prompt, Priority.ALWAYS);
        HBox.setHgrow(g, Priority.ALWAYS);
        return g;
    }

    private VBox previewBox() {
        ImageView image = new ImageView();
        image.setId("generate-preview");
        image.setFitWidth(320);
        image.setFitHeight(240);
        image.setPreserveRatio(true);
        image.imageProperty().bind(Bindings.createObjectBinding(() -> vm.preview.get() == null ? null
                : new Image(vm.preview.get().toUri().toString(), 320, 240, true, true, true), vm.preview));
        Label cost = new Label();
        cost.setId("generate-cost");
        cost.textProperty().bind(Bindings.createStringBinding(() -> {
            Generation g = vm.current.get();
            return g == null ? Messages.get("generate.preview.none")
                    : Messages.get("generate.preview.caption", g.asset(), g.version(), GenerateViewModel.cost(g),
                    Texts.bytes(g.bytes()));
        }, vm.current));
        cost.setWrapText(true);
        VBox box = new VBox(6, image, cost);
        box.setPrefWidth(330);
        box.setMinWidth(330);
        return box;
    }

    private TableView<Generation> historyTable() {
        TableView<Generation> table = new TableView<>(vm.history);
        table.setId("generate-history");
        TableColumn<Generation, String> rollback = new TableColumn<>(Messages.get("generate.history.do"));
        rollback.setSortable(false);
        rollback.setPrefWidth(110);
        rollback.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Generation g = empty ? null : getTableRow().getItem();
                if (g == null) {
                    setGraphic(null);
                    return;
                }
                Button b = Fx.button("generate-rollback-" + g.version(), g.current()
                        ? Messages.get("generate.history.current") : Messages.get("generate.history.rollback"),
                        Messages.get("generate.history.rollback.tooltip"), () -> vm.rollback(g));
                if (g.current()) {
                    b.setDisable(true);
                } else {
                    b.disableProperty().bind(vm.busy);
                }
                setGraphic(b);
            }
        });
        table.getColumns().addAll(List.of(
                Fx.column(Messages.get("generate.history.version"), g -> "v" + g.version(), 70),
                Fx.column(Messages.get("generate.history.time"), g -> Texts.time(g.createdAt()), 150),
                Fx.column(Messages.get("generate.history.model"), Generation::model, 180),
                Fx.column(Messages.get("generate.history.cost"), GenerateViewModel::cost, 80),
                Fx.column(Messages.get("generate.history.prompt"), Generation::prompt, 300)));
        table.getColumns().add(rollback);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Fx.emptyState("generate-history-empty", Messages.get("generate.history.empty.title"),
                Messages.get("generate.history.empty.text")));
        return table;
    }

    private void destinationChecks() {
        destinationBoxes.getChildren().clear();
        if (vm.destinations.isEmpty()) {
            destinationBoxes.getChildren().add(Fx.muted(Messages.get("generate.destinations.none")));
            return;
        }
        for (String d : vm.destinations) {
            CheckBox box = new CheckBox(d);
            box.setId("generate-to-" + d);
            box.setSelected(vm.chosen.contains(d));
            box.selectedProperty().addListener((o, was, now) -> {
                if (now && !vm.chosen.contains(d)) {
                    vm.chosen.add(d);
                } else if (!now) {
                    vm.chosen.remove(d);
                }
            });
            destinationBoxes.getChildren().add(box);
        }
    }

    @Override
    public void shown() {
        vm.refresh();
    }

    GenerateViewModel viewModel() {
        return vm;
    }
}
