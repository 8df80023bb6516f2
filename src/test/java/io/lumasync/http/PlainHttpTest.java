package io.lumasync.http;

import io.lumasync.core.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainHttpTest {

    @Test
    void credentialsGoOverPlainHttpOnlyToThisComputer() {
        for (String ok : new String[]{"http://localhost:8080/x", "http://127.0.0.1/x", "http://127.9.8.7/x",
                "http://[::1]:9000/x", "http://wp.localhost/x", "https://example.com/x"}) {
            assertThatCode(() -> PlainHttp.requireSafe(URI.create(ok), false, "the webhook 'a'")).as(ok)
                    .doesNotThrowAnyException();
        }
        for (String bad : new String[]{"http://example.com/x", "http://192.168.1.10/x", "http://localhost.example.com/x",
                "http://127.0.0.1.nip.io/x", "HTTP://example.com/x"}) {
            assertThatThrownBy(() -> PlainHttp.requireSafe(URI.create(bad), false, "the webhook 'a'")).as(bad)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("the webhook 'a'").hasMessageContaining("https://")
                    .hasMessageContaining("Allow plain http");
        }
    }

    @Test
    void theUserMayAllowPlainHttpForOneDestination() {
        assertThatCode(() -> PlainHttp.requireSafe(URI.create("http://nas.lan/x"), true, "x"))
                .doesNotThrowAnyException();
        assertThat(PlainHttp.field().key()).isEqualTo(PlainHttp.FIELD);
        assertThat(PlainHttp.field().defaultValue()).isEqualTo("false");
    }

    @Test
    void headerValuesLoseEveryControlCharacter() {
        String hostile = "a\r\nX-Evil: 1\u000b\u000c\u0000\u0085b\u2028c\u2029d\u007f";
        String clean = HeaderValues.clean(hostile);
        assertThat(clean).doesNotContain("\r", "\n", "\u000b", "\u000c", "\u0000", "\u0085", "\u2028", "\u2029", "\u007f");
        assertThat(clean).isEqualTo("a X-Evil: 1 b c d");
        assertThat(HeaderValues.isValidName("X-Signature-256")).isTrue();
        assertThat(HeaderValues.isValidName("Bad Name")).isFalse();
        assertThat(HeaderValues.isValidName("X:Y")).isFalse();
        assertThat(HeaderValues.isValidName("")).isFalse();
    }
}
