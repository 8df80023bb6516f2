package io.lumasync.tray;

import io.lumasync.sync.Notifications;
import io.lumasync.ui.common.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns engine events into desktop notifications: kinds switched off are dropped, and what arrives together (a sync
 * of hundreds of images) becomes one notice per kind with a count instead of one notice each. Thread-safe; no
 * JavaFX: events are added from the engine's threads and taken by the tray's timer.
 */
final class EventNotices {
    /** One notice: its title and text, and whether it reports a failure. */
    record Notice(String title, String text, boolean warning) {
    }

    private static final Map<String, String> TITLES = Map.of(
            Notifications.ASSET_SYNCED, "tray.event.assetSynced", Notifications.ASSET_FAILED, "tray.event.assetFailed",
            Notifications.SYNC_COMPLETED, "tray.event.syncCompleted", Notifications.AUTOSYNC_RAN, "tray.event.autosyncRan",
            Notifications.DESTINATION_CONNECTED, "tray.event.destinationConnected", Notifications.ENRICHMENT_COMPLETED,
            "tray.event.enrichmentCompleted", Notifications.ACTION_APPROVED, "tray.event.actionApproved",
            Notifications.ACTION_REJECTED, "tray.event.actionRejected");

    /** Up to this many events of one kind are told one by one; more are summarised. */
    static final int ONE_BY_ONE = 3;
    private final List<Notifications.Event> pending = new ArrayList<>();

    synchronized void add(Notifications.Event e) {
        pending.add(e);
    }

    synchronized boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The notices for everything added since the last call, leaving out the kinds in {@code off}. */
    synchronized List<Notice> take(Set<String> off) {
        Map<String, List<Notifications.Event>> byKind = new LinkedHashMap<>();
        for (Notifications.Event e : pending) {
            if (!off.contains(e.type())) {
                byKind.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(e);
            }
        }
        pending.clear();
        List<Notice> out = new ArrayList<>();
        byKind.forEach((kind, events) -> {
            boolean warning = kind.equals(Notifications.ASSET_FAILED) || kind.equals(Notifications.ACTION_REJECTED);
            if (events.size() > ONE_BY_ONE) {
                out.add(new Notice(Messages.get(TITLES.get(kind)), Messages.get("tray.event.many", events.size(),
                        text(events.getLast())), warning));
            } else {
                events.forEach(e -> out.add(new Notice(Messages.get(TITLES.get(kind)), text(e), warning)));
            }
        });
        return out;
    }

    /** One event in a line: the image and where it went, or the run's counts. */
    static String text(Notifications.Event e) {
        Map<String, Object> d = e.data();
        String t = e.type();
        if (t.equals(Notifications.ASSET_SYNCED) || t.equals(Notifications.ASSET_FAILED)) {
            return d.get("asset") + " → " + d.get("destination")
                    + (String.valueOf(d.getOrDefault("message", "")).isEmpty() ? "" : ": " + d.get("message"));
        }
        if (t.equals(Notifications.SYNC_COMPLETED) || t.equals(Notifications.AUTOSYNC_RAN)) {
            return Messages.get("tray.event.run", d.get("done"), d.get("failed"), d.get("waitingForApproval"));
        }
        if (t.equals(Notifications.ACTION_APPROVED) || t.equals(Notifications.ACTION_REJECTED)) {
            return d.get("asset") + ": " + d.get("action") + (d.containsKey("reason") ? " (" + d.get("reason") + ")" : "");
        }
        return d.containsKey("destination") ? String.valueOf(d.get("destination")) : t;
    }
}
