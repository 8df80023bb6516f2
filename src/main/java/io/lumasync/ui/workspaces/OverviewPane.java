package io.lumasync.ui.workspaces;

import io.lumasync.sync.WorkspaceSummary;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Texts;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * "All workspaces": per open workspace, what it has published, its destinations, the bytes compression saved, its
 * last activity and its failures of the last week. Opening a row switches the window to that workspace.
 */
public final class OverviewPane {
    private final BorderPane root = new BorderPane();

    public OverviewPane(WorkspacesViewModel vm) {
        root.setId("workspaces-overview");
        root.setPadding(new Insets(16));
        TableView<WorkspaceSummary> table = new TableView<>(vm.overview());
        table.setId("overview-table");
        TableColumn<WorkspaceSummary, String> name = Fx.column(Messages.get("workspaces.column.name"),
                s -> s.workspace().name(), 200);
        table.getColumns().addAll(List.of(name,
                Fx.column(Messages.get("workspaces.column.published"), s -> s.problem().isPresent() ? ""
                        : Long.toString(s.assetsPublished()), 90),
                Fx.column(Messages.get("workspaces.column.destinations"), s -> s.problem().isPresent() ? ""
                        : Integer.toString(s.destinations()), 90),
                Fx.column(Messages.get("workspaces.column.saved"), s -> s.problem().isPresent() ? ""
                        : Texts.bytes(s.bytesSaved()), 90),
                Fx.column(Messages.get("workspaces.column.last"), s -> s.lastActivity().map(Texts::time)
                        .orElse(Messages.get("workspaces.never")), 150),
                Fx.column(Messages.get("workspaces.column.errors"), s -> s.problem()
                        .orElse(Integer.toString(s.errors())), 200)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<WorkspaceSummary> row = new TableRow<>() {
                @Override
                protected void updateItem(WorkspaceSummary s, boolean empty) {
                    super.updateItem(s, empty);
                    setStyle(empty || s == null ? "" : "-fx-border-color: transparent transparent transparent "
                            + s.workspace().accent() + "; -fx-border-width: 0 0 0 4;");
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.switchTo(row.getItem().workspace());
                }
            });
            return row;
        });
        Button open = Fx.button("overview-open", Messages.get("workspaces.open"), Messages.get("workspaces.open.tooltip"),
                () -> {
                    WorkspaceSummary s = table.getSelectionModel().getSelectedItem();
                    if (s != null) {
                        vm.switchTo(s.workspace());
                    }
                });
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button refresh = Fx.button("overview-refresh", Messages.get("workspaces.refresh"),
                Messages.get("workspaces.refresh.tooltip"), vm::loadOverview);
        VBox header = new VBox(4, Fx.title(Messages.get("workspaces.all")),
                Fx.muted(Messages.get("workspaces.overview.text")));
        root.setTop(header);
        root.setCenter(table);
        BorderPane.setMargin(table, new Insets(12, 0, 12, 0));
        root.setBottom(Fx.row(open, refresh));
        vm.loadOverview();
    }

    public Node view() {
        return root;
    }
}
