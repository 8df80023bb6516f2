package io.lumasync.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Counts what is read and stops at the byte cap; a watchdog closes the underlying stream at the deadline, which
 * wakes a read blocked on a server that stopped sending. A stream cut by the deadline never reads as a complete
 * file: the read that sees the cut throws.
 */
final class BoundedInputStream extends FilterInputStream {
    private final BodyLimits.Limits limits;
    private final long declared;
    private final ScheduledFuture<?> timer;
    private volatile boolean expired;
    private long count;

    BoundedInputStream(InputStream in, BodyLimits.Limits limits, long declared) {
        super(in);
        this.limits = limits;
        this.declared = declared;
        this.timer = BodyLimits.WATCHDOG.schedule(this::expire, BodyLimits.millis(limits.deadline()), TimeUnit.MILLISECONDS);
    }

    private void expire() {
        expired = true;
        BodyLimits.closeQuietly(in);
    }

    private void before() throws IOException {
        if (expired) {
            throw BodyLimitException.tooSlow(limits.deadline());
        }
        if (declared > limits.maxBytes()) {
            close();
            throw BodyLimitException.tooBig(limits.maxBytes());
        }
    }

    private int after(int n) throws IOException {
        if (expired) {
            throw BodyLimitException.tooSlow(limits.deadline());
        }
        if (n > 0) {
            count += n;
            if (count > limits.maxBytes()) {
                close();
                throw BodyLimitException.tooBig(limits.maxBytes());
            }
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        before();
        int b;
        try {
            b = in.read();
        } catch (IOException e) {
            after(0);
            throw e;
        }
        after(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        before();
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            after(0);
            throw e;
        }
        return after(n);
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = read(buf, 0, buf.length)) >= 0; ) {
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        timer.cancel(false);
        in.close();
    }
}
