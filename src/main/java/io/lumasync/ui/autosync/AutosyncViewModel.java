package io.lumasync.ui.autosync;

import io.lumasync.sync.RunReport;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.common.Intervals;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.AppServices;
import io.lumasync.sync.AutosyncControl;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Autosync state: the master switch, pause, and one schedule row per source. */
public final class AutosyncViewModel {
    private final AppServices services;
    private final AutosyncControl autosync;
    private final Tasks tasks;
    final BooleanProperty enabled = new SimpleBooleanProperty();
    final BooleanProperty paused = new SimpleBooleanProperty();
    final StringProperty lastRun = new SimpleStringProperty(Messages.get("autosync.noRun"));
    final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private boolean loading;

    /** One source's schedule as shown in the table. */
    public record Row(String source, String mode, String nextRun) {
    }

    public AutosyncViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.autosync = services.autosync();
        this.tasks = tasks;
        enabled.addListener((o, a, on) -> {
            if (!loading) {
                autosync.setEnabled(on);
                refresh();
            }
        });
        autosync.addListener(r -> tasks.onFx(() -> {
            lastRun.set(describe(r));
            refresh();
        }));
    }

    static String describe(RunReport r) {
        return Messages.get("autosync.lastRun", Texts.summary(r));
    }

    public void refresh() {
        tasks.run("autosync", () -> {
            List<SourceInfo> sources = services.sources();
            return sources.stream().map(s -> new Row(s.name(), modeOf(s), autosync.nextRun(s.name())
                    .map(Texts::time).orElse("—"))).toList();
        }, list -> {
            loading = true;
            rows.setAll(list);
            enabled.set(autosync.enabled());
            paused.set(autosync.paused());
            autosync.lastRun().ifPresent(r -> lastRun.set(describe(r)));
            loading = false;
        }, e -> message.set(Texts.error(e)));
    }

    /** The label of "sync as files change" in the When column. */
    static String watchLabel() {
        return Messages.get("autosync.watch");
    }

    static String modeOf(SourceInfo s) {
        return s.watch() ? watchLabel() : s.interval().map(Intervals::label).orElseGet(Intervals::off);
    }

    public void setMode(String source, String mode) {
        Optional<Duration> interval = Intervals.parse(mode);
        boolean watch = watchLabel().equals(mode);
        tasks.runVoid("schedule " + source, () -> autosync.schedule(source, interval, watch), this::refresh,
                e -> message.set(Texts.error(e)));
    }

    public void togglePause() {
        if (autosync.paused()) {
            autosync.resume();
            message.set(Messages.get("autosync.resumed"));
        } else {
            autosync.pause();
            message.set(Messages.get("autosync.paused"));
        }
        paused.set(autosync.paused());
    }

    public void runNow() {
        autosync.runNow();
        message.set(Messages.get("autosync.running"));
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
