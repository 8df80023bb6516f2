package io.lumasync.destination.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The exact bytes sent (and signed) for one event, with their Content-Type. {@code file} is null for events
 * without a file (metadata.updated, asset.deleted).
 */
record WebhookBody(byte[] bytes, String contentType) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields of the default JSON body and of default form fields, in this order. */
    private static final List<String> DEFAULT_FIELDS = List.of("event", "action", "filename", "mime", "alt_text",
            "title", "caption", "description", "source", "source_asset_id", "size_bytes", "sync_id", "destination_id",
            "folder", "existing_asset_id", "existing_url", "timestamp");

    static WebhookBody build(WebhookSettings s, Map<String, String> vars, byte[] file, String fileName, String mime) {
        return switch (s.body()) {
            case JSON -> json(s.template(), vars, file != null);
            case FORM -> form(s.template(), vars, file, fileName, mime);
            case RAW -> file == null ? json("", vars, false) : new WebhookBody(file, mime);
        };
    }

    private static WebhookBody json(String template, Map<String, String> vars, boolean withFile) {
        if (!template.isBlank()) {
            return new WebhookBody(Template.render(template, vars, Template.Escape.JSON).getBytes(StandardCharsets.UTF_8),
                    "application/json");
        }
        ObjectNode o = JSON.createObjectNode();
        for (String f : DEFAULT_FIELDS) {
            String v = vars.getOrDefault(f, "");
            if (f.equals("size_bytes")) {
                if (!v.isEmpty()) {
                    o.put(f, Long.parseLong(v));
                }
            } else if (f.startsWith("existing_")) {
                o.put(f, v.isEmpty() ? null : v);
            } else {
                o.put(f, v);
            }
        }
        if (withFile) {
            o.put("file_base64", vars.get("file_base64"));
        }
        try {
            return new WebhookBody(JSON.writeValueAsBytes(o), "application/json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * multipart/form-data: fields from {@code name=value} template lines (a value of {@code @file} places the
     * file under that name), or the default fields plus the file as "file".
     */
    private static WebhookBody form(String template, Map<String, String> vars, byte[] file, String fileName, String mime) {
        Map<String, String> fields = new LinkedHashMap<>();
        String fileField = "file";
        if (template.isBlank()) {
            for (String f : DEFAULT_FIELDS) {
                fields.put(f, vars.getOrDefault(f, ""));
            }
        } else {
            fileField = null;
            for (String line : template.split("\\R")) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = line.substring(0, eq).strip();
                String value = line.substring(eq + 1);
                if (value.strip().equals("@file")) {
                    fileField = name;
                } else {
                    fields.put(name, Template.render(value, vars, jsonShaped(value)
                            ? Template.Escape.JSON : Template.Escape.NONE));
                }
            }
        }
        String boundary = "lumasync-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            part(out, boundary, "form-data; name=\"" + quote(e.getKey()) + "\"", null);
            out.writeBytes(e.getValue().getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (file != null && fileField != null) {
            part(out, boundary, "form-data; name=\"" + quote(fileField) + "\"; filename=\"" + quote(fileName) + "\"", mime);
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new WebhookBody(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** A form field whose template is a JSON document (Cloudinary's context, some CMS "meta" fields). */
    private static boolean jsonShaped(String value) {
        String v = value.replaceAll("\\{\\{\\s*[a-z0-9_]+\\s*}}", "").strip();
        return (v.startsWith("{") && v.endsWith("}")) || (v.startsWith("[") && v.endsWith("]"));
    }

    private static void part(ByteArrayOutputStream out, String boundary, String disposition, String type) {
        String head = "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return s.replace("\"", "%22").replace("\r", "").replace("\n", "");
    }
}
