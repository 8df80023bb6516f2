package io.lumasync.source;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BodyLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A source download stopped by its limits fails once, for good, and leaves no partial file behind. */
class StagedDownloadLimitTest {
    @TempDir
    Path dir;

    @Test
    void anEndlessDownloadIsGivenUpAndItsPartialFileRemoved() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 7;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        InputStream bounded = BodyLimits.bound(endless, new BodyLimits.Limits(1 << 20, Duration.ofMinutes(1)));
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> StagedDownload.verify(bounded, dir, "", "sunset.jpg"));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("sunset.jpg").contains("more than 1 MB");
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}
