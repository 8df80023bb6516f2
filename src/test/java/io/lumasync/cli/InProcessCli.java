package io.lumasync.cli;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.SyncService;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs one command line in this JVM on the real engine over {@code data}, with the in-memory vault and the
 * pass-through encoder, as a launched `lumasync` would but without starting a process.
 */
record InProcessCli(Path data) {
    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (CliContext ctx = new CliContext(() -> SyncService.open(data, new InMemorySecretVault(),
                new PassThroughPipeline(), new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false)),
                new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]), Map.of())) {
            return new Run(Cli.run(ctx, args), out.toString(), err.toString());
        }
    }
}
