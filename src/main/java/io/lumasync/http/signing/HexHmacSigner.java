package io.lumasync.http.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheme many existing receivers check (GitHub's {@code X-Hub-Signature-256}, and the many services that copied
 * it): lower-case hex of HMAC-SHA256(secret, body), after a prefix such as {@code sha256=}, in a header the user
 * names, with the send time (Unix seconds) in a second header. The secret is used as its UTF-8 bytes, whatever its
 * form, so any secret the receiver already has works.
 */
public final class HexHmacSigner implements RequestSigner {
    private final byte[] key;
    private final String signatureHeader;
    private final String signaturePrefix;
    private final String timestampHeader;

    /**
     * @param signatureHeader the header holding the signature, e.g. {@code X-Signature-256}
     * @param signaturePrefix written before the hex digits, e.g. {@code sha256=} (empty for none)
     * @param timestampHeader the header holding the send time in Unix seconds
     * @throws IllegalArgumentException when the secret is empty
     */
    public HexHmacSigner(String secret, String signatureHeader, String signaturePrefix, String timestampHeader) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The signing secret is empty.");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.signatureHeader = signatureHeader;
        this.signaturePrefix = signaturePrefix;
        this.timestampHeader = timestampHeader;
    }

    /** The signature header's value for {@code body}: the prefix and lower-case hex digits. */
    public String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return signaturePrefix + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }

    @Override
    public String scheme() {
        return "hex HMAC-SHA256 of the body (" + signatureHeader + ")";
    }

    @Override
    public Map<String, String> headers(String messageId, long timestampSeconds, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(signatureHeader, signature(body));
        h.put(timestampHeader, Long.toString(timestampSeconds));
        return h;
    }
}
