package io.lumasync.sync;

import io.lumasync.auth.SecretVault;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.PlainHttp;
import io.lumasync.http.signing.HexHmacSigner;
import io.lumasync.http.signing.WebhookSigner;
import io.lumasync.store.HookDelivery;
import io.lumasync.store.HookRecord;
import io.lumasync.store.Hooks;
import io.lumasync.store.Json;
import io.lumasync.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Events and where they go: every event is written as a durable delivery for each hook that wants it (sent later
 * by {@link HookSender}, so a slow or failing hook never slows a sync) and handed to in-process listeners (the
 * tray's desktop notifications). Publishing never throws: a sync must not fail because its notice could not be
 * queued.
 */
public final class Notifications {
    public static final String ASSET_SYNCED = "asset.synced";
    public static final String SYNC_COMPLETED = "sync.completed";
    public static final String AUTOSYNC_RAN = "autosync.ran";
    public static final String DESTINATION_CONNECTED = "destination.connected";
    public static final String ENRICHMENT_COMPLETED = "enrichment.completed";
    public static final String ACTION_APPROVED = "action.approved";
    public static final String ACTION_REJECTED = "action.rejected";
    public static final String ASSET_FAILED = "asset.failed";
    /** The events hooks can ask for, in the order the docs list them. */
    public static final List<String> EVENTS = List.of(ASSET_SYNCED, SYNC_COMPLETED, AUTOSYNC_RAN, DESTINATION_CONNECTED,
            ENRICHMENT_COMPLETED, ACTION_APPROVED, ACTION_REJECTED, ASSET_FAILED);
    /**
     * The kinds shown as desktop notifications until the user switches them: the tray already reports autosync
     * results and failures on its own, so per-image and per-run events start switched off.
     */
    public static final java.util.Set<String> DESKTOP_DEFAULT = java.util.Set.of(DESTINATION_CONNECTED,
            ENRICHMENT_COMPLETED, ACTION_APPROVED, ACTION_REJECTED);
    public static final String STANDARD = "standard-webhooks";
    public static final String HEX = "hmac-sha256-hex";
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    /** One event as listeners and hooks receive it. */
    public record Event(String id, String type, Instant time, Map<String, Object> data) {
        /** The JSON body sent to hooks: {@code {"type", "id", "timestamp", "data"}}. */
        public String payload() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", type);
            m.put("id", id);
            m.put("timestamp", time.toString());
            m.put("data", data);
            return Json.write(m);
        }
    }

    private final Hooks hooks;
    private final SecretVault vault;
    private final Clock clock;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> queued = new CopyOnWriteArrayList<>();

    Notifications(Hooks hooks, SecretVault vault, Clock clock) {
        this.hooks = hooks;
        this.vault = vault;
        this.clock = clock;
    }

    /** Hands every event to {@code listener} too (on the publishing thread: be quick, hop threads yourself). */
    public void listen(Consumer<Event> listener) {
        listeners.add(listener);
    }

    /** Called after deliveries were queued (wakes the sender). */
    void onQueued(Runnable r) {
        queued.add(r);
    }

    /** Publishes an event; failures are logged, never thrown. */
    public void publish(String type, Map<String, Object> data) {
        if (!EVENTS.contains(type)) {
            throw new IllegalArgumentException("Unknown event " + type);
        }
        Event e = new Event("evt_" + UUID.randomUUID().toString().replace("-", ""), type, clock.instant(), data);
        try {
            if (hooks.enqueue(e.id(), type, e.payload(), e.time()) > 0) {
                queued.forEach(Runnable::run);
            }
        } catch (StoreException ex) {
            LOG.warn("Could not queue the {} notification: {}", type, ex.getMessage());
        }
        for (Consumer<Event> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("A notification listener failed on {}", type, ex);
            }
        }
    }

    // ---- hooks

    /**
     * Adds a hook. {@code secret} signs its requests and goes to the vault; with {@link #STANDARD} it is a
     * {@code whsec_} secret (a new one is made when blank), with {@link #HEX} any secret the receiver knows.
     *
     * @return the secret to give the receiver
     */
    public String addHook(String name, String url, List<String> events, String signing, String signatureHeader,
                          String secret) throws LumasyncException {
        AdapterConfiguration.checkName(name);
        if (hooks.get(name).isPresent()) {
            throw new ConfigurationException("There is already a hook called '" + name + "'.");
        }
        checkUrl(url);
        for (String e : events) {
            if (!EVENTS.contains(e)) {
                throw new ConfigurationException("'" + e + "' is not an event Lumasync sends. The events are: "
                        + String.join(", ", EVENTS) + ".");
            }
        }
        String scheme = signing.strip().toLowerCase(Locale.ROOT);
        String header = signatureHeader.isBlank() ? "X-Signature-256" : signatureHeader.strip();
        String key = secret.isBlank() && scheme.equals(STANDARD) ? WebhookSigner.generateSecret() : secret.strip();
        try {
            switch (scheme) {
                case STANDARD -> new WebhookSigner(key);
                case HEX -> new HexHmacSigner(key, header, "sha256=", "X-Timestamp");
                default -> throw new ConfigurationException("Signing must be " + STANDARD + " or " + HEX + ", not '"
                        + signing + "'.");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("The hook '" + name + "': " + e.getMessage());
        }
        if (!vault.durable()) {
            throw new ConfigurationException("Passwords would be forgotten when Lumasync closes (" + vault.backendName()
                    + "), so the hook's signing secret cannot be kept. Set a vault passphrase first.");
        }
        vault.put(secretKey(name), key);
        hooks.add(new HookRecord(name, url, events, scheme, header, true, clock.instant()));
        return key;
    }

    public List<HookRecord> hooks() throws LumasyncException {
        return hooks.list();
    }

    public void removeHook(String name) throws LumasyncException {
        if (!hooks.remove(name)) {
            throw noHook(name);
        }
        vault.delete(secretKey(name));
    }

    public void enableHook(String name, boolean enabled) throws LumasyncException {
        if (!hooks.setEnabled(name, enabled)) {
            throw noHook(name);
        }
    }

    public List<HookDelivery> deliveries(Optional<String> hook, int limit) throws LumasyncException {
        return hooks.deliveries(hook, limit);
    }

    /** Sends a delivery again (the delivery log's "Resend"). */
    public void resend(long deliveryId) throws LumasyncException {
        if (!hooks.resend(deliveryId, clock.instant())) {
            throw new ConfigurationException("There is no delivery number " + deliveryId + ". See `lumasync hooks "
                    + "deliveries`.");
        }
        queued.forEach(Runnable::run);
    }

    static String secretKey(String hook) {
        return "hook/" + hook + "/secret";
    }

    /** Events go to https addresses, or to plain http on this computer only (a local receiver). */
    static void checkUrl(String url) throws ConfigurationException {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("'" + url + "' is not a web address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ConfigurationException("'" + url + "' is not a web address: it must start with https://.");
        }
        if (scheme.equals("http") && !PlainHttp.isLoopback(uri.getHost())) {
            throw new ConfigurationException("Events are signed with your secret and describe your clients' work, so "
                    + "they go to https:// addresses only (plain http:// only to this computer). Use https://"
                    + uri.getHost() + "…");
        }
    }

    private static ConfigurationException noHook(String name) {
        return new ConfigurationException("There is no hook called '" + name + "'. See `lumasync hooks list`.");
    }
}
