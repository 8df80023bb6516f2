package io.lumasync.app;

import io.lumasync.image.ImageLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnginesTest {
    @Test
    void thePerImageTimeLimitComesFromTheEnvironment() {
        assertThat(Engines.limits(Map.of()).deadline()).isEqualTo(ImageLimits.DEFAULT_DEADLINE);
        assertThat(Engines.limits(Map.of(Engines.TIME_LIMIT, "5m")).deadline()).isEqualTo(Duration.ofMinutes(5));
        assertThat(Engines.limits(Map.of(Engines.TIME_LIMIT, "90s")).deadline()).isEqualTo(Duration.ofSeconds(90));
        assertThat(Engines.limits(Map.of(Engines.TIME_LIMIT, "0s")).deadline()).isEqualTo(ImageLimits.DEFAULT_DEADLINE);
        assertThat(Engines.limits(Map.of(Engines.TIME_LIMIT, "soon")).deadline()).isEqualTo(ImageLimits.DEFAULT_DEADLINE);
    }
}
