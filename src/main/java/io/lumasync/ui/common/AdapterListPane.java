package io.lumasync.ui.common;

import io.lumasync.core.AdapterType;
import io.lumasync.sync.ConfiguredAdapter;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Optional;

/**
 * The pane Destinations and Sources share: the saved adapters of one family on the left with their state, and on
 * the right the form generated from the chosen type, Save beside the family's own buttons, and the last message.
 * A family adds only what is its own: how a row reads, extra settings below the form, and what Save sends.
 *
 * @param <T> the saved adapter as the engine reports it
 * @param <M> the family's view-model
 */
public abstract class AdapterListPane<T extends ConfiguredAdapter, M extends AdapterListViewModel<T>>
        extends FramedPane {
    protected final AppContext ctx;
    protected final M vm;
    protected final AdapterEditor editor;
    private final ListView<T> list = new ListView<>();
    private final HBox actions;
    private final Words words;

    /**
     * The words that differ between families; ids and the rest of the labels derive from {@code family}
     * ("destination" gives #destination-list, #destination-save, "No destinations yet"…).
     */
    public record Words(String family, String title, String subtitle, String emptyTitle, String emptyText,
                        String addFirst, String addFirstTip, String addTip, String removeTip, String saveTip,
                        String removeWarning) {
    }

    // The cell factory calls the subclass's cell() only later, when the list first draws a row.
    @SuppressWarnings("this-escape")
    protected AdapterListPane(AppContext ctx, M vm, List<? extends AdapterType<?>> types, Words words) {
        this.ctx = ctx;
        this.vm = vm;
        this.words = words;
        this.editor = new AdapterEditor(types, ctx.windows());
        String f = words.family();
        vm.passphrase().askWith(ctx.windows(), vm::usePassphrase, vm::declinePassphrase);
        list.setId(f + "-list");
        list.setItems(vm.items());
        list.setCellFactory(v -> cell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null) {
                editor.edit(item.name(), item.typeId(), item.settings());
                selected(item);
            }
        });
        list.setPlaceholder(Fx.emptyState(f + "s-empty", words.emptyTitle(), words.emptyText(),
                Fx.button(f + "s-empty-add", words.addFirst(), words.addFirstTip(), this::startNew)));
        Button add = Fx.button(f + "-add", Messages.get("common.add"), words.addTip(), this::startNew);
        Button remove = Fx.button(f + "-remove", Messages.get("common.remove"), words.removeTip(), this::remove);
        remove.disableProperty().bind(nothingSelected());
        VBox left = new VBox(8, list, Fx.row(add, remove));
        VBox.setVgrow(list, Priority.ALWAYS);

        Button save = Fx.button(f + "-save", Messages.get("common.save"), words.saveTip(), this::save);
        save.disableProperty().bind(vm.busyProperty());
        actions = Fx.row(save);
        Label message = Fx.status(f + "-message", vm.messageProperty());
        vm.failedProperty().addListener((o, a, bad) -> message.getStyleClass().setAll(bad ? "text-danger" : "label"));
        VBox right = new VBox(10, editor.view(), actions, message);
        VBox.setVgrow(right.getChildren().getFirst(), Priority.ALWAYS);

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.32);
        frame(new VBox(4, Fx.title(words.title()), Fx.muted(words.subtitle())), split, null,
                new Insets(12, 0, 0, 0));
        editor.startNew();
    }

    /** How one saved adapter reads in the list. */
    protected abstract ListCell<T> cell();

    /** Sends the checked form to the engine through the view-model. */
    protected abstract void save(String name, AdapterType<?> type, ConfigForm form);

    /** Shows the family's own settings of {@code item}, chosen in the list. */
    protected void selected(T item) {
    }

    /** Resets the family's own settings for a new adapter. */
    protected void cleared() {
    }

    /** A button of the family's own, after Save. */
    protected final void action(Button button) {
        actions.getChildren().add(button);
    }

    protected final BooleanBinding nothingSelected() {
        return list.getSelectionModel().selectedItemProperty().isNull();
    }

    protected final Optional<T> selection() {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    protected final void startNew() {
        list.getSelectionModel().clearSelection();
        editor.startNew();
        cleared();
    }

    private void save() {
        List<String> problems = editor.problems(vm.names());
        if (!problems.isEmpty()) {
            vm.refuse(String.join(" ", problems));
            return;
        }
        save(editor.name(), editor.type().orElseThrow(), editor.form().orElseThrow());
    }

    private void remove() {
        selection().ifPresent(item -> {
            if (ctx.windows().confirm(Messages.get("common.remove.confirm", item.name()), words.removeWarning())) {
                vm.remove(item.name());
                startNew();
            }
        });
    }

    @Override
    public void shown() {
        vm.refresh();
    }
}
