package io.lumasync.ui.destinations;

import io.lumasync.destination.Capabilities;
import io.lumasync.sync.DestinationInfo;
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
import java.util.stream.Collectors;

/** State of the Destinations pane; all engine calls go through {@link Tasks}. */
public final class DestinationsViewModel {
    private final AppServices services;
    private final Tasks tasks;
    private final ObservableList<DestinationInfo> destinations = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final PassphraseGate passphrase;

    public DestinationsViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
        this.passphrase = new PassphraseGate(services, tasks);
    }

    public void refresh() {
        tasks.run("list destinations", services::destinations, destinations::setAll, this::fail);
    }

    public void save(String name, String typeId, Map<String, String> settings, Map<String, String> secrets) {
        busy.set(true);
        passphrase.guard(!secrets.isEmpty(), () -> store(name, typeId, settings, secrets), this::fail);
    }

    /** The passphrase asked for by {@link #passphrase()}; the waiting save then runs. */
    public void usePassphrase(char[] typed) {
        passphrase.answer(typed, this::fail);
    }

    /** No passphrase given: nothing is saved, and the reason is said. */
    public void declinePassphrase() {
        passphrase.cancel();
        busy.set(false);
        failed.set(true);
        message.set(PassphraseGate.NOT_SAVED);
    }

    public PassphraseGate passphrase() {
        return passphrase;
    }

    private void store(String name, String typeId, Map<String, String> settings, Map<String, String> secrets) {
        tasks.run("save destination " + name, () -> {
            services.addDestination(name, typeId, settings, secrets);
            return services.destinations();
        }, list -> {
            destinations.setAll(list);
            ok("Saved \"" + name + "\". Use Test to check that it works.");
        }, this::fail);
    }

    public void test(String name) {
        busy.set(true);
        message.set("Testing \"" + name + "\"…");
        failed.set(false);
        tasks.run("test destination " + name, () -> services.testDestination(name),
                caps -> ok("\"" + name + "\" works. " + describe(caps)), e -> {
                    fail(e);
                    refresh();
                });
    }

    public void remove(String name) {
        busy.set(true);
        tasks.run("remove destination " + name, () -> {
            services.removeDestination(name);
            return services.destinations();
        }, list -> {
            destinations.setAll(list);
            ok("Removed \"" + name + "\" and its keychain entries.");
        }, this::fail);
    }

    static String describe(Capabilities c) {
        String formats = c.formats().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        String replace = switch (c.replace()) {
            case SAME_ID_SAME_URL -> "Updates keep the same address.";
            case SAME_ID_NEW_URL -> "Updates keep the same id; the address may change.";
            case PUT_THEN_REMOVE -> "Updates upload a new file and remove the old one.";
        };
        String notes = c.notes().isEmpty() ? "" : " " + String.join(" ", c.notes());
        return "Accepts " + formats + ". " + replace + notes;
    }

    private void ok(String text) {
        busy.set(false);
        failed.set(false);
        message.set(text);
    }

    private void fail(Throwable e) {
        busy.set(false);
        failed.set(true);
        message.set(Texts.error(e));
    }

    public List<String> names() {
        return destinations.stream().map(DestinationInfo::name).toList();
    }

    public ObservableList<DestinationInfo> destinations() {
        return destinations;
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
