package io.lumasync.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one guard on bytes that come back from the network: every download is capped in bytes and bound by a total
 * deadline, so an endpoint that streams forever fills neither the disk nor the heap, and one that trickles a byte
 * a minute gives up instead of holding a worker for ever. The clock starts when the answer's headers arrive (the
 * request's own timeout bounds the wait for those).
 */
public final class BodyLimits {
    /**
     * @param maxBytes the most bytes read before the download is refused
     * @param deadline the longest the whole body may take
     */
    public record Limits(long maxBytes, Duration deadline) {
        public Limits {
            if (maxBytes <= 0 || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /** An image file: far above the largest photo the pipeline accepts, far below a full disk. */
    public static final Limits FILE = new Limits(2L << 30, Duration.ofMinutes(30));
    /** A preview image read into memory. */
    public static final Limits THUMBNAIL = new Limits(16L << 20, Duration.ofMinutes(1));
    /** A page of a listing or an API answer read into memory. */
    public static final Limits PAGE = new Limits(32L << 20, Duration.ofMinutes(2));

    static final ScheduledExecutorService WATCHDOG = watchdog();

    private BodyLimits() {
    }

    /** A body handler giving a stream that stops at the limits with a {@link BodyLimitException}. */
    public static BodyHandler<InputStream> ofInputStream(Limits limits) {
        return info -> BodySubscribers.mapping(BodySubscribers.ofInputStream(),
                in -> new BoundedInputStream(in, limits, declaredLength(info)));
    }

    /** A body handler reading the answer as UTF-8 (or its declared charset) text within the limits. */
    public static BodyHandler<String> ofString(Limits limits) {
        return info -> new BoundedTextSubscriber(limits, declaredLength(info), charset(info));
    }

    /** Bounds a stream that does not come from {@code java.net.http} (a vendor SDK's download). */
    public static InputStream bound(InputStream in, Limits limits) {
        return new BoundedInputStream(in, limits, -1);
    }

    private static long declaredLength(HttpResponse.ResponseInfo info) {
        return info.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    private static java.nio.charset.Charset charset(HttpResponse.ResponseInfo info) {
        String type = info.headers().firstValue("Content-Type").orElse("");
        int at = type.toLowerCase(java.util.Locale.ROOT).indexOf("charset=");
        if (at >= 0) {
            String name = type.substring(at + 8).split(";")[0].strip().replace("\"", "");
            try {
                return java.nio.charset.Charset.forName(name);
            } catch (RuntimeException ignored) {
                // an unknown charset: read as UTF-8
            }
        }
        return java.nio.charset.StandardCharsets.UTF_8;
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "lumasync-download-deadlines");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // stopping a download that is refused anyway
        }
    }

    static long millis(Duration d) {
        return TimeUnit.NANOSECONDS.toMillis(d.toNanos());
    }
}
