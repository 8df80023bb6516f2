package io.lumasync.ui.sources;

import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.common.AdapterEditor;
import io.lumasync.ui.common.AdapterTypeInfo;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Intervals;
import io.lumasync.ui.common.PaneView;
import io.lumasync.ui.common.StatusCell;
import io.lumasync.ui.common.Texts;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sources: where images come from, where each one publishes to, and its autosync mode. */
public final class SourcesPane implements PaneView {
    private final SourcesViewModel vm;
    private final AppContext ctx;
    private final AdapterEditor editor;
    private final ListView<SourceInfo> list = new ListView<>();
    private final FlowPane destinationBoxes = new FlowPane(12, 6);
    private final CheckBox watch = new CheckBox("Watch for changes (sync as soon as files change)");
    private final ComboBox<String> interval = new ComboBox<>();
    private final CheckBox propagateDeletes = new CheckBox("Remove published copies when a file is deleted here");
    private final BorderPane root = new BorderPane();
    private List<String> ticked = List.of();

    public SourcesPane(AppContext ctx) {
        this.ctx = ctx;
        this.vm = new SourcesViewModel(ctx.services(), ctx.tasks());
        vm.passphrase().askWith(ctx.windows(), vm::usePassphrase, vm::declinePassphrase);
        interval.setId("source-interval");
        interval.getItems().add("Off");
        interval.getItems().addAll(Intervals.labels());
        interval.setValue("Off");
        interval.setTooltip(new Tooltip("How often autosync checks this source"));
        watch.setId("source-watch");
        propagateDeletes.setId("source-propagate-deletes");
        destinationBoxes.setId("source-destinations");
        VBox extras = new VBox(10, new Label("Publish to"), destinationBoxes, watch,
                Fx.row(new Label("Check every"), interval), propagateDeletes);
        TitledPane sync = new TitledPane("Sync", extras);
        sync.setCollapsible(false);
        this.editor = new AdapterEditor(AdapterTypeInfo.sources(), ctx.windows(), sync);

        list.setId("source-list");
        list.setPlaceholder(Fx.emptyState("sources-empty", "No sources yet",
                "A source is where your images live: an export folder, Dropbox, Google Drive or a custom API. "
                        + "Choose its type in the form, tick where it publishes to, and press Save; Browse then shows "
                        + "its images.",
                Fx.button("sources-empty-add", "Add a _source", "Start a new source in the form",
                        editor::startNew)));
        list.setItems(vm.sources());
        list.setCellFactory(v -> new StatusCell<>(SourceInfo::name, SourceInfo::typeId,
                s -> "→ " + String.join(", ", s.destinations()) + " · autosync " + (s.watch() ? "watching"
                        : Texts.interval(s.interval())), s -> Optional.empty()));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                editor.edit(s.name(), s.typeId(), s.settings());
                ticked = s.destinations();
                watch.setSelected(s.watch());
                interval.setValue(Texts.interval(s.interval()));
                propagateDeletes.setSelected(s.propagateDeletes());
                fillDestinations();
            }
        });
        vm.destinationNames().addListener((javafx.collections.ListChangeListener<String>) c -> fillDestinations());

        Button add = Fx.button("source-add", "_Add", "Add a new source", this::startNew);
        Button remove = Fx.button("source-remove", "_Remove", "Remove the selected source", this::remove);
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        VBox left = new VBox(8, list, Fx.row(add, remove));
        VBox.setVgrow(list, Priority.ALWAYS);

        Button save = Fx.button("source-save", "_Save", "Save this source", this::save);
        Label message = new Label();
        message.setId("source-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.failedProperty().addListener((o, a, bad) -> message.getStyleClass().setAll(bad ? "text-danger" : "label"));
        VBox right = new VBox(10, editor.view(), Fx.row(save), message);
        VBox.setVgrow(right.getChildren().getFirst(), Priority.ALWAYS);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.32);
        root.setTop(new VBox(4, Fx.title("Sources"),
                Fx.muted("Folders and accounts Lumasync reads images from, and where each one publishes.")));
        root.setCenter(split);
        root.setPadding(new Insets(16));
        BorderPane.setMargin(split, new Insets(12, 0, 0, 0));
        editor.startNew();
    }

    private void fillDestinations() {
        destinationBoxes.getChildren().clear();
        for (String d : vm.destinationNames()) {
            CheckBox b = new CheckBox(d);
            b.setId("source-dest-" + d);
            b.setSelected(ticked.contains(d) || (ticked.isEmpty() && vm.destinationNames().size() == 1));
            destinationBoxes.getChildren().add(b);
        }
        if (vm.destinationNames().isEmpty()) {
            destinationBoxes.getChildren().add(Fx.muted("Add a destination first (Destinations pane)."));
        }
    }

    private void startNew() {
        list.getSelectionModel().clearSelection();
        editor.startNew();
        ticked = List.of();
        watch.setSelected(false);
        interval.setValue("Off");
        propagateDeletes.setSelected(false);
        fillDestinations();
    }

    private void save() {
        List<String> problems = editor.problems(vm.names());
        if (!problems.isEmpty()) {
            vm.failedProperty().set(true);
            vm.messageProperty().set(String.join(" ", problems));
            return;
        }
        List<String> dests = new ArrayList<>();
        destinationBoxes.getChildren().forEach(n -> {
            if (n instanceof CheckBox b && b.isSelected()) {
                dests.add(b.getText());
            }
        });
        var form = editor.form().orElseThrow();
        SourceInfo editing = list.getSelectionModel().getSelectedItem();
        SourceInfo base = editing != null ? editing
                : SourceInfo.of(editor.name(), editor.type().orElseThrow().id(), form.settings(), dests);
        vm.save(new SourceInfo(editor.name(), editor.type().orElseThrow().id(), form.settings(), dests, base.encode(),
                watch.isSelected(), Intervals.parse(interval.getValue()), propagateDeletes.isSelected(),
                base.deleteShare(), base.lastRunAt(), base.lastError()), form.secrets());
    }

    private void remove() {
        SourceInfo s = list.getSelectionModel().getSelectedItem();
        if (s != null && ctx.windows().confirm("Remove \"" + s.name() + "\"?",
                "Lumasync stops reading this source. Images already published stay where they are.")) {
            vm.remove(s.name());
            startNew();
        }
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        vm.refresh();
    }
}
