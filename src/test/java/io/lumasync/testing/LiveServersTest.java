package io.lumasync.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveServersTest {
    private static final String MISSING = "no S3 server (LUMASYNC_S3_ENDPOINT is not set)";
    private static final String START = "Run `bash scripts/services.d/s3.sh start`.";

    @Test
    void aMissingServerFailsUnderCiNamingTheServerAndTheScript() {
        assertThatThrownBy(() -> LiveServers.require(false, MISSING, START, true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("no S3 server").hasMessageContaining("scripts/services.d/s3.sh");
    }

    @Test
    void aMissingServerSkipsOutsideCiWithTheReason() {
        assertThatThrownBy(() -> LiveServers.require(false, MISSING, START, false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no S3 server").hasMessageContaining("scripts/services.d/s3.sh");
    }

    @Test
    void aPresentServerGoesOnEverywhere() {
        assertThatCode(() -> LiveServers.require(true, MISSING, START, true)).doesNotThrowAnyException();
        assertThatCode(() -> LiveServers.require(true, MISSING, START, false)).doesNotThrowAnyException();
    }

    @Test
    void ciIsAnyValueOfTheCiVariableButFalse() {
        assertThat(LiveServers.underCi(Map.of("CI", "true"))).isTrue();
        assertThat(LiveServers.underCi(Map.of("CI", "1"))).isTrue();
        assertThat(LiveServers.underCi(Map.of("CI", "false"))).isFalse();
        assertThat(LiveServers.underCi(Map.of("CI", ""))).isFalse();
        assertThat(LiveServers.underCi(Map.of())).isFalse();
    }
}
