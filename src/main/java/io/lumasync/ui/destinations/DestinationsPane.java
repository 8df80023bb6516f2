package io.lumasync.ui.destinations;

import io.lumasync.sync.DestinationInfo;
import io.lumasync.ui.common.AdapterEditor;
import io.lumasync.ui.common.AdapterTypeInfo;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.PaneView;
import io.lumasync.ui.common.StatusCell;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/** Destinations: a list with status and last error, and a form generated from the destination type. */
public final class DestinationsPane implements PaneView {
    private final DestinationsViewModel vm;
    private final AppContext ctx;
    private final AdapterEditor editor;
    private final ListView<DestinationInfo> list = new ListView<>();
    private final BorderPane root = new BorderPane();

    public DestinationsPane(AppContext ctx) {
        this.ctx = ctx;
        this.vm = new DestinationsViewModel(ctx.services(), ctx.tasks());
        this.editor = new AdapterEditor(AdapterTypeInfo.destinations(), ctx.windows(), new Region());
        vm.passphrase().askWith(ctx.windows(), vm::usePassphrase, vm::declinePassphrase);
        list.setId("destination-list");
        list.setItems(vm.destinations());
        list.setCellFactory(v -> new StatusCell<>(DestinationInfo::name, DestinationInfo::typeId,
                DestinationInfo::status, DestinationInfo::lastError));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null) {
                editor.edit(d.name(), d.typeId(), d.settings());
            }
        });
        list.setPlaceholder(Fx.emptyState("destinations-empty", "No destinations yet",
                "A destination is where Lumasync publishes: a folder, a WordPress site, S3-compatible storage or a "
                        + "webhook. Fill in the form on the right and press Save; WordPress can be approved on the "
                        + "site's own page with its Connect button.",
                Fx.button("destinations-empty-add", "Add a _destination", "Start a new destination in the form",
                        this::startNew)));
        Button add = Fx.button("destination-add", "_Add", "Add a new destination", this::startNew);
        Button remove = Fx.button("destination-remove", "_Remove", "Remove the selected destination", this::remove);
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        VBox left = new VBox(8, list, Fx.row(add, remove));
        VBox.setVgrow(list, Priority.ALWAYS);

        Button save = Fx.button("destination-save", "_Save", "Save these settings (secrets go to the keychain)",
                this::save);
        Button test = Fx.button("destination-test", "_Test", "Connect and check what this destination accepts",
                () -> vm.test(editor.name()));
        test.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        save.disableProperty().bind(vm.busyProperty());
        Label message = new Label();
        message.setId("destination-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.failedProperty().addListener((o, a, bad) -> message.getStyleClass().setAll(bad ? "text-danger" : "label"));
        VBox right = new VBox(10, editor.view(), Fx.row(save, test), message);
        VBox.setVgrow(right.getChildren().getFirst(), Priority.ALWAYS);

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.32);
        root.setTop(new VBox(4, Fx.title("Destinations"),
                Fx.muted("Where Lumasync publishes images. Passwords and keys are kept in the system keychain.")));
        root.setCenter(split);
        root.setPadding(new Insets(16));
        BorderPane.setMargin(split, new Insets(12, 0, 0, 0));
        editor.startNew();
    }

    private void startNew() {
        list.getSelectionModel().clearSelection();
        editor.startNew();
    }

    private void save() {
        List<String> problems = editor.problems(vm.names());
        if (!problems.isEmpty()) {
            vm.failedProperty().set(true);
            vm.messageProperty().set(String.join(" ", problems));
            return;
        }
        var form = editor.form().orElseThrow();
        vm.save(editor.name(), editor.type().orElseThrow().id(), form.settings(), form.secrets());
    }

    private void remove() {
        DestinationInfo d = list.getSelectionModel().getSelectedItem();
        if (d != null && ctx.windows().confirm("Remove \"" + d.name() + "\"?",
                "Lumasync forgets this destination and its keychain entries. Files already published stay where they are.")) {
            vm.remove(d.name());
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

    DestinationsViewModel viewModel() {
        return vm;
    }
}
