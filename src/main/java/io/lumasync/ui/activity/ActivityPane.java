package io.lumasync.ui.activity;

import io.lumasync.store.ActivityEvent;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.FramedPane;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Texts;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import java.util.List;

/** Activity: what happened to which image, filterable, with details and CSV export. */
public final class ActivityPane extends FramedPane {
    private final ActivityViewModel vm;

    public ActivityPane(AppContext ctx) {
        vm = new ActivityViewModel(ctx.services(), ctx.tasks());
        ComboBox<String> kind = new ComboBox<>();
        kind.setId("activity-kind");
        kind.getItems().setAll(ActivityViewModel.ALL, "synced", "skipped", "failed", "retried", "info");
        kind.valueProperty().bindBidirectional(vm.kind);
        kind.setTooltip(new Tooltip(Messages.get("activity.kind.tooltip")));
        TextField search = new TextField();
        search.setId("activity-search");
        search.setPromptText(Messages.get("activity.filter.prompt"));
        search.textProperty().bindBidirectional(vm.text);
        search.setPrefColumnCount(28);
        CheckBox failed = new CheckBox(Messages.get("activity.failuresOnly"));
        failed.setId("activity-failed-only");
        failed.selectedProperty().bindBidirectional(vm.failedOnly);
        Button refresh = Fx.button("activity-refresh", Messages.get("activity.refresh"),
                Messages.get("activity.refresh.tooltip"), vm::refresh);
        Button export = Fx.button("activity-export", Messages.get("activity.export"), Messages.get("activity.export.tooltip"),
                () -> ctx.windows().chooseSaveFile(Messages.get("activity.export.title"), "lumasync-activity.csv")
                        .ifPresent(vm::exportCsv));

        TableView<ActivityEvent> table = new TableView<>(vm.visible());
        table.setId("activity-table");
        table.getColumns().addAll(List.of(
                Fx.column(Messages.get("activity.column.time"), e -> Texts.time(e.time()), 150),
                Fx.column(Messages.get("activity.column.kind"), ActivityEvent::kind, 70),
                Fx.column(Messages.get("activity.column.image"), ActivityEvent::asset, 180),
                Fx.column(Messages.get("activity.column.source"), ActivityEvent::source, 100),
                Fx.column(Messages.get("activity.column.destination"), ActivityEvent::destination, 110),
                Fx.column(Messages.get("activity.column.message"), ActivityEvent::message, 360)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Fx.emptyState("activity-empty", Messages.get("activity.empty.title"),
                Messages.get("activity.empty.text"),
                Fx.button("activity-empty-upload", Messages.get("activity.goUpload"), Messages.get("activity.goUpload.tooltip"),
                        () -> ctx.windows().showPage("upload")),
                Fx.button("activity-empty-browse", Messages.get("activity.goBrowse"), Messages.get("activity.goBrowse.tooltip"),
                        () -> ctx.windows().showPage("browse"))));
        TextArea detail = new TextArea();
        detail.setId("activity-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) ->
                detail.setText(e == null ? "" : ActivityViewModel.describe(e)));
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        frame(new VBox(10, Fx.title(Messages.get("activity.title")), Fx.row(kind, search, failed, Fx.spacer(), refresh, export)),
                split, Fx.status("activity-message", vm.message), new Insets(10, 0, 6, 0));
    }

    @Override
    public void shown() {
        vm.refresh();
    }

    ActivityViewModel viewModel() {
        return vm;
    }
}
