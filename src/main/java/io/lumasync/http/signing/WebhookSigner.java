package io.lumasync.http.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Signs requests the Standard Webhooks way (https://www.standardwebhooks.com, spec 1.0): the secret is
 * {@code whsec_} + base64 key bytes; the signature is base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))
 * sent as {@code webhook-signature: v1,<signature>} beside {@code webhook-id} and {@code webhook-timestamp}.
 */
public final class WebhookSigner implements RequestSigner {
    public static final String PREFIX = "whsec_";
    private final byte[] key;

    /** @throws IllegalArgumentException when the secret is not {@code whsec_} + base64 (message names no secret) */
    public WebhookSigner(String secret) {
        String s = secret.strip();
        String b64 = s.startsWith(PREFIX) ? s.substring(PREFIX.length()) : s;
        try {
            key = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The signing secret is not in the whsec_… form (base64 after the prefix).");
        }
        if (key.length < 16) {
            throw new IllegalArgumentException("The signing secret is too short: use at least 16 random bytes.");
        }
    }

    /** A new random secret, shown once to the user to set up the receiver. */
    public static String generateSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return PREFIX + Base64.getEncoder().encodeToString(b);
    }

    @Override
    public Map<String, String> headers(String messageId, long timestampSeconds, byte[] body) {
        return Map.of("webhook-timestamp", Long.toString(timestampSeconds),
                "webhook-signature", sign(messageId, timestampSeconds, body));
    }

    @Override
    public String scheme() {
        return "Standard Webhooks (webhook-signature)";
    }

    /** The {@code webhook-signature} header value for one request. */
    public String sign(String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }
}
