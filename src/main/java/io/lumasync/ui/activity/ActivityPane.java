package io.lumasync.ui.activity;

import io.lumasync.store.ActivityEvent;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.FramedPane;
import io.lumasync.ui.common.Fx;
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
        kind.setTooltip(new Tooltip("Show one kind of event"));
        TextField search = new TextField();
        search.setId("activity-search");
        search.setPromptText("Filter by file, source, destination or message");
        search.textProperty().bindBidirectional(vm.text);
        search.setPrefColumnCount(28);
        CheckBox failed = new CheckBox("Failures only");
        failed.setId("activity-failed-only");
        failed.selectedProperty().bindBidirectional(vm.failedOnly);
        Button refresh = Fx.button("activity-refresh", "_Refresh", "Load the latest events", vm::refresh);
        Button export = Fx.button("activity-export", "_Export CSV…", "Save the events shown as a CSV file",
                () -> ctx.windows().chooseSaveFile("Export activity", "lumasync-activity.csv").ifPresent(vm::exportCsv));

        TableView<ActivityEvent> table = new TableView<>(vm.visible());
        table.setId("activity-table");
        table.getColumns().addAll(List.of(
                Fx.column("Time", e -> Texts.time(e.time()), 150),
                Fx.column("Kind", ActivityEvent::kind, 70),
                Fx.column("Image", ActivityEvent::asset, 180),
                Fx.column("Source", ActivityEvent::source, 100),
                Fx.column("Destination", ActivityEvent::destination, 110),
                Fx.column("Message", ActivityEvent::message, 360)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Fx.emptyState("activity-empty", "No activity yet",
                "Every image synced, skipped or failed is listed here with its reason. Publish something first.",
                Fx.button("activity-empty-upload", "Go to _Upload", "Drop photos to publish them",
                        () -> ctx.windows().showPage("upload")),
                Fx.button("activity-empty-browse", "Go to _Browse", "Sync images of a source",
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
        frame(new VBox(10, Fx.title("Activity"), Fx.row(kind, search, failed, Fx.spacer(), refresh, export)),
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
