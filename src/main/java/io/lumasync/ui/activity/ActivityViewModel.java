package io.lumasync.ui.activity;

import io.lumasync.store.ActivityEvent;
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
import javafx.collections.transformation.FilteredList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The activity log with its filters and CSV export. */
public final class ActivityViewModel {
    public static final String ALL = "all";
    private final AppServices services;
    private final Tasks tasks;
    private final ObservableList<ActivityEvent> events = FXCollections.observableArrayList();
    private final FilteredList<ActivityEvent> visible = new FilteredList<>(events);
    final StringProperty kind = new SimpleStringProperty(ALL);
    final StringProperty text = new SimpleStringProperty("");
    final BooleanProperty failedOnly = new SimpleBooleanProperty();
    final StringProperty message = new SimpleStringProperty("");

    public ActivityViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
        kind.addListener((o, a, b) -> applyFilter());
        text.addListener((o, a, b) -> applyFilter());
        failedOnly.addListener((o, a, b) -> applyFilter());
    }

    public void refresh() {
        tasks.run("activity", () -> services.activity(Optional.empty(), false), list -> {
            events.setAll(list);
            message.set(Messages.get("activity.count", list.size()));
        }, e -> message.set(Texts.error(e)));
    }

    private void applyFilter() {
        String k = kind.get();
        String t = text.get() == null ? "" : text.get().toLowerCase(Locale.ROOT).strip();
        visible.setPredicate(e -> (ALL.equals(k) || e.kind().equals(k))
                && (!failedOnly.get() || "failed".equals(e.kind()))
                && (t.isEmpty() || (e.asset() + " " + e.source() + " " + e.destination() + " " + e.message())
                .toLowerCase(Locale.ROOT).contains(t)));
    }

    /** Writes the visible rows as CSV (RFC 4180 quoting) in the background. */
    public void exportCsv(Path target) {
        List<ActivityEvent> rows = List.copyOf(visible);
        tasks.run("export csv", () -> {
            Files.writeString(target, toCsv(rows), StandardCharsets.UTF_8);
            return rows.size();
        }, n -> message.set(Messages.get("activity.exported", n, target)), e -> message.set(
                Messages.get("activity.exportFailed", target, Texts.error(e))));
    }

    static String toCsv(List<ActivityEvent> rows) {
        StringBuilder sb = new StringBuilder("time,kind,source,asset,destination,message,url\r\n");
        for (ActivityEvent e : rows) {
            List<String> cells = new ArrayList<>(List.of(e.time().toString(), e.kind(), e.source(), e.asset(),
                    e.destination(), e.message(), e.url()));
            sb.append(String.join(",", cells.stream().map(ActivityViewModel::quote).toList())).append("\r\n");
        }
        return sb.toString();
    }

    /**
     * Quotes a cell, and turns one a spreadsheet would run as a formula (a file or album name chosen by whoever
     * shares the folder, such as {@code =HYPERLINK(…)}) into plain text with a leading apostrophe.
     */
    static String quote(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.matches("(?s).*[\",\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    public ObservableList<ActivityEvent> visible() {
        return visible;
    }

    static String describe(ActivityEvent e) {
        return Texts.time(e.time()) + "  " + e.kind().toUpperCase(Locale.ROOT) + "\n"
                + Messages.get("activity.details", e.asset(), e.source(), e.destination()) + "\n\n"
                + e.message() + (e.url() == null || e.url().isBlank() ? "" : "\n\n" + e.url());
    }

}
