package io.lumasync.sync;

import io.lumasync.store.JobState;

import java.util.List;
import java.util.Map;

/** The outcome of an Optimize run or a rollback: one result per image, plus problems that were not images. */
public record OptimizeReport(String destination, boolean dryRun, List<OptimizeResult> items, List<String> problems) {
    public OptimizeReport {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public long count(OptimizeResult.Outcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).count();
    }

    /** The same as a sync's report, for the summary lines every door already prints. */
    public RunReport toRunReport() {
        List<ItemProgress> results = items.stream().map(OptimizeResult::progress).toList();
        long skipped = results.stream().filter(r -> r.state() == JobState.SKIPPED).count();
        return new RunReport(dryRun, Map.of(destination, new PlanCounts(0, (int) (items.size() - skipped), 0, (int) skipped, 0)),
                results, problems);
    }
}
