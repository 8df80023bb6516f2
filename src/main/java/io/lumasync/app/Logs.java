package io.lumasync.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import io.lumasync.core.LogFile;
import io.lumasync.core.Redaction;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The log a user can attach to a bug report: {@code <data>/logs/lumasync.log}, a new file per launch of the app or
 * the daemon and whenever one passes 10 MB, the last {@value #KEPT} earlier ones kept as {@code lumasync.1.log}…
 * Every line, stack traces included, passes through {@link Redaction} on its way to the file, so no code path can
 * write a secret by forgetting to mask it. Uncaught exceptions are written as a crash report.
 */
public final class Logs {
    static final int KEPT = 5;
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private Logs() {
    }

    /**
     * Starts writing this process's log into the data folder. {@code newFile}: the previous launch's file is moved
     * aside first (the app and the daemon); short commands add to the current file instead, so that a few of them
     * never push the app's last crash out of the kept files. A data folder that cannot hold a log leaves logging
     * off rather than stopping Lumasync.
     */
    public static synchronized void start(Path dataDir, boolean newFile) {
        Path file = LogFile.of(dataDir);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            return;
        }
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(ctx);
        appender.setName("file");
        appender.setFile(file.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(ctx);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.getParent().resolve("lumasync.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> bySize = new SizeBasedTriggeringPolicy<>();
        bySize.setContext(ctx);
        bySize.setMaxFileSize(FileSize.valueOf("10MB"));
        bySize.start();
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(ctx);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(ctx);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(bySize);
        appender.setEncoder(encoder);
        appender.start();
        if (newFile && sizeOf(file) > 0) {
            appender.rollover();
        }

        root.setLevel(Level.INFO);
        // Libraries that report every start, stop and connection at INFO: only their warnings help a bug report.
        for (String chatty : new String[]{"org.eclipse.jetty", "software.amazon.awssdk", "io.netty", "org.apache.http"}) {
            ctx.getLogger(chatty).setLevel(Level.WARN);
        }
        root.addAppender(appender);
        LogFile.set(file);
        CrashReport.install();
        LoggerFactory.getLogger(Logs.class).info("Started: {}", CrashReport.environment());
    }

    /** Stops writing and flushes; nothing is logged until the next {@link #start}. */
    public static synchronized void stop() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(Level.OFF);
        LogFile.set(null);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The pattern layout, with the whole formatted line (message, arguments, stack trace) redacted. */
    static final class RedactingLayout extends PatternLayout {
        @Override
        public String doLayout(ILoggingEvent event) {
            return Redaction.apply(super.doLayout(event));
        }
    }
}
