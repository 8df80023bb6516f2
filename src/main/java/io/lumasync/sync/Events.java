package io.lumasync.sync;

import io.lumasync.store.JobState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data of each event, in one place so the docs' payload examples match what is sent. */
final class Events {
    private Events() {
    }

    /** {@code asset.synced} / {@code asset.failed}: one image at one destination. */
    static Map<String, Object> item(ItemProgress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", p.source());
        m.put("assetId", p.assetId());
        m.put("asset", p.assetName());
        m.put("destination", p.destination());
        m.put("action", p.action().name().toLowerCase(java.util.Locale.ROOT));
        m.put("url", p.url() == null ? "" : p.url());
        m.put("bytesIn", p.bytesIn());
        m.put("bytesOut", p.bytesOut());
        m.put("message", p.message() == null ? "" : p.message());
        return m;
    }

    /** {@code sync.completed} / {@code autosync.ran}: what one run did. */
    static Map<String, Object> runSummary(RunReport r, List<String> sources) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sources", List.copyOf(sources));
        m.put("done", r.count(JobState.DONE));
        m.put("skipped", r.count(JobState.SKIPPED));
        m.put("failed", r.failed());
        m.put("waitingForApproval", r.results().stream().filter(Governance::waiting).count());
        m.put("bytesIn", r.results().stream().filter(i -> i.state() == JobState.DONE).mapToLong(ItemProgress::bytesIn).sum());
        m.put("bytesOut", r.results().stream().filter(i -> i.state() == JobState.DONE).mapToLong(ItemProgress::bytesOut).sum());
        m.put("problems", r.problems());
        return m;
    }
}
