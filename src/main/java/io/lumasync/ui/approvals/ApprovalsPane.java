package io.lumasync.ui.approvals;

import io.lumasync.store.Approval;
import io.lumasync.sync.Governance;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.FramedPane;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Texts;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;

/** Approvals: what waits for a yes before it is published, with a preview and the planned action. */
public final class ApprovalsPane extends FramedPane {
    private static final double THUMB = 72;
    private final ApprovalsViewModel vm;

    public ApprovalsPane(AppContext ctx) {
        vm = new ApprovalsViewModel(ctx.services(), ctx.tasks());
        TableView<Approval> table = new TableView<>(vm.items);
        table.setId("approvals-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<Approval, String> preview = new TableColumn<>(Messages.get("approvals.column.preview"));
        preview.setPrefWidth(THUMB + 16);
        preview.setSortable(false);
        preview.setCellFactory(c -> new TableCell<>() {
            private final ImageView view = new ImageView();

            {
                view.setFitWidth(THUMB);
                view.setFitHeight(THUMB);
                view.setPreserveRatio(true);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                view.setImage(null);
                Approval a = empty ? null : getTableRow().getItem();
                if (a == null || a.job().localPath().isEmpty()) {
                    setGraphic(null);
                    return;
                }
                setGraphic(view);
                Path file = Path.of(a.job().localPath().get());
                ctx.thumbnails().load(file, img -> {
                    if (getTableRow() != null && getTableRow().getItem() == a) {
                        view.setImage(img);
                    }
                });
            }
        });
        table.getColumns().add(preview);
        table.getColumns().addAll(List.of(
                Fx.column(Messages.get("approvals.column.image"), a -> a.job().assetName(), 170),
                Fx.column(Messages.get("approvals.column.action"), a -> Governance.planned(a.job()), 200),
                Fx.column(Messages.get("approvals.column.group"), Approval::group, 90),
                Fx.column(Messages.get("approvals.column.source"), a -> a.job().source(), 90),
                Fx.column(Messages.get("approvals.column.size"), a -> Texts.bytes(a.job().fingerprint().size()), 80),
                Fx.column(Messages.get("approvals.column.queued"), a -> Texts.time(a.createdAt()), 140),
                Fx.column(Messages.get("approvals.column.state"), a -> a.state()
                        + (a.note().isEmpty() ? "" : ": " + a.note()), 200)));
        table.setFixedCellSize(THUMB + 8);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Fx.emptyState("approvals-empty", Messages.get("approvals.empty.title"),
                Messages.get("approvals.empty.text")));
        Button approve = Fx.button("approvals-approve", Messages.get("approvals.approve"),
                Messages.get("approvals.approve.tooltip"), () -> vm.approve(List.copyOf(table.getSelectionModel()
                        .getSelectedItems())));
        Button approveAll = Fx.button("approvals-approve-all", Messages.get("approvals.approveAll"),
                Messages.get("approvals.approveAll.tooltip"), () -> vm.approve(List.copyOf(vm.items)));
        approve.disableProperty().bind(vm.busy);
        approveAll.disableProperty().bind(vm.busy);
        TextField reason = new TextField();
        reason.setId("approvals-reason");
        reason.setPromptText(Messages.get("approvals.reason.prompt"));
        reason.textProperty().bindBidirectional(vm.reason);
        reason.setPrefColumnCount(22);
        Button reject = Fx.button("approvals-reject", Messages.get("approvals.reject"),
                Messages.get("approvals.reject.tooltip"), () -> vm.reject(List.copyOf(table.getSelectionModel()
                        .getSelectedItems())));
        CheckBox decided = new CheckBox(Messages.get("approvals.showDecided"));
        decided.setId("approvals-show-decided");
        decided.selectedProperty().bindBidirectional(vm.showDecided);
        Button refresh = Fx.button("approvals-refresh", Messages.get("approvals.refresh"),
                Messages.get("approvals.refresh.tooltip"), vm::refresh);
        frame(new VBox(10, Fx.title(Messages.get("approvals.title")),
                        Fx.row(approve, approveAll, reason, reject, Fx.spacer(), decided, refresh)),
                table, Fx.status("approvals-message", vm.message), new Insets(10, 0, 6, 0));
    }

    @Override
    public void shown() {
        vm.refresh();
    }

    ApprovalsViewModel viewModel() {
        return vm;
    }
}
