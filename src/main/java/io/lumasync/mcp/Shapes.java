package io.lumasync.mcp;

import io.lumasync.sync.Attention;
import io.lumasync.sync.JsonViews;
import io.lumasync.sync.RunReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine's records as the JSON objects tools answer with (field names are part of the tools' contract). */
final class Shapes {
    /** A run's answer lists at most this many items; the counts cover all of them. */
    static final int MAX_ITEMS = 200;

    private Shapes() {
    }

    /** A run or a dry run: plan per destination, counts, the items (bounded), problems and what needs the user. */
    static Map<String, Object> run(RunReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dryRun", r.dryRun());
        Map<String, Object> plan = new LinkedHashMap<>();
        r.plan().forEach((d, c) -> plan.put(d, JsonViews.plan(c)));
        m.put("plan", plan);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("done", r.count(io.lumasync.store.JobState.DONE));
        summary.put("skipped", r.count(io.lumasync.store.JobState.SKIPPED));
        summary.put("failed", r.failed());
        summary.put("notStarted", r.notStarted());
        m.put("summary", summary);
        m.put("items", r.results().stream().limit(MAX_ITEMS).map(JsonViews::item).toList());
        m.put("itemsLeftOut", Math.max(0, r.results().size() - MAX_ITEMS));
        m.put("problems", r.problems());
        m.put("needsAttention", r.attention().stream().map(Shapes::attention).toList());
        return m;
    }

    static String runText(RunReport r) {
        if (r.dryRun()) {
            StringBuilder s = new StringBuilder("Dry run, nothing changed. Plan: ");
            List<String> parts = r.plan().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
            s.append(parts.isEmpty() ? "nothing to do" : String.join("; ", parts)).append('.');
            r.problems().forEach(p -> s.append("\nProblem: ").append(p));
            return s.toString();
        }
        StringBuilder s = new StringBuilder(r.count(io.lumasync.store.JobState.DONE) + " done, "
                + r.count(io.lumasync.store.JobState.SKIPPED) + " skipped, " + r.failed() + " failed");
        if (r.notStarted() > 0) {
            s.append(", ").append(r.notStarted()).append(" not started (cancelled)");
        }
        s.append('.');
        r.results().stream().filter(i -> i.state() == io.lumasync.store.JobState.FAILED).limit(20)
                .forEach(i -> s.append("\nFailed: ").append(i.assetName()).append(" → ").append(i.destination())
                        .append(": ").append(i.message()));
        r.problems().forEach(p -> s.append("\nProblem: ").append(p));
        return s.toString();
    }

    private static Map<String, Object> attention(Attention a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", a.target().name().toLowerCase(java.util.Locale.ROOT));
        m.put("name", a.name());
        m.put("message", a.message());
        return m;
    }
}
