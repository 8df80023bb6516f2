package io.lumasync.ui.hooks;

import io.lumasync.store.HookDelivery;
import io.lumasync.store.HookRecord;
import io.lumasync.sync.Notifications;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.AppServices;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Event hooks, their delivery log with Resend, and which events show as desktop notifications. */
public final class HooksViewModel {
    /** The UI-state key under which a desktop notification kind is switched off ("off"). */
    public static String noticeKey(String event) {
        return "notify." + event;
    }

    private static final int LOG = 500;
    private final AppServices services;
    private final Tasks tasks;
    final ObservableList<HookRecord> hooks = FXCollections.observableArrayList();
    final ObservableList<HookDelivery> deliveries = FXCollections.observableArrayList();
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty url = new SimpleStringProperty("");
    /** The events a new hook wants; none ticked means all. */
    final Map<String, BooleanProperty> events = new LinkedHashMap<>();
    /** Desktop notifications per event kind. */
    final Map<String, BooleanProperty> notices = new LinkedHashMap<>();
    final StringProperty secret = new SimpleStringProperty("");
    final StringProperty message = new SimpleStringProperty("");
    private boolean loading;

    public HooksViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
        for (String e : Notifications.EVENTS) {
            events.put(e, new SimpleBooleanProperty());
            BooleanProperty on = new SimpleBooleanProperty(true);
            on.addListener((o, a, b) -> saveNotice(e, b));
            notices.put(e, on);
        }
    }

    public void refresh() {
        tasks.run("hooks", () -> {
            Map<String, Boolean> on = new LinkedHashMap<>();
            for (String e : Notifications.EVENTS) {
                on.put(e, services.uiState(noticeKey(e)).map("on"::equals)
                        .orElse(Notifications.DESKTOP_DEFAULT.contains(e)));
            }
            return new Loaded(services.hooks(), services.deliveries(LOG), on);
        }, l -> {
            hooks.setAll(l.hooks());
            deliveries.setAll(l.deliveries());
            loading = true;
            l.notices().forEach((e, b) -> notices.get(e).set(b));
            loading = false;
            message.set(Messages.get("hooks.count", l.hooks().size(), l.deliveries().size()));
        }, e -> message.set(Texts.error(e)));
    }

    private record Loaded(List<HookRecord> hooks, List<HookDelivery> deliveries, Map<String, Boolean> notices) {
    }

    public void add() {
        String n = name.get().strip();
        String u = url.get().strip();
        List<String> wanted = events.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        tasks.run("add hook", () -> services.addHook(n, u, wanted), s -> {
            secret.set(s);
            name.set("");
            url.set("");
            message.set(Messages.get("hooks.added", n));
            refresh();
        }, e -> message.set(Texts.error(e)));
    }

    public void remove(HookRecord h) {
        tasks.runVoid("remove hook", () -> services.removeHook(h.name()), this::refresh, e -> message.set(Texts.error(e)));
    }

    public void toggle(HookRecord h) {
        tasks.runVoid("switch hook", () -> services.enableHook(h.name(), !h.enabled()), this::refresh,
                e -> message.set(Texts.error(e)));
    }

    public void resend(HookDelivery d) {
        tasks.runVoid("resend", () -> services.resend(d.id()), () -> {
            message.set(Messages.get("hooks.resent", d.id()));
            refresh();
        }, e -> message.set(Texts.error(e)));
    }

    private void saveNotice(String event, boolean on) {
        if (loading) {
            return;
        }
        tasks.runVoid("notice setting", () -> services.saveUiState(noticeKey(event), on ? "on" : "off"), () -> { },
                e -> message.set(Texts.error(e)));
    }
}
