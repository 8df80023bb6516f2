package io.lumasync.image.vips;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

class NativeHeapTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void glibcTakesTheArenaAndOwnPagesSettings() {
        // Debian's C library is glibc: every mallopt call must be accepted, or the memory bound the launchers rely
        // on (docs/benchmarks.md) silently does not hold.
        assertThat(NativeHeap.tune()).isTrue();
    }
}
