package io.lumasync.sync;

import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import io.lumasync.store.AltTexts;
import io.lumasync.store.Approval;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.Job;
import io.lumasync.store.JobAction;
import io.lumasync.store.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alt text reviewed before the first publish. At a destination with the review on, a new image is planned with the
 * text its mode drafts (file name, caption or the AI model, cached as always) and then held in the approval queue,
 * under {@link #QUEUE}, instead of being sent. Approving publishes it through the engine with the drafted text, or
 * with the text the user wrote instead, which is kept as the image's own text so every later sync sends the same.
 * Skipping keeps this version of the image unpublished; a changed file is drafted and held again.
 *
 * <p>The approval queue is reused rather than a state of its own: a held item is a planned job waiting for a
 * decision, exactly what the queue keeps, journaled and run the same way on approval, listed by every door.
 */
public final class AltReview {
    /** The approval queue's group for items held for their alt text; not a usable group name (brackets). */
    public static final String QUEUE = "(alt text)";
    static final String SKIPPED = "skipped in the alt-text review";
    private static final String SETTING = "alt.review.";

    private final ConfigStore config;
    private final AltTexts store;
    private final Approvals approvals;

    AltReview(ConfigStore config, AltTexts store, Approvals approvals) {
        this.config = config;
        this.store = store;
        this.approvals = approvals;
    }

    /** An image held for its alt text, with the text drafted for it. */
    public record Pending(long id, String source, String assetId, String assetName, String destination,
                          String draft, Optional<String> localPath, java.time.Instant heldSince) {
    }

    /** Whether new images wait for their alt text to be approved before they are published at a destination. */
    public boolean enabled(String destination) throws LumasyncException {
        return config.setting(SETTING + destination).map("on"::equals).orElse(false);
    }

    public void setEnabled(String destination, boolean on) throws LumasyncException {
        if (config.destination(destination).isEmpty()) {
            throw new ConfigurationException("There is no destination called '" + destination + "'.");
        }
        config.setSetting(SETTING + destination, on ? "on" : "off");
    }

    /** Whether a planned job waits for review: a new image at a reviewing destination without a text set by hand. */
    boolean holds(Job job) throws StoreException {
        if (job.action() != JobAction.CREATE) {
            return false;
        }
        Optional<String> on = config.setting(SETTING + job.destination());
        return on.isPresent() && on.get().equals("on") && store.override(job.source(), job.assetId()).isEmpty();
    }

    /**
     * The images waiting for their alt text, oldest first: those held for it, and new images at a reviewing
     * destination that a group's approval holds (one approval publishes them, with the text approved with it).
     */
    public List<Pending> pending() throws LumasyncException {
        List<Pending> out = new ArrayList<>();
        Map<String, Boolean> reviewing = new java.util.HashMap<>();
        for (Approval a : approvals.list(Optional.of(Approval.WAITING))) {
            boolean groupHeldNew = a.job().action() == JobAction.CREATE && reviewing.computeIfAbsent(
                    a.job().destination(), d -> enabledQuietly(d));
            if (a.group().equals(QUEUE) || groupHeldNew) {
                Job j = a.job();
                out.add(new Pending(a.id(), j.source(), j.assetId(), j.assetName(), j.destination(),
                        j.metadata().altText(), j.localPath(), a.createdAt()));
            }
        }
        return out;
    }

    private boolean enabledQuietly(String destination) {
        try {
            return enabled(destination);
        } catch (LumasyncException e) {
            return false;
        }
    }

    /**
     * Approves held images and publishes them; {@code texts} holds, per id, a text written instead of the draft
     * (kept as the image's own text). Ids not waiting any more are reported as problems; one image's failure does
     * not stop the others.
     */
    public RunReport approve(List<Long> ids, Map<Long, String> texts, SyncListener listener)
            throws LumasyncException {
        for (String t : texts.values()) {
            if (t == null || t.isBlank()) {
                throw new ConfigurationException("An approved alt text cannot be empty: write one, or skip the image.");
            }
        }
        return approvals.approve(ids, texts, listener);
    }

    /** Keeps these images unpublished (this version of each); a changed file is drafted and held again. */
    public List<Approval> skip(List<Long> ids) throws LumasyncException {
        return approvals.reject(ids, SKIPPED);
    }
}
