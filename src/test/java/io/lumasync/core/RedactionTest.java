package io.lumasync.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {
    @Test
    void masksTheShapesSecretsTravelIn() {
        assertThat(Redaction.apply("Authorization: Bearer abc.def-123")).isEqualTo("Authorization: [redacted]");
        assertThat(Redaction.apply("auth Basic dXNlcjpwYXNz")).isEqualTo("auth Basic [redacted]");
        assertThat(Redaction.apply("a=1&client_secret=s3&b=2")).isEqualTo("a=1&client_secret=[redacted]&b=2");
        assertThat(Redaction.apply("{\"refresh_token\": \"r-1\", \"n\": 1}"))
                .isEqualTo("{\"refresh_token\": \"[redacted]\", \"n\": 1}");
        assertThat(Redaction.apply("see https://me:pw@host/x")).isEqualTo("see https://me:[redacted]@host/x");
        assertThat(Redaction.apply("LUMASYNC_VAULT_PASSPHRASE=open-sesame")).doesNotContain("open-sesame");
    }

    @Test
    void masksRegisteredValuesWhereverTheyAppearButLeavesOrdinaryTextAlone() {
        String secret = "whsec_" + System.nanoTime();
        Redaction.register(secret);
        Redaction.register("abc"); // too short to mask everywhere
        assertThat(Redaction.apply("signing with" + secret + "!")).isEqualTo("signing with[redacted]!");
        String ordinary = "published sunset.jpg to blog (abc), 2.1 MB → 312 kB AVIF; status 503, key trip/a.avif; "
                + "basic settings need a bearer token";
        assertThat(Redaction.apply(ordinary)).isEqualTo(ordinary);
    }
}
