package io.lumasync.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 content hashes in the sync map's {@code sha256:<hex>} form. */
public final class Hashing {
    private Hashing() {
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    public static String sha256(InputStream in) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    public static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** A short hash of an asset's descriptive text, to notice alt-text or caption changes. */
    public static String metadataHash(io.lumasync.core.AssetMetadata md) {
        return shortHash(md.canonical());
    }

    /** The stable id of a (source asset, destination) pair: the idempotency key sent to destinations. */
    public static String syncId(String source, String assetId, String destination) {
        return shortHash(source + "\u0000" + assetId + "\u0000" + destination);
    }

    /** The first 24 hex digits (96 bits) of the SHA-256 of a text: ids and change markers, not integrity. */
    private static String shortHash(String text) {
        byte[] d = digest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 12);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
