package io.lumasync.tray;

import io.lumasync.core.ErrorKind;
import io.lumasync.store.JobState;
import io.lumasync.sync.Attention;
import io.lumasync.sync.ItemProgress;
import io.lumasync.sync.RunReport;
import io.lumasync.ui.common.Messages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what a run says needs the user into desktop notifications: once per destination or source, not at every
 * autosync interval, and again only after it worked in between. Thread-safe; no JavaFX.
 */
final class AttentionNotices {
    /** What to tell and which pane a click opens ("destinations" or "sources"). */
    record Notice(String title, String text, String page) {
    }

    private final Set<String> told = new HashSet<>();

    synchronized List<Notice> after(RunReport report) {
        told.removeIf(key -> workedIn(report, key));
        List<Notice> out = new ArrayList<>();
        for (Attention a : report.attention()) {
            if (told.add(key(a.target(), a.name()))) {
                out.add(notice(a));
            }
        }
        return out;
    }

    /** True when every failed item failed at a place that needs the user: its notice says more than a count. */
    static boolean explainsFailures(RunReport report) {
        Set<String> needy = new HashSet<>();
        report.attention().forEach(a -> needy.add(key(a.target(), a.name())));
        return !needy.isEmpty() && report.results().stream().filter(r -> r.state() == JobState.FAILED)
                .allMatch(r -> needy.contains(key(Attention.Target.DESTINATION, r.destination()))
                        || needy.contains(key(Attention.Target.SOURCE, r.source())));
    }

    static Notice notice(Attention a) {
        boolean destination = a.target() == Attention.Target.DESTINATION;
        String what = Messages.get(destination ? "tray.attention.destination" : "tray.attention.source", a.name());
        String problem = Messages.get(a.kind() == ErrorKind.REAUTH ? "tray.attention.reauth" : "tray.attention.unusable",
                what);
        String page = destination ? "destinations" : "sources";
        return new Notice(Messages.get("tray.attention.title", a.name()), Messages.get(destination
                ? "tray.attention.text.destination" : "tray.attention.text.source", problem, a.message()), page);
    }

    private static boolean workedIn(RunReport report, String key) {
        for (ItemProgress r : report.results()) {
            if (r.state() == JobState.DONE && (key.equals(key(Attention.Target.DESTINATION, r.destination()))
                    || key.equals(key(Attention.Target.SOURCE, r.source())))) {
                return true;
            }
        }
        return false;
    }

    private static String key(Attention.Target target, String name) {
        return target + "\u0000" + name;
    }
}
