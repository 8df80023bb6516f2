package io.lumasync.sync;

import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import io.lumasync.store.Approval;
import io.lumasync.store.Groups;
import io.lumasync.store.Job;
import io.lumasync.store.JobState;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The approval queue of groups that want approval: approving runs the planned jobs through the engine as they were
 * planned (journaled like a sync); rejecting records the decision, so the same version is not queued again. Both
 * raise an event per item.
 */
public final class Approvals {
    private final Groups groups;
    private final Runs runs;
    private final Notifications notifications;
    private final Clock clock;
    private AltTexting altTexting;

    Approvals(Groups groups, Runs runs, Notifications notifications, Clock clock) {
        this.groups = groups;
        this.runs = runs;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Keeps texts written at approval as the items' own alt text. */
    void useAltText(AltTexting texting) {
        this.altTexting = texting;
    }

    /** The items of one state (waiting, approved, rejected), or every item when empty; oldest first. */
    public List<Approval> list(Optional<String> state) throws LumasyncException {
        return groups.approvals(state, 10_000);
    }

    /** Approves waiting items and runs them; ids that are not waiting any more are reported as problems. */
    public RunReport approve(List<Long> ids, SyncListener listener) throws LumasyncException {
        return approve(ids, Map.of(), listener);
    }

    /**
     * As above; {@code texts} holds, per id, an alt text written at approval: it is published instead of the
     * planned one and kept as the item's own text.
     */
    RunReport approve(List<Long> ids, Map<Long, String> texts, SyncListener listener) throws LumasyncException {
        List<Approval> decided = groups.decide(ids, Approval.APPROVED, "", clock.instant());
        List<String> problems = missing(ids, decided);
        List<Job> jobs = new ArrayList<>();
        for (Approval a : decided) {
            String text = texts.get(a.id());
            if (text == null || altTexting == null) {
                jobs.add(a.job());
                continue;
            }
            try {
                jobs.add(altTexting.approved(a.job(), text));
            } catch (LumasyncException e) {
                // Approved is approved: the image goes out with the text, which later syncs may not repeat.
                problems.add(a.job().assetName() + ": the approved alt text is published but could not be kept as "
                        + "its own (" + e.getMessage() + ")");
                jobs.add(a.job().withMetadata(a.job().metadata().withAltText(text.strip())));
            }
        }
        for (Approval a : decided) {
            notifications.publish("action.approved", data(a, ""));
        }
        if (jobs.isEmpty()) {
            return new RunReport(false, Map.of(), List.of(), problems);
        }
        RunReport r = runs.runPlanned("approval", jobs, listener);
        for (Approval a : decided) {
            Job j = a.job();
            r.results().stream().filter(p -> p.source().equals(j.source()) && p.assetId().equals(j.assetId())
                    && p.destination().equals(j.destination())).reduce((x, y) -> y)
                    .ifPresent(p -> noteOutcome(a, p));
        }
        List<String> all = new ArrayList<>(problems);
        all.addAll(r.problems());
        return new RunReport(false, r.plan(), r.results(), all, r.attention());
    }

    /** Rejects waiting items with a reason (may be blank). */
    public List<Approval> reject(List<Long> ids, String reason) throws LumasyncException {
        List<Approval> decided = groups.decide(ids, Approval.REJECTED, reason.strip(), clock.instant());
        if (decided.isEmpty() && !ids.isEmpty()) {
            throw new ConfigurationException(String.join(" ", missing(ids, decided)));
        }
        for (Approval a : decided) {
            notifications.publish("action.rejected", data(a, reason.strip()));
        }
        return decided;
    }

    private void noteOutcome(Approval a, ItemProgress p) {
        try {
            groups.noteOutcome(a.id(), (p.state() == JobState.DONE ? "published: " : "failed: ") + p.message());
        } catch (LumasyncException ignored) {
            // the run's own result says it already
        }
    }

    private static List<String> missing(List<Long> ids, List<Approval> decided) {
        List<String> out = new ArrayList<>();
        for (long id : ids) {
            if (decided.stream().noneMatch(a -> a.id() == id)) {
                out.add("Item " + id + " is not waiting for approval (see `lumasync approvals list`).");
            }
        }
        return out;
    }

    private static Map<String, Object> data(Approval a, String reason) {
        Job j = a.job();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("approvalId", a.id());
        m.put("group", a.group());
        m.put("source", j.source());
        m.put("assetId", j.assetId());
        m.put("asset", j.assetName());
        m.put("destination", j.destination());
        m.put("action", Governance.planned(j));
        if (!reason.isEmpty()) {
            m.put("reason", reason);
        }
        return m;
    }
}
