package io.lumasync.http.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * A receiver-side check written from the Standard Webhooks spec (https://www.standardwebhooks.com, "Verifying
 * webhook authenticity"), independent of {@link WebhookSigner}: strip {@code whsec_}, base64-decode the key,
 * HMAC-SHA256 over {@code id.timestamp.body}, compare in constant time with each space-separated {@code v1,}
 * signature, and refuse timestamps more than five minutes away.
 */
public final class StandardWebhooksVerifier {
    private static final long TOLERANCE_SECONDS = 5 * 60;
    private final byte[] key;

    public StandardWebhooksVerifier(String secret) {
        key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** Empty when valid, else why not. */
    public String problem(String id, String timestamp, String signatureHeader, byte[] body) throws Exception {
        if (id == null || timestamp == null || signatureHeader == null) {
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        }
        long ts = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - ts) > TOLERANCE_SECONDS) {
            return "timestamp outside the tolerance";
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] signedContent = concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        byte[] expected = mac.doFinal(signedContent);
        for (String sig : signatureHeader.split(" ")) {
            int comma = sig.indexOf(',');
            if (comma > 0 && sig.substring(0, comma).equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(sig.substring(comma + 1)))) {
                return "";
            }
        }
        return "no matching v1 signature";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
