package io.lumasync.cli;

import io.lumasync.store.ActivityEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "activity", description = "Show what happened: synced, skipped, retried and failed images.")
final class ActivityCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--since", paramLabel = "AGE", description = "Only the last AGE, e.g. 24h, 7d.")
    String since;

    @Option(names = "--failed", description = "Only failures.")
    boolean failed;

    @Option(names = "--limit", description = "At most this many lines (default 500).")
    int limit = 500;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    ActivityCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Optional<Instant> from = since == null ? Optional.empty() : Optional.of(Instant.now().minus(Durations.parse(since)));
        List<ActivityEvent> events = ctx.service().activity(from, failed, limit);
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (ActivityEvent e : events) {
                out.add(io.lumasync.sync.JsonViews.activity(e));
            }
            ctx.out().println(RunOutput.json(out));
            return Cli.OK;
        }
        for (ActivityEvent e : events) {
            ctx.out().println(e.time() + "  " + e.kind() + "  " + e.asset() + " → " + e.destination() + "  " + e.message()
                    + (e.origin().isEmpty() ? "" : "  (from " + e.origin() + ")"));
        }
        return Cli.OK;
    }
}
