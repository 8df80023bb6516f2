package io.lumasync.ui.browse;

import io.lumasync.store.JobState;
import io.lumasync.sync.AssetStatus;
import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.ItemProgress;
import io.lumasync.ui.common.Messages;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Where each card of a Browse run is: waiting, compressing, uploading, done or failed, summed over the item's
 * destinations. Fed on the FX thread with the engine's item events; keyed like the selection.
 */
final class CardProgress {
    enum State {
        WAITING("browse.card.waiting"), COMPRESSING("browse.card.compressing"), UPLOADING("browse.card.uploading"),
        DONE("browse.card.done"), FAILED("browse.card.failed"), NOT_STARTED("browse.card.notStarted");

        private final String key;

        State(String key) {
            this.key = key;
        }

        String text() {
            return Messages.get(key);
        }
    }

    private final ObservableMap<String, State> cards = FXCollections.observableHashMap();
    /** Events from the engine's threads, applied in batches on the FX thread. */
    private final Queue<ItemProgress> pending = new ConcurrentLinkedQueue<>();
    private final Map<String, Map<String, JobState>> jobs = new HashMap<>();
    private int destinations = 1;

    void start(Collection<String> keys, int destinationCount) {
        jobs.clear();
        cards.clear();
        destinations = Math.max(1, destinationCount);
        keys.forEach(k -> cards.put(k, State.WAITING));
    }

    /** Any thread. */
    void offer(ItemProgress p) {
        pending.add(p);
    }

    /** FX thread: applies what arrived; returns the finished jobs (done or failed) by card key. */
    Map<String, List<ItemProgress>> drain() {
        Map<String, List<ItemProgress>> finished = new HashMap<>();
        for (ItemProgress p = pending.poll(); p != null; p = pending.poll()) {
            update(p);
            if (p.state() == JobState.DONE || p.state() == JobState.FAILED) {
                finished.computeIfAbsent(p.source() + "\u0000" + p.assetId(), k -> new ArrayList<>()).add(p);
            }
        }
        return finished;
    }

    /** The item with the badges its finished jobs earned, before the sync map is read again. */
    static BrowseItem withResults(BrowseItem b, List<ItemProgress> results) {
        Map<String, AssetStatus> status = new LinkedHashMap<>(b.status());
        Map<String, String> urls = new LinkedHashMap<>(b.urls());
        for (ItemProgress p : results) {
            boolean ok = p.state() == JobState.DONE;
            status.put(p.destination(), ok ? AssetStatus.SYNCED : AssetStatus.FAILED);
            if (ok && p.url() != null && !p.url().isBlank()) {
                urls.put(p.destination(), p.url());
            }
        }
        return new BrowseItem(b.source(), b.item(), status, urls, b.localFile());
    }

    private void update(ItemProgress p) {
        String key = p.source() + "\u0000" + p.assetId();
        Map<String, JobState> byDestination = jobs.computeIfAbsent(key, k -> new HashMap<>());
        byDestination.put(p.destination(), p.state());
        cards.put(key, of(List.copyOf(byDestination.values()), destinations));
    }

    /** One card's state from its jobs' states: a failure shows at once, "done" only when every destination is. */
    static State of(List<JobState> states, int destinations) {
        if (states.contains(JobState.FAILED)) {
            return State.FAILED;
        }
        if (states.contains(JobState.UPLOADING)) {
            return State.UPLOADING;
        }
        if (states.contains(JobState.ENCODING)) {
            return State.COMPRESSING;
        }
        if (states.contains(JobState.PLANNED)) {
            return State.NOT_STARTED;
        }
        return states.size() >= destinations ? State.DONE : State.WAITING;
    }

    void clear() {
        pending.clear();
        jobs.clear();
        cards.clear();
    }

    ObservableMap<String, State> cards() {
        return cards;
    }
}
