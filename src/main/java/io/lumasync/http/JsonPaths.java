package io.lumasync.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Optional;

/**
 * The path users type to point into a JSON answer: dot-separated names with {@code [n]} indexes, e.g.
 * {@code data.id}, {@code [0].url}, {@code fields.Image[0].url}; empty means the answer itself. Saved settings use
 * this syntax, so it stays; it is translated into a Jackson {@link JsonPointer}, which does the walking. A path that
 * cannot be read (an index that is not a number, a bracket left open) points at nothing rather than failing.
 */
public final class JsonPaths {
    private JsonPaths() {
    }

    /** The node at {@code path}, or a missing node. */
    public static JsonNode at(JsonNode root, String path) {
        return pointer(path).map(root::at).orElse(MissingNode.getInstance());
    }

    /**
     * The text of the value at {@code path}; empty when the path is blank (no field chosen) or the value is missing,
     * blank, null, an object or an array.
     */
    public static Optional<String> text(JsonNode root, String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        JsonNode n = at(root, path);
        if (!n.isValueNode() || n.isNull()) {
            return Optional.empty();
        }
        String text = n.asText("");
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    static Optional<JsonPointer> pointer(String path) {
        JsonPointer p = JsonPointer.empty();
        String s = path == null ? "" : path.strip();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int close = s.indexOf(']', i);
                if (close < 0) {
                    return Optional.empty();
                }
                String digits = s.substring(i + 1, close).strip();
                if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(d -> d >= '0' && d <= '9')) {
                    return Optional.empty();
                }
                p = p.appendIndex(Integer.parseInt(digits));
                i = close + 1;
            } else {
                int end = i;
                while (end < s.length() && s.charAt(end) != '.' && s.charAt(end) != '[') {
                    end++;
                }
                p = p.appendProperty(s.substring(i, end));
                i = end;
            }
        }
        return Optional.of(p);
    }
}
