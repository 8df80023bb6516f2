package io.lumasync.ui.common;

import io.lumasync.core.LogFile;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Redaction;
import io.lumasync.store.JobState;
import io.lumasync.sync.Sizes;
import io.lumasync.sync.RunReport;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Small formatting helpers shared by the panes. */
public final class Texts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Texts() {
    }

    public static String bytes(long n) {
        return Sizes.human(n);
    }

    /** "1.2 MB → 340 KB (−72%)". */
    public static String saving(long before, long after) {
        return Sizes.saving(before, after);
    }

    /** One line for the tray and status bars: "3 sent, 10 unchanged, 1 failed". */
    public static String summary(RunReport r) {
        return Messages.get("common.summary", r.count(JobState.DONE), r.count(JobState.SKIPPED), r.failed())
                + (r.problems().isEmpty() ? "" : Messages.get("common.summary.problems", r.problems().size()));
    }

    public static String time(Instant t) {
        return TIME.format(t);
    }

    public static String interval(Optional<Duration> d) {
        return d.map(Intervals::label).orElseGet(Intervals::off);
    }

    /** The message a person should read: ours as written, anything else reduced to one plain sentence. */
    public static String error(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof LumasyncException)) {
            t = t.getCause();
        }
        if (t instanceof LumasyncException) {
            return t.getMessage();
        }
        String m = e.getMessage();
        return (m == null || m.isBlank() ? Messages.get("common.error") : Messages.get("common.error.with", Redaction.apply(m)))
                + LogFile.current().map(f -> Messages.get("common.error.log", f)).orElse(Messages.get("common.error.retry"));
    }
}
