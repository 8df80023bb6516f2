package io.lumasync.source;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A provider's content hash computed locally while bytes stream past, so a download can be checked against what
 * the listing promised. {@link #fingerprintValue} is the {@code algorithm:hex} form used in {@code Fingerprint}.
 */
public interface ContentDigest {
    void update(byte[] b, int off, int len);

    /** Lower-case hex of the finished hash. Call once, after the last byte. */
    String hex();

    String algorithm();

    default String fingerprintValue() {
        return algorithm() + ":" + hex();
    }

    /** The digest for a fingerprint hash such as {@code dropbox:…} or {@code md5:…}, if we know that algorithm. */
    static Optional<ContentDigest> forFingerprint(String contentHash) {
        int colon = contentHash.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return switch (contentHash.substring(0, colon)) {
            case "dropbox" -> Optional.of(dropbox());
            case "md5" -> Optional.of(plain("md5", "MD5"));
            case "sha256" -> Optional.of(plain("sha256", "SHA-256"));
            case "sha1" -> Optional.of(plain("sha1", "SHA-1"));
            case "quickxor" -> Optional.of(new QuickXorDigest());
            default -> Optional.empty();
        };
    }

    static ContentDigest md5() {
        return plain("md5", "MD5");
    }

    static ContentDigest sha256() {
        return plain("sha256", "SHA-256");
    }

    private static ContentDigest plain(String name, String jca) {
        MessageDigest md = newDigest(jca);
        return new ContentDigest() {
            @Override
            public void update(byte[] b, int off, int len) {
                md.update(b, off, len);
            }

            @Override
            public String hex() {
                return HexFormat.of().formatHex(md.digest());
            }

            @Override
            public String algorithm() {
                return name;
            }
        };
    }

    /**
     * Dropbox's content_hash (developers/reference/content-hash): SHA-256 of each 4 MiB block, then SHA-256 of
     * the concatenated block hashes. An empty file is the SHA-256 of nothing.
     */
    static ContentDigest dropbox() {
        int block = 4 * 1024 * 1024;
        MessageDigest overall = newDigest("SHA-256");
        MessageDigest current = newDigest("SHA-256");
        int[] inBlock = {0};
        return new ContentDigest() {
            @Override
            public void update(byte[] b, int off, int len) {
                while (len > 0) {
                    int n = Math.min(len, block - inBlock[0]);
                    current.update(b, off, n);
                    inBlock[0] += n;
                    off += n;
                    len -= n;
                    if (inBlock[0] == block) {
                        overall.update(current.digest());
                        inBlock[0] = 0;
                    }
                }
            }

            @Override
            public String hex() {
                if (inBlock[0] > 0) {
                    overall.update(current.digest());
                    inBlock[0] = 0;
                }
                return HexFormat.of().formatHex(overall.digest());
            }

            @Override
            public String algorithm() {
                return "dropbox";
            }
        };
    }

    private static MessageDigest newDigest(String jca) {
        try {
            return MessageDigest.getInstance(jca);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca + " is missing from this Java runtime", e);
        }
    }
}
