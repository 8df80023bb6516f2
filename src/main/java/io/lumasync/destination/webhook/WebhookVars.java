package io.lumasync.destination.webhook;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** The values of the {{placeholders}} for one request, and the idempotency key derived from them. */
final class WebhookVars {
    /** A 1×1 PNG for "Test connection". */
    static final String ONE_PIXEL_PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==";

    private WebhookVars() {
    }

    static Map<String, String> of(WebhookSettings s, Upload u, Event event, Optional<RemoteRef> existing,
                                  Optional<String> token) {
        Map<String, String> v = common(s, event, token);
        byte[] bytes = u.image().bytes();
        v.put("filename", u.image().fileName());
        v.put("mime", u.image().mimeType());
        v.put("format", u.image().format().extension());
        if (needsBase64(s)) {
            String b64 = Base64.getEncoder().encodeToString(bytes);
            v.put("file_base64", b64);
            v.put("file_data_uri", "data:" + u.image().mimeType() + ";base64," + b64);
        }
        v.put("source", u.sourceName());
        v.put("source_asset_id", u.sourceAssetId());
        v.put("size_bytes", Long.toString(bytes.length));
        v.put("sync_id", u.syncId());
        v.put("folder", u.folder());
        v.put("folder_path", u.folder().isEmpty() ? "" : u.folder().replaceAll("/+$", "") + "/");
        describe(v, u.metadata());
        existing.ifPresent(r -> existing(v, r));
        return v;
    }

    static Map<String, String> ofMetadata(WebhookSettings s, RemoteRef existing, AssetMetadata m, Optional<String> token) {
        Map<String, String> v = common(s, Event.METADATA, token);
        describe(v, m);
        existing(v, existing);
        return v;
    }

    static Map<String, String> ofRemoval(WebhookSettings s, RemoteRef existing, Optional<String> token) {
        Map<String, String> v = common(s, Event.DELETED, token);
        existing(v, existing);
        return v;
    }

    /**
     * The {@code webhook-id}: the same for a re-send of the same request (so a receiver can drop the repeat),
     * different when the content, the description or the target changes. The timestamp is left out on purpose.
     */
    static String messageId(Event event, Map<String, String> v, byte[] file) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String k : new String[]{"sync_id", "existing_asset_id", "alt_text", "title", "caption", "description"}) {
                d.update(v.getOrDefault(k, "").getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            d.update(event.event.getBytes(StandardCharsets.UTF_8));
            if (file != null) {
                d.update((byte) 1);
                d.update(file);
            }
            return "msg_" + HexFormat.of().formatHex(d.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> common(WebhookSettings s, Event event, Optional<String> token) {
        Map<String, String> v = new HashMap<>();
        v.put("event", event.event);
        v.put("action", event.action);
        v.put("is_update", Boolean.toString(event != Event.CREATED));
        v.put("destination_id", s.name());
        v.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        token.ifPresent(t -> v.put("token", t));
        return v;
    }

    private static void describe(Map<String, String> v, AssetMetadata m) {
        v.put("alt_text", m.altText());
        v.put("title", m.title());
        v.put("caption", m.caption());
        v.put("description", m.description());
    }

    private static void existing(Map<String, String> v, RemoteRef r) {
        v.put("existing_asset_id", r.id());
        v.put("existing_url", r.url());
    }

    /** Base64 doubles memory for large files: made only when the body can use it. */
    private static boolean needsBase64(WebhookSettings s) {
        String all = s.url() + s.headers() + s.template();
        return (s.body() == WebhookSettings.Body.JSON && s.template().isBlank())
                || all.contains("file_base64") || all.contains("file_data_uri");
    }
}
