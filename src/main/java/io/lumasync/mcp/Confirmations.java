package io.lumasync.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The dry runs this server answered, so that a changing tool runs only when the same request was shown as a dry
 * run first (and not too long ago: what is at the destination may have moved on). A confirmation is used once.
 */
final class Confirmations {
    static final Duration VALID = Duration.ofMinutes(30);
    private static final int KEPT = 200;
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Supplier<Instant> now;
    private final Map<String, Instant> shown = new LinkedHashMap<>();

    /** {@code now}: the time (tests move it on). */
    Confirmations(Supplier<Instant> now) {
        this.now = now;
    }

    /** Remembers that the dry run of {@code request} was shown. */
    synchronized void shown(String family, Map<String, Object> request) {
        String key = key(family, request);
        shown.remove(key);
        shown.put(key, now.get());
        Iterator<String> oldest = shown.keySet().iterator();
        while (shown.size() > KEPT && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** True (and used up) when the dry run of exactly this request was shown within {@link #VALID}. */
    synchronized boolean take(String family, Map<String, Object> request) {
        Instant at = shown.remove(key(family, request));
        return at != null && !at.plus(VALID).isBefore(now.get());
    }

    private static String key(String family, Map<String, Object> request) {
        try {
            return family + "\u0000" + JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new ToolCall.BadArguments("The arguments cannot be read back: " + e.getOriginalMessage());
        }
    }
}
