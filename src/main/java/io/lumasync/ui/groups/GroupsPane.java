package io.lumasync.ui.groups;

import io.lumasync.store.GroupRecord;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.FramedPane;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Groups: destinations bundled under one name, with the rules items sent to them must meet. */
public final class GroupsPane extends FramedPane {
    private final GroupsViewModel vm;
    private final FlowPane destinations = new FlowPane(10, 6);

    public GroupsPane(AppContext ctx) {
        vm = new GroupsViewModel(ctx.services(), ctx.tasks());
        ListView<GroupRecord> list = new ListView<>(vm.groups);
        list.setId("groups-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(GroupRecord g, boolean empty) {
                super.updateItem(g, empty);
                setText(empty || g == null ? null : g.name() + "  (" + String.join(", ", g.destinations()) + ")");
            }
        });
        list.setPlaceholder(Fx.emptyState("groups-empty", Messages.get("groups.empty.title"),
                Messages.get("groups.empty.text")));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> {
            if (g != null) {
                vm.edit(g);
            }
        });
        vm.destinationNames.addListener((ListChangeListener<String>) c -> fillDestinations());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int row = 0;
        form.addRow(row++, new Label(Messages.get("groups.name")), field("groups-name", vm.name, ""));
        form.addRow(row++, new Label(Messages.get("groups.destinations")), destinations);
        FlowPane formats = new FlowPane(10, 6);
        vm.formats.forEach((f, p) -> {
            CheckBox b = new CheckBox(f);
            b.setId("groups-format-" + f.toLowerCase(java.util.Locale.ROOT));
            b.selectedProperty().bindBidirectional(p);
            formats.getChildren().add(b);
        });
        form.addRow(row++, new Label(Messages.get("groups.formats")), formats);
        form.addRow(row++, new Label(Messages.get("groups.maxFileSize")), field("groups-max-size", vm.maxFileSize, "2MB"));
        form.addRow(row++, new Label(Messages.get("groups.minWidth")), field("groups-min-width", vm.minWidth, "3840"));
        form.addRow(row++, new Label(Messages.get("groups.minHeight")), field("groups-min-height", vm.minHeight, "2160"));
        form.addRow(row++, new Label(Messages.get("groups.sources")), field("groups-sources", vm.sources,
                Messages.get("groups.sources.prompt")));
        form.addRow(row++, new Label(Messages.get("groups.folder")), field("groups-folder", vm.folder, "clients/acme"));
        form.add(check("groups-always-compress", Messages.get("groups.alwaysCompress"), vm.alwaysCompress), 1, row++);
        form.add(check("groups-autosync", Messages.get("groups.autosync"), vm.autosync), 1, row++);
        form.add(check("groups-approval", Messages.get("groups.approval"), vm.approval), 1, row++);
        Button save = Fx.button("groups-save", Messages.get("groups.save"), Messages.get("groups.save.tooltip"), vm::save);
        Button remove = Fx.button("groups-remove", Messages.get("groups.remove"), Messages.get("groups.remove.tooltip"),
                vm::remove);
        Button fresh = Fx.button("groups-new", Messages.get("groups.new"), Messages.get("groups.new.tooltip"), () -> {
            list.getSelectionModel().clearSelection();
            vm.edit(null);
        });
        form.add(Fx.row(save, remove, fresh), 1, row);
        ScrollPane editor = new ScrollPane(new VBox(10, Fx.muted(Messages.get("groups.help")), form));
        editor.setFitToWidth(true);
        editor.setPadding(new Insets(0, 0, 0, 10));
        SplitPane split = new SplitPane(list, editor);
        split.setDividerPositions(0.3);
        frame(new VBox(10, Fx.title(Messages.get("groups.title"))), split, Fx.status("groups-message", vm.message),
                new Insets(10, 0, 6, 0));
    }

    private void fillDestinations() {
        destinations.getChildren().clear();
        for (String d : vm.destinationNames) {
            CheckBox b = new CheckBox(d);
            b.setId("groups-destination-" + d);
            b.selectedProperty().bindBidirectional(vm.members.get(d));
            destinations.getChildren().add(b);
        }
    }

    private static TextField field(String id, StringProperty p, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private static CheckBox check(String id, String text, javafx.beans.property.BooleanProperty p) {
        CheckBox b = new CheckBox(text);
        b.setId(id);
        b.selectedProperty().bindBidirectional(p);
        return b;
    }

    @Override
    public void shown() {
        vm.refresh();
    }

    GroupsViewModel viewModel() {
        return vm;
    }
}
