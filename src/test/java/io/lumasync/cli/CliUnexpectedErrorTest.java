package io.lumasync.cli;

import io.lumasync.app.Logs;
import io.lumasync.core.LogFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CliUnexpectedErrorTest {
    @TempDir
    Path data;

    @Test
    void anUnexpectedErrorIsLoggedWithItsStackTraceAndTheMessageNamesTheLogFile() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Logs.start(data, false);
        int exit;
        try (CliContext ctx = new CliContext(() -> {
            throw new IllegalStateException("a bug while opening the engine");
        }, new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]), Map.of())) {
            exit = Cli.run(ctx, "map");
        } finally {
            Logs.stop();
        }
        assertThat(exit).isEqualTo(Cli.SOME_FAILED);
        assertThat(err.toString()).contains("unexpected error").contains("a bug while opening the engine")
                .contains(LogFile.of(data).toString());
        assertThat(Files.readString(LogFile.of(data))).contains("Unexpected error in 'lumasync map'")
                .contains("IllegalStateException: a bug while opening the engine")
                .contains("at io.lumasync.cli.CliUnexpectedErrorTest");
    }
}
