package io.lumasync.sync;

import io.lumasync.core.ErrorKind;

/**
 * A destination or source the user has to fix before it works again: a sign-in that expired or was revoked
 * ({@link ErrorKind#REAUTH}), or one that cannot be used at all, such as a full or read-only disk
 * ({@link ErrorKind#UNAVAILABLE}). Runs report each at most once; the doors decide how to tell the user.
 *
 * @param message the engine's own words, what happened and what to do
 */
public record Attention(Target target, String name, ErrorKind kind, String message) {
    public enum Target { DESTINATION, SOURCE }

    /** Whether a failure of this kind needs the user rather than another try. */
    public static boolean needed(ErrorKind kind) {
        return kind == ErrorKind.REAUTH || kind == ErrorKind.UNAVAILABLE;
    }
}
