package io.lumasync.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure with a message a photographer understands (what happened and what to do next) and a classification
 * the engine acts on. Messages never contain secrets.
 */
public class LumasyncException extends Exception {
    private final ErrorKind kind;
    private final Duration retryAfter;

    public LumasyncException(ErrorKind kind, String userMessage) {
        this(kind, userMessage, null, null);
    }

    public LumasyncException(ErrorKind kind, String userMessage, Throwable cause) {
        this(kind, userMessage, null, cause);
    }

    public LumasyncException(ErrorKind kind, String userMessage, Duration retryAfter, Throwable cause) {
        super(userMessage, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The wait a server asked for (HTTP Retry-After), if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public static LumasyncException retry(String message, Duration retryAfter) {
        return new LumasyncException(ErrorKind.RETRY, message, retryAfter, null);
    }

    public static LumasyncException giveUp(String message) {
        return new LumasyncException(ErrorKind.GIVE_UP, message);
    }
}
