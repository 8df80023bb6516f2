package io.lumasync.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QuickXorHash against published values (the algorithm page learn.microsoft.com/onedrive/developer/code-snippets/
 * quickxorhash; "hello world" is the example of the quickxorhash C library and Rust crate that port it) and against
 * an independent rendering of the algorithm's description ({@link SourceContract#expectedHash}).
 */
class QuickXorDigestTest {

    private static String base64(ContentDigest d) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.hex()));
    }

    @Test
    void matchesThePublishedValues() {
        ContentDigest empty = ContentDigest.forFingerprint("quickxor:").orElseThrow();
        assertThat(base64(empty)).isEqualTo("AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        ContentDigest hello = ContentDigest.forFingerprint("quickxor:").orElseThrow();
        byte[] b = "hello world".getBytes(StandardCharsets.US_ASCII);
        hello.update(b, 0, b.length);
        assertThat(base64(hello)).isEqualTo("aCgDG9jwBhDc4Q1yawMZAAAAAAA=");
    }

    @Test
    void givesTheSameHashHoweverTheBytesArriveAndMatchesTheReference() throws Exception {
        byte[] data = new byte[1_000_003];
        new Random(42).nextBytes(data);
        ContentDigest whole = ContentDigest.forFingerprint("quickxor:x").orElseThrow();
        whole.update(data, 0, data.length);
        ContentDigest pieces = ContentDigest.forFingerprint("quickxor:x").orElseThrow();
        Random cut = new Random(7);
        for (int off = 0; off < data.length; ) {
            int n = Math.min(data.length - off, 1 + cut.nextInt(70_000));
            pieces.update(data, off, n);
            off += n;
        }
        String expected = SourceContract.expectedHash("quickxor:", data);
        assertThat(whole.fingerprintValue()).isEqualTo(expected);
        assertThat(pieces.fingerprintValue()).isEqualTo(expected);
        data[500_000] ^= 1;
        assertThat(SourceContract.expectedHash("quickxor:", data)).isNotEqualTo(expected);
    }

    @Test
    void sha1IsKnownForGraphsSha1Hash() {
        ContentDigest d = ContentDigest.forFingerprint("sha1:").orElseThrow();
        byte[] b = "abc".getBytes(StandardCharsets.US_ASCII);
        d.update(b, 0, b.length);
        assertThat(d.fingerprintValue()).isEqualTo("sha1:a9993e364706816aba3e25717850c26c9cd0d89d");
    }
}
