package io.lumasync.sync;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.Upload;
import io.lumasync.image.PassThroughPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A destination that streams without end cannot fill the heap through Optimize's preview or run. */
class OptimizeDownloadCapTest {
    @TempDir
    Path dir;

    @Test
    void anEndlessDownloadStopsAtTheCapWithAPlainReason() {
        AtomicLong served = new AtomicLong();
        Destination endless = new Destination() {
            @Override
            public Capabilities capabilities() {
                throw new UnsupportedOperationException();
            }

            @Override
            public RemoteRef put(Upload upload) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void remove(RemoteRef ref) {
                throw new UnsupportedOperationException();
            }

            @Override
            public InputStream download(RemoteRef ref) {
                return new InputStream() {
                    @Override
                    public int read() {
                        served.incrementAndGet();
                        return 0;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        served.addAndGet(len);
                        return len;
                    }
                };
            }
        };
        OptimizeSteps steps = new OptimizeSteps(new PassThroughPipeline(), io.lumasync.core.RetryPolicy.DEFAULT, dir);
        RemoteAsset asset = new RemoteAsset(new RemoteRef("1", "https://cdn.example.com/big.jpg"), "big.jpg",
                "image/jpeg", 0, 0, 0, "");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> steps.download(endless, asset));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("big.jpg").contains("larger than 256.0 MB");
        assertThat(served.get()).isLessThanOrEqualTo(OptimizeSteps.MAX_DOWNLOAD + 1L);
    }
}
