package io.lumasync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lumasync.store.JobState;
import io.lumasync.sync.BatchProgress;
import io.lumasync.sync.Eta;
import io.lumasync.sync.ItemProgress;
import io.lumasync.sync.PlanCounts;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.Sizes;
import io.lumasync.sync.SyncListener;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Shows a run: a progress bar at a terminal, one plain line per finished item in pipes and CI, or nothing until
 * the end with {@code --json} (then one JSON document, see README "JSON output").
 */
final class RunOutput implements SyncListener {
    static final int JSON_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final boolean json;
    private final boolean bar;
    private final LongSupplier nanoTime;
    private final Eta eta;
    private long lastDraw;

    RunOutput(PrintWriter out, boolean json, boolean interactive) {
        this(out, json, interactive, System::nanoTime);
    }

    /** With a chosen clock, for tests of the time-left estimate. */
    RunOutput(PrintWriter out, boolean json, boolean interactive, LongSupplier nanoTime) {
        this.out = out;
        this.json = json;
        this.bar = interactive && !json;
        this.nanoTime = nanoTime;
        this.eta = new Eta(nanoTime);
    }

    @Override
    public synchronized void onItem(ItemProgress p) {
        if (json || !p.state().finished()) {
            return;
        }
        if (bar) {
            out.print("\r\033[K");
        }
        out.println(line(p));
        out.flush();
    }

    @Override
    public synchronized void onBatch(BatchProgress p) {
        if (!bar) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastDraw < 100_000_000L && p.finished() < p.total()) {
            return; // a few redraws a second are plenty
        }
        lastDraw = now;
        int width = 30;
        out.print(barLine(p, width, eta.text(p)));
        out.flush();
    }

    static String barLine(BatchProgress p, int width, String timeLeft) {
        int filled = (int) Math.round(p.fraction() * width);
        return "\r\033[K[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + p.finished() + "/" + p.total()
                + (p.failed() > 0 ? "  " + p.failed() + " failed" : "") + (timeLeft.isEmpty() ? "" : "  " + timeLeft);
    }

    static String line(ItemProgress p) {
        String what = p.assetId() + " → " + p.destination();
        return switch (p.state()) {
            case DONE -> "done     " + what + "  " + p.message() + (p.url().isEmpty() ? "" : "  " + p.url());
            case SKIPPED -> "skipped  " + what + "  (" + p.message() + ")";
            case FAILED -> "FAILED   " + what + "  " + p.message();
            default -> p.state() + " " + what;
        };
    }

    /** The end of a run: the JSON document, or the plan and a summary. Returns the exit code. */
    int finish(RunReport r) {
        if (bar) {
            out.print("\r\033[K");
        }
        if (json) {
            out.println(toJson(r));
        } else {
            for (var e : r.plan().entrySet()) {
                out.println((r.dryRun() ? "would " : "plan for ") + e.getKey() + ": " + e.getValue());
            }
            for (String p : r.problems()) {
                out.println("problem  " + p);
            }
            if (r.dryRun()) {
                // What a group's rules would keep back, before anything is sent.
                r.results().stream().filter(x -> io.lumasync.sync.Governance.refused(x)
                                || io.lumasync.sync.Governance.waiting(x))
                        .forEach(x -> out.println("  " + x.assetId() + " → " + x.destination() + ": " + x.message()));
            }
            if (!r.dryRun()) {
                long in = r.results().stream().filter(x -> x.state() == JobState.DONE).mapToLong(ItemProgress::bytesIn).sum();
                long outBytes = r.results().stream().filter(x -> x.state() == JobState.DONE).mapToLong(ItemProgress::bytesOut).sum();
                out.println(r.count(JobState.DONE) + " done, " + r.count(JobState.SKIPPED) + " skipped, "
                        + r.failed() + " failed" + (in > 0 ? "; " + Sizes.human(in) + " → " + Sizes.human(outBytes) : ""));
                if (r.failed() > 0) {
                    out.println("Failed:");
                    r.results().stream().filter(x -> x.state() == JobState.FAILED)
                            .forEach(x -> out.println("  " + x.assetId() + " → " + x.destination() + ": " + x.message()));
                }
            }
        }
        out.flush();
        return r.ok() ? Cli.OK : Cli.SOME_FAILED;
    }

    static String toJson(RunReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", JSON_VERSION);
        doc.put("dryRun", r.dryRun());
        Map<String, Object> plan = new LinkedHashMap<>();
        for (Map.Entry<String, PlanCounts> e : r.plan().entrySet()) {
            plan.put(e.getKey(), io.lumasync.sync.JsonViews.plan(e.getValue()));
        }
        doc.put("plan", plan);
        List<Map<String, Object>> items = new ArrayList<>();
        for (ItemProgress p : r.results()) {
            items.add(io.lumasync.sync.JsonViews.item(p));
        }
        doc.put("items", items);
        doc.put("problems", r.problems());
        doc.put("summary", Map.of("done", r.count(JobState.DONE), "skipped", r.count(JobState.SKIPPED),
                "failed", r.failed()));
        try {
            return JSON.writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
