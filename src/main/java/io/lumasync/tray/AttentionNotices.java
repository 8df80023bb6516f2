package io.lumasync.tray;

import io.lumasync.core.ErrorKind;
import io.lumasync.store.JobState;
import io.lumasync.sync.Attention;
import io.lumasync.sync.ItemProgress;
import io.lumasync.sync.RunReport;

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
        String what = (destination ? "The destination '" : "The source '") + a.name() + "'";
        String problem = a.kind() == ErrorKind.REAUTH
                ? what + " no longer accepts Lumasync's sign-in or password; nothing is sent there until you fix it."
                : what + " cannot be used right now; nothing is sent there until you fix it.";
        String page = destination ? "destinations" : "sources";
        return new Notice("Lumasync: '" + a.name() + "' needs your attention",
                problem + " " + a.message() + " Click to open " + (destination ? "Destinations." : "Sources."), page);
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
