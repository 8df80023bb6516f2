package io.lumasync.destination.webhook;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.http.HeaderValues;
import io.lumasync.http.signing.HexHmacSigner;
import io.lumasync.http.signing.RequestSigner;
import io.lumasync.http.signing.WebhookSigner;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a webhook's requests are signed: Standard Webhooks ({@code whsec_} secret, {@code webhook-signature}), or a
 * hex HMAC-SHA256 of the body in a header the user names, beside a timestamp header.
 */
record WebhookSigning(Scheme scheme, String signatureHeader, String signaturePrefix, String timestampHeader) {
    enum Scheme { STANDARD_WEBHOOKS, HMAC_SHA256_HEX }

    static final String STANDARD = "standard-webhooks";
    static final String HEX = "hmac-sha256-hex";
    /** Headers Lumasync sets itself, which a signature header must not replace. */
    private static final Set<String> TAKEN = Set.of("webhook-id", "content-type", "user-agent", "host",
            "content-length", "authorization");

    static List<ConfigField> fields() {
        return List.of(
                ConfigField.choice("signing", "Signing", STANDARD, List.of(STANDARD, HEX),
                        STANDARD + ": Standard Webhooks (webhook-signature, a whsec_ secret); " + HEX + ": hex "
                                + "HMAC-SHA256 of the body in the header below, with any secret your receiver knows."),
                new ConfigField("signature_header", "Signature header", ConfigField.Kind.TEXT, false,
                        "X-Signature-256", "With " + HEX + ": the header holding the signature.", List.of()),
                new ConfigField("signature_prefix", "Signature prefix", ConfigField.Kind.TEXT, false, "sha256=",
                        "With " + HEX + ": written before the hex digits (empty for none).", List.of()),
                new ConfigField("timestamp_header", "Timestamp header", ConfigField.Kind.TEXT, false, "X-Timestamp",
                        "With " + HEX + ": the header holding the send time in Unix seconds.", List.of()));
    }

    static WebhookSigning from(AdapterConfig c) throws ConfigurationException {
        String s = c.get("signing").orElse(STANDARD).strip().toLowerCase(Locale.ROOT);
        Scheme scheme = switch (s) {
            case STANDARD -> Scheme.STANDARD_WEBHOOKS;
            case HEX -> Scheme.HMAC_SHA256_HEX;
            default -> throw new ConfigurationException("The webhook '" + c.name() + "': signing must be " + STANDARD
                    + " or " + HEX + ", not '" + s + "'.");
        };
        WebhookSigning w = new WebhookSigning(scheme, c.get("signature_header").orElse("X-Signature-256").strip(),
                c.settings().getOrDefault("signature_prefix", "sha256="),
                c.get("timestamp_header").orElse("X-Timestamp").strip());
        for (String h : List.of(w.signatureHeader, w.timestampHeader)) {
            if (!HeaderValues.isValidName(h) || TAKEN.contains(h.toLowerCase(Locale.ROOT))) {
                throw new ConfigurationException("The webhook '" + c.name() + "': '" + h + "' cannot be a signature "
                        + "or timestamp header. Use a name of letters, digits and '-', such as X-Signature-256.");
            }
        }
        if (w.signatureHeader.equalsIgnoreCase(w.timestampHeader)) {
            throw new ConfigurationException("The webhook '" + c.name() + "': the signature and the timestamp need "
                    + "two different headers.");
        }
        if (!HeaderValues.clean(w.signaturePrefix).equals(w.signaturePrefix.strip())) {
            throw new ConfigurationException("The webhook '" + c.name() + "': the signature prefix holds a line break "
                    + "or another control character.");
        }
        return w;
    }

    /** The signer for {@code secret}; IllegalArgumentException (naming no secret) when the secret does not fit. */
    RequestSigner signer(String secret) {
        return scheme == Scheme.STANDARD_WEBHOOKS ? new WebhookSigner(secret)
                : new HexHmacSigner(secret, signatureHeader, signaturePrefix, timestampHeader);
    }
}
