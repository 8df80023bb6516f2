package io.lumasync.destination.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * The small path language for reading an answer: dot-separated names with {@code [n]} indexes, e.g.
 * {@code asset_id}, {@code data.id}, {@code [0].url}, {@code images[0].url}, {@code document._id}.
 */
final class JsonPath {
    private JsonPath() {
    }

    static Optional<String> read(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.strip().replace("[", ".[").split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            if (node == null) {
                return Optional.empty();
            }
            if (part.startsWith("[") && part.endsWith("]")) {
                try {
                    node = node.get(Integer.parseInt(part.substring(1, part.length() - 1)));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            } else {
                node = node.get(part);
            }
        }
        if (node == null || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        String text = node.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
