package io.lumasync.store;

import java.time.Instant;
import java.util.List;

/**
 * A notification hook: where events are sent and which ones. Its signing secret is in the vault, never here.
 *
 * @param events          the event names it wants; empty for every event
 * @param signing         {@code standard-webhooks} or {@code hmac-sha256-hex}
 * @param signatureHeader with {@code hmac-sha256-hex}: the header holding the signature
 */
public record HookRecord(String name, String url, List<String> events, String signing, String signatureHeader,
                         boolean enabled, Instant createdAt) {
    public HookRecord {
        events = List.copyOf(events);
    }

    public boolean wants(String event) {
        return events.isEmpty() || events.contains(event);
    }
}
