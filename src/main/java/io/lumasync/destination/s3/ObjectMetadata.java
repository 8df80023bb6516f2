package io.lumasync.destination.s3;

import io.lumasync.core.AssetMetadata;
import io.lumasync.destination.Upload;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The user metadata ({@code x-amz-meta-*}) Lumasync stores with each object: the sync id and MD5 that let a lost
 * upload be recognised, plus alt text, title, caption and description. Values are percent-encoded UTF-8 because
 * S3 metadata travels in HTTP headers, which carry ASCII only.
 */
final class ObjectMetadata {
    static final String SYNC_ID = "lumasync-sync-id";
    static final String MD5 = "lumasync-md5";
    private static final String ALT = "alt-text";
    private static final String TITLE = "title";
    private static final String CAPTION = "caption";
    private static final String DESCRIPTION = "description";
    private static final String SOURCE = "lumasync-source";
    private static final String SOURCE_ASSET = "lumasync-source-asset-id";

    private ObjectMetadata() {
    }

    static Map<String, String> of(Upload u) {
        Map<String, String> m = new HashMap<>(describe(u.metadata()));
        m.put(SYNC_ID, encode(u.syncId()));
        m.put(MD5, md5Hex(u.image().bytes()));
        putIfSet(m, SOURCE, u.sourceName());
        putIfSet(m, SOURCE_ASSET, u.sourceAssetId());
        return m;
    }

    /** The stored metadata with the descriptive fields replaced, the bookkeeping ones kept. */
    static Map<String, String> withDescription(Map<String, String> stored, AssetMetadata meta) {
        Map<String, String> m = new HashMap<>(stored);
        m.keySet().removeAll(java.util.List.of(ALT, TITLE, CAPTION, DESCRIPTION));
        m.putAll(describe(meta));
        return m;
    }

    static AssetMetadata description(Map<String, String> stored) {
        return new AssetMetadata(decode(stored.get(ALT)), decode(stored.get(TITLE)), decode(stored.get(CAPTION)),
                decode(stored.get(DESCRIPTION)));
    }

    static String syncId(Map<String, String> stored) {
        return decode(stored.get(SYNC_ID));
    }

    static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> describe(AssetMetadata meta) {
        Map<String, String> m = new HashMap<>();
        putIfSet(m, ALT, meta.altText());
        putIfSet(m, TITLE, meta.title());
        putIfSet(m, CAPTION, meta.caption());
        putIfSet(m, DESCRIPTION, meta.description());
        return m;
    }

    private static void putIfSet(Map<String, String> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, encode(value));
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        return s == null ? "" : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
