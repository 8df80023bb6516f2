package io.lumasync.ui.sources;

import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.common.PassphraseGate;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.AppServices;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;

/** State of the Sources pane. */
public final class SourcesViewModel {
    private final AppServices services;
    private final Tasks tasks;
    private final ObservableList<SourceInfo> sources = FXCollections.observableArrayList();
    private final ObservableList<String> destinationNames = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty();

    private final PassphraseGate passphrase;

    public SourcesViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
        this.passphrase = new PassphraseGate(services, tasks);
    }

    record Lists(List<SourceInfo> sources, List<DestinationInfo> destinations) {
    }

    public void refresh() {
        tasks.run("list sources", () -> new Lists(services.sources(), services.destinations()), l -> {
            sources.setAll(l.sources());
            destinationNames.setAll(l.destinations().stream().map(DestinationInfo::name).toList());
        }, this::fail);
    }

    public void save(SourceInfo info, Map<String, String> secrets) {
        if (info.destinations().isEmpty()) {
            failed.set(true);
            message.set("Tick at least one destination for \"" + info.name() + "\" to publish to.");
            return;
        }
        passphrase.guard(!secrets.isEmpty(), () -> store(info, secrets), this::fail);
    }

    /** The passphrase asked for by {@link #passphrase()}; the waiting save then runs. */
    public void usePassphrase(char[] typed) {
        passphrase.answer(typed, this::fail);
    }

    /** No passphrase given: nothing is saved, and the reason is said. */
    public void declinePassphrase() {
        passphrase.cancel();
        failed.set(true);
        message.set(PassphraseGate.NOT_SAVED);
    }

    public PassphraseGate passphrase() {
        return passphrase;
    }

    private void store(SourceInfo info, Map<String, String> secrets) {
        tasks.run("save source " + info.name(), () -> {
            services.addSource(info, secrets);
            return services.sources();
        }, list -> {
            sources.setAll(list);
            failed.set(false);
            message.set("Saved \"" + info.name() + "\". Its images appear in Browse.");
        }, this::fail);
    }

    public void remove(String name) {
        tasks.run("remove source " + name, () -> {
            services.removeSource(name);
            return services.sources();
        }, list -> {
            sources.setAll(list);
            failed.set(false);
            message.set("Removed \"" + name + "\". Images already published stay where they are.");
        }, this::fail);
    }

    private void fail(Throwable e) {
        failed.set(true);
        message.set(Texts.error(e));
    }

    public List<String> names() {
        return sources.stream().map(SourceInfo::name).toList();
    }

    public ObservableList<SourceInfo> sources() {
        return sources;
    }

    public ObservableList<String> destinationNames() {
        return destinationNames;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }
}
