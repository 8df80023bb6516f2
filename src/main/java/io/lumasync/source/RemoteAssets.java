package io.lumasync.source;

import java.nio.charset.StandardCharsets;

/** Naming and fingerprint helpers for assets that a service makes (renders, exports, licences) rather than stores. */
public final class RemoteAssets {
    private RemoteAssets() {
    }

    /** A title as a file name: '/' would read as a sub-folder, and some characters file systems refuse. */
    public static String safeName(String title) {
        return title.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "-").strip();
    }

    /** Hex SHA-256 of {@code prefix} (the render settings) followed by {@code bytes}. */
    public static String sha256(String prefix, byte[] bytes) {
        ContentDigest d = ContentDigest.sha256();
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        d.update(p, 0, p.length);
        d.update(bytes, 0, bytes.length);
        return d.hex();
    }
}
