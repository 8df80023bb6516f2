package io.lumasync.destination.webhook;

import io.lumasync.core.Placeholders;
import io.lumasync.core.Placeholders.Syntax;
import io.lumasync.http.HeaderValues;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code {{name}}} placeholders in URLs, headers and bodies. Each place escapes values its own way: URL-encoded in
 * URLs (slashes kept, so {@code {{folder_path}}{{filename}}} stays a path), JSON-escaped in JSON bodies and in
 * JSON-shaped form fields, every control character removed in headers, unchanged in other form fields.
 */
final class Template {
    enum Escape { URL, JSON, HEADER, NONE }

    /** The placeholders a template may use. */
    static final Set<String> NAMES = Set.of("filename", "mime", "format", "file_base64", "file_data_uri", "alt_text",
            "title", "caption", "description", "source", "source_asset_id", "action", "event", "is_update",
            "existing_asset_id", "existing_url", "size_bytes", "sync_id", "folder", "folder_path", "destination_id",
            "timestamp", "token", "asset_id");

    private Template() {
    }

    static String render(String template, Map<String, String> vars, Escape escape) {
        return Placeholders.fill(template, Syntax.DOUBLE_BRACES,
                name -> Optional.of(escape(vars.getOrDefault(name, ""), escape)));
    }

    /** Placeholders in {@code template} that are not known, sorted; empty when all are fine. */
    static Set<String> unknown(String template) {
        Set<String> bad = new TreeSet<>(Placeholders.names(template, Syntax.DOUBLE_BRACES));
        bad.removeAll(NAMES);
        return bad;
    }

    static String escape(String value, Escape escape) {
        return switch (escape) {
            case URL -> urlEncode(value);
            case JSON -> jsonEscape(value);
            case HEADER -> HeaderValues.clean(value);
            case NONE -> value;
        };
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters and "/". */
    static String urlEncode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    static String jsonEscape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
