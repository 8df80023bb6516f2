package io.lumasync.ui.common;

import io.lumasync.sync.ConfiguredAdapter;
import io.lumasync.ui.common.engine.AppServices;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * The state the Destinations and Sources panes share: the saved adapters of one family, the last message (and
 * whether it reports a failure), whether a change is under way, and the passphrase asked for before a password is
 * saved where it would not last. All engine calls go through {@link Tasks}.
 */
public abstract class AdapterListViewModel<T extends ConfiguredAdapter> {
    protected final AppServices services;
    protected final Tasks tasks;
    private final String family;
    private final Callable<List<T>> load;
    private final Remover remove;
    private final UnaryOperator<String> removed;
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final PassphraseGate passphrase;

    /** Forgets one saved adapter in the engine (blocks). */
    @FunctionalInterface
    protected interface Remover {
        void remove(String name) throws Exception;
    }

    /**
     * @param family  the word the task names use: "destination", "source"
     * @param load    reads the saved adapters of this family from the engine (blocks)
     * @param remove  forgets one of them in the engine (blocks)
     * @param removed what the user reads once one is removed, saying what stays behind
     */
    protected AdapterListViewModel(AppServices services, Tasks tasks, String family, Callable<List<T>> load,
                                   Remover remove, UnaryOperator<String> removed) {
        this.services = services;
        this.tasks = tasks;
        this.family = family;
        this.load = load;
        this.remove = remove;
        this.removed = removed;
        this.passphrase = new PassphraseGate(services, tasks);
    }

    public void refresh() {
        tasks.run("list " + family + "s", load, items::setAll, this::fail);
    }

    /**
     * Runs {@code save} behind the passphrase gate when {@code secrets} holds a password, then shows the saved list
     * and {@code done}.
     */
    protected void save(String name, Map<String, String> secrets, Tasks.ThrowingRunnable save, String done) {
        busy.set(true);
        passphrase.guard(!secrets.isEmpty(), () -> change("save " + family + " " + name, save, done), this::fail);
    }

    public void remove(String name) {
        busy.set(true);
        change("remove " + family + " " + name, () -> remove.remove(name), removed.apply(name));
    }

    private void change(String taskName, Tasks.ThrowingRunnable change, String done) {
        Callable<List<T>> work = () -> {
            change.run();
            return load.call();
        };
        tasks.run(taskName, work, list -> {
            items.setAll(list);
            ok(done);
        }, this::fail);
    }

    /** The passphrase asked for by {@link #passphrase()}; the waiting save then runs. */
    public void usePassphrase(char[] typed) {
        passphrase.answer(typed, this::fail);
    }

    /** No passphrase given: nothing is saved, and the reason is said. */
    public void declinePassphrase() {
        passphrase.cancel();
        refuse(Messages.get("common.passphrase.notSaved"));
    }

    public PassphraseGate passphrase() {
        return passphrase;
    }

    protected void ok(String text) {
        busy.set(false);
        failed.set(false);
        message.set(text);
    }

    /** Shows why a change was not made, without running it. */
    public void refuse(String why) {
        busy.set(false);
        failed.set(true);
        message.set(why);
    }

    protected void fail(Throwable e) {
        refuse(Texts.error(e));
    }

    public List<String> names() {
        return items.stream().map(ConfiguredAdapter::name).toList();
    }

    public ObservableList<T> items() {
        return items;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
