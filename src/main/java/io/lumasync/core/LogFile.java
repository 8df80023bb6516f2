package io.lumasync.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this process writes its log, once the launcher started logging, so that a message about an unexpected
 * failure can tell the user which file to attach to a bug report.
 */
public final class LogFile {
    private static volatile Path current;

    private LogFile() {
    }

    /** Where the log of a data folder is written: {@code <data>/logs/lumasync.log}. */
    public static Path of(Path dataDir) {
        return dataDir.resolve("logs").resolve("lumasync.log");
    }

    public static void set(Path file) {
        current = file;
    }

    public static Optional<Path> current() {
        return Optional.ofNullable(current);
    }

    /** "unexpected error: …", naming the log file that holds the stack trace (when there is one). */
    public static String unexpectedError(Throwable e) {
        return "unexpected error: " + Redaction.apply(String.valueOf(e))
                + current().map(f -> ". The details are in the log file " + f).orElse("");
    }
}
