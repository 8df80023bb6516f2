package io.lumasync.sync;

import io.lumasync.store.JobState;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a run (or of a dry run's plan).
 *
 * @param plan     per destination: what was planned
 * @param results  the final state of every job (skipped ones included)
 * @param problems things that were not items: unreadable folders, deletes held back, a destination that failed
 * @param attention destinations and sources that stopped working until the user fixes them
 */
public record RunReport(boolean dryRun, Map<String, PlanCounts> plan, List<ItemProgress> results,
                        List<String> problems, List<Attention> attention) {
    public RunReport {
        plan = Map.copyOf(plan);
        results = List.copyOf(results);
        problems = List.copyOf(problems);
        attention = List.copyOf(attention);
    }

    public RunReport(boolean dryRun, Map<String, PlanCounts> plan, List<ItemProgress> results, List<String> problems) {
        this(dryRun, plan, results, problems, List.of());
    }

    public long count(JobState state) {
        return results.stream().filter(r -> r.state() == state).count();
    }

    public long failed() {
        return count(JobState.FAILED);
    }

    /** Jobs a cancel kept from starting; they stay planned in the journal and the next run plans them again. */
    public long notStarted() {
        return count(JobState.PLANNED);
    }

    public boolean ok() {
        return failed() == 0 && problems.isEmpty();
    }
}
