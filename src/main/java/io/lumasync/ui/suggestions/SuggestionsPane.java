package io.lumasync.ui.suggestions;

import io.lumasync.sync.Suggestion;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.FramedPane;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import java.util.List;

/**
 * Suggestions: what Lumasync proposes to fix, each with its reason, a button that does it (where the engine can)
 * and Dismiss; below, new images waiting for their alt text to be approved before they are published, then every
 * published image's alt text with where it came from, editable by hand.
 */
public final class SuggestionsPane extends FramedPane {
    private final SuggestionsViewModel vm;
    private final AppContext ctx;

    public SuggestionsPane(AppContext ctx) {
        this.ctx = ctx;
        vm = new SuggestionsViewModel(ctx.services(), ctx.tasks(),
                uri -> Platform.runLater(() -> ctx.windows().open(uri.toString())));
        Button refresh = Fx.button("suggestions-refresh", Messages.get("suggestions.refresh"),
                Messages.get("suggestions.refresh.tooltip"), vm::refresh);
        SplitPane split = new SplitPane(suggestionsTable(), altReview());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        // "Before publishing" takes room only while images wait for their alt text.
        VBox before = beforePublishing();
        vm.pending.addListener((javafx.collections.ListChangeListener<PendingAlt>) c -> {
            boolean shown = split.getItems().contains(before);
            if (vm.pending.isEmpty() && shown) {
                split.getItems().remove(before);
                split.setDividerPositions(0.5);
            } else if (!vm.pending.isEmpty() && !shown) {
                split.getItems().add(1, before);
                split.setDividerPositions(0.3, 0.68);
            }
        });
        frame(new VBox(10, Fx.row(Fx.title(Messages.get("suggestions.title")), Fx.spacer(), refresh)),
                split, Fx.status("suggestions-message", vm.message), new Insets(10, 0, 6, 0));
    }

    private TableView<Suggestion> suggestionsTable() {
        TableView<Suggestion> table = new TableView<>(vm.suggestions);
        table.setId("suggestions-table");
        TableColumn<Suggestion, String> reason = new TableColumn<>(Messages.get("suggestions.column.reason"));
        reason.setPrefWidth(420);
        reason.setSortable(false);
        reason.setCellFactory(c -> new TableCell<>() {
            private final Text title = text(reason, "suggestion-title");
            private final Text evidence = text(reason, "suggestion-evidence");
            private final Text action = text(reason, "suggestion-action");
            private final VBox box = new VBox(2, title, evidence, action);

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Suggestion s = empty ? null : getTableRow().getItem();
                if (s == null) {
                    setGraphic(null);
                    return;
                }
                title.setText(s.title());
                evidence.setText(s.evidence());
                action.setText(s.action());
                setGraphic(box);
            }
        });
        TableColumn<Suggestion, String> buttons = new TableColumn<>(Messages.get("suggestions.column.do"));
        buttons.setPrefWidth(190);
        buttons.setSortable(false);
        buttons.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Suggestion s = empty ? null : getTableRow().getItem();
                if (s == null) {
                    setGraphic(null);
                    return;
                }
                boolean signIn = s.kind() == Suggestion.Kind.SIGN_IN_EXPIRING;
                Button act = signIn ? Fx.button("suggestion-act-" + s.id(), Messages.get("suggestions.signIn"),
                        Messages.get("suggestions.signIn.tooltip"), () -> vm.signIn(s))
                        : Fx.button("suggestion-act-" + s.id(), Messages.get("suggestions.act"),
                        Messages.get("suggestions.act.tooltip"), () -> vm.act(s));
                if (s.canAct() || signIn) {
                    act.disableProperty().bind(vm.busy);
                } else {
                    act.setDisable(true);
                }
                Button dismiss = Fx.button("suggestion-dismiss-" + s.id(), Messages.get("suggestions.dismiss"),
                        Messages.get("suggestions.dismiss.tooltip"), () -> vm.dismiss(s));
                setGraphic(new HBox(6, act, dismiss));
            }
        });
        TableColumn<Suggestion, String> kind = Fx.column(Messages.get("suggestions.column.kind"),
                SuggestionsViewModel::kind, 130);
        TableColumn<Suggestion, String> target = Fx.column(Messages.get("suggestions.column.target"),
                Suggestion::target, 110);
        for (TableColumn<Suggestion, String> col : List.of(kind, target, buttons)) {
            col.setStyle("-fx-alignment: TOP-LEFT;");
        }
        table.getColumns().addAll(List.of(kind, target));
        table.getColumns().addAll(List.of(reason, buttons));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Fx.emptyState("suggestions-empty", Messages.get("suggestions.empty.title"),
                Messages.get("suggestions.empty.text")));
        return table;
    }

    /** A wrapping text as wide as the column, so a long reason makes its row taller rather than wider. */
    private static Text text(TableColumn<?, ?> column, String styleClass) {
        Text t = new Text();
        t.getStyleClass().addAll("text", styleClass);
        t.wrappingWidthProperty().bind(column.widthProperty().subtract(20));
        return t;
    }

    /** New images held until their alt text is approved: thumbnail, drafted text to edit, Approve, Skip. */
    private VBox beforePublishing() {
        ListView<PendingAlt> list = new ListView<>(vm.pending);
        list.setId("alt-pending");
        list.setCellFactory(l -> new PendingAltCell(ctx.thumbnails(), vm.busy, vm::approve, vm::skip));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setMinHeight(160);
        Button all = Fx.button("alt-approve-all", Messages.get("suggestions.pending.approveAll"),
                Messages.get("suggestions.pending.approveAll.tooltip"), vm::approveAll);
        all.disableProperty().bind(vm.busy.or(javafx.beans.binding.Bindings.isEmpty(vm.pending)));
        Label count = new Label();
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.pending.isEmpty() ? ""
                : Messages.get("suggestions.pending.count", vm.pending.size()), vm.pending));
        return new VBox(8, Fx.row(Fx.title(Messages.get("suggestions.pending.title")), count, Fx.spacer(), all), list);
    }

    private VBox altReview() {
        TableView<AltRow> table = new TableView<>(vm.altTexts);
        table.setId("alt-table");
        table.getColumns().addAll(List.of(
                Fx.column(Messages.get("suggestions.alt.column.image"), r -> r.entry().assetName(), 160),
                Fx.column(Messages.get("suggestions.alt.column.destination"), r -> r.entry().destination(), 110),
                Fx.column(Messages.get("suggestions.alt.column.origin"), SuggestionsViewModel::origin, 130),
                Fx.column(Messages.get("suggestions.alt.column.text"), AltRow::text, 320)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Fx.emptyState("alt-empty", Messages.get("suggestions.alt.empty.title"),
                Messages.get("suggestions.alt.empty.text")));
        VBox.setVgrow(table, Priority.ALWAYS);
        TextArea editor = new TextArea();
        editor.setId("alt-editor");
        editor.setWrapText(true);
        editor.setPrefRowCount(2);
        editor.setPromptText(Messages.get("suggestions.alt.prompt"));
        HBox.setHgrow(editor, Priority.ALWAYS);
        Button save = Fx.button("alt-save", Messages.get("suggestions.alt.save"),
                Messages.get("suggestions.alt.save.tooltip"), () -> {
                    AltRow r = table.getSelectionModel().getSelectedItem();
                    if (r != null) {
                        vm.saveAltText(r.entry(), editor.getText());
                    }
                });
        save.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        editor.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                editor.setText(b == null ? "" : b.text()));
        CheckBox missing = new CheckBox(Messages.get("suggestions.alt.missingOnly"));
        missing.setId("alt-missing-only");
        missing.selectedProperty().bindBidirectional(vm.missingOnly);
        HBox edit = new HBox(8, editor, save);
        return new VBox(8, Fx.row(Fx.title(Messages.get("suggestions.alt.title")), Fx.spacer(), missing), table,
                edit);
    }

    @Override
    public void shown() {
        vm.refresh();
    }

    SuggestionsViewModel viewModel() {
        return vm;
    }
}
