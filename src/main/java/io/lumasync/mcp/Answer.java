package io.lumasync.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a tool answers: structured content for programs and the model, and a short text for people reading along.
 *
 * @param error true when the call did not do what was asked (bad arguments, refused, the engine failed)
 */
record Answer(Map<String, Object> structured, String text, boolean error) {
    static Answer ok(Map<String, Object> structured, String text) {
        return new Answer(structured, text, false);
    }

    /** A refusal or failure in plain words; {@code reason} is a short code a program can test. */
    static Answer failed(String reason, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", reason);
        m.put("message", message);
        return new Answer(m, message, true);
    }
}
