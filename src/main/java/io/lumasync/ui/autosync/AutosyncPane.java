package io.lumasync.ui.autosync;

import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.FramedPane;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Intervals;
import io.lumasync.ui.common.Messages;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

import java.util.ArrayList;
import java.util.List;

/** Autosync: on/off, pause, run now, and how often each source is checked. */
public final class AutosyncPane extends FramedPane {
    private final AutosyncViewModel vm;

    public AutosyncPane(AppContext ctx) {
        vm = new AutosyncViewModel(ctx.services(), ctx.tasks());
        ToggleSwitch on = new ToggleSwitch(Messages.get("autosync.switch"));
        on.setId("autosync-enabled");
        on.selectedProperty().bindBidirectional(vm.enabled);
        Button pause = Fx.button("autosync-pause", Messages.get("autosync.pause"), Messages.get("autosync.pause.tooltip"),
                vm::togglePause);
        pause.textProperty().bind(vm.paused.map(p -> Messages.get(p ? "autosync.resume" : "autosync.pause")));
        Button run = Fx.button("autosync-run-now", Messages.get("autosync.runNow"),
                Messages.get("autosync.runNow.tooltip"), vm::runNow);

        List<String> modes = new ArrayList<>();
        modes.add(Intervals.off());
        modes.add(AutosyncViewModel.watchLabel());
        modes.addAll(Intervals.labels());
        TableView<AutosyncViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("autosync-table");
        table.setEditable(true);
        TableColumn<AutosyncViewModel.Row, String> source = new TableColumn<>(Messages.get("autosync.column.source"));
        source.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().source()));
        source.setPrefWidth(220);
        TableColumn<AutosyncViewModel.Row, String> mode = new TableColumn<>(Messages.get("autosync.column.when"));
        mode.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().mode()));
        mode.setCellFactory(ComboBoxTableCell.forTableColumn(modes.toArray(String[]::new)));
        mode.setOnEditCommit(e -> vm.setMode(e.getRowValue().source(), e.getNewValue()));
        mode.setPrefWidth(180);
        TableColumn<AutosyncViewModel.Row, String> next = new TableColumn<>(Messages.get("autosync.column.next"));
        next.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().nextRun()));
        next.setPrefWidth(200);
        table.getColumns().addAll(List.of(source, mode, next));
        table.setPlaceholder(Fx.emptyState("autosync-empty", Messages.get("autosync.empty.title"),
                Messages.get("autosync.empty.text"),
                Fx.button("autosync-empty-add", Messages.get("autosync.addSource"), Messages.get("autosync.addSource.tooltip"),
                        () -> ctx.windows().showPage("sources"))));

        Label last = new Label();
        last.setId("autosync-last");
        last.textProperty().bind(vm.lastRun);
        frame(new VBox(10, Fx.title(Messages.get("autosync.title")),
                        Fx.muted(Messages.get("autosync.subtitle")),
                        Fx.row(on, Fx.spacer(), pause, run)),
                table, new VBox(4, last, Fx.status("autosync-message", vm.message)), new Insets(10, 0, 8, 0));
    }

    @Override
    public void shown() {
        vm.refresh();
    }

    AutosyncViewModel viewModel() {
        return vm;
    }
}
