package io.lumasync.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * What a user attaches to a bug report: an exception nothing else caught, written to the log with its stack
 * trace and the versions and system it happened on (the log already masks secrets).
 */
final class CrashReport {
    private static final Logger LOG = LoggerFactory.getLogger(CrashReport.class);

    private CrashReport() {
    }

    static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        if (previous instanceof Handler) {
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler(new Handler(previous));
    }

    /** Lumasync's version, Java's, and the system's, on one line. */
    static String environment() {
        String v = Main.class.getPackage().getImplementationVersion();
        return String.format(Locale.ROOT, "Lumasync %s; Java %s (%s); %s %s (%s); %d cores, %d MB heap",
                v == null ? "development build" : v, System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    static void report(Thread thread, Throwable e) {
        LOG.error("Crash report: uncaught exception in thread '{}'. {}", thread.getName(), environment(), e);
    }

    private record Handler(Thread.UncaughtExceptionHandler previous) implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            report(t, e);
            if (previous != null) {
                previous.uncaughtException(t, e);
            } else {
                // What the JVM would have done without a handler.
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        }
    }
}
