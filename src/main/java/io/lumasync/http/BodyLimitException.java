package io.lumasync.http;

import java.io.IOException;
import java.time.Duration;

/** A download stopped by {@link BodyLimits}: too many bytes, or too slow. Retrying would end the same way. */
public final class BodyLimitException extends IOException {
    private BodyLimitException(String message) {
        super(message);
    }

    static BodyLimitException tooBig(long maxBytes) {
        return new BodyLimitException("it sent more than " + human(maxBytes) + ", so Lumasync stopped reading");
    }

    static BodyLimitException tooSlow(Duration deadline) {
        return new BodyLimitException("it took longer than " + human(deadline) + " to send its answer, so Lumasync "
                + "stopped waiting");
    }

    private static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return (bytes >> 30) + " GB";
        }
        return bytes >= 1L << 20 ? (bytes >> 20) + " MB" : bytes >= 1024 ? (bytes >> 10) + " KB" : bytes + " bytes";
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 120 ? s / 60 + " minutes" : s >= 1 ? s + " seconds" : d.toMillis() + " ms";
    }
}
