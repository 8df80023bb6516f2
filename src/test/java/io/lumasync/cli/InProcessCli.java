package io.lumasync.cli;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.SecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.SyncService;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs one command line in this JVM on the real engine over {@code data}, with the pass-through encoder, as a
 * launched `lumasync` would but without starting a process. The vault is {@code vault}, kept from one command to
 * the next, or (when null) a new in-memory one for each command.
 */
public record InProcessCli(Path data, SecretVault vault) {
    public record Run(int exit, String out, String err) {
    }

    public InProcessCli(Path data) {
        this(data, null);
    }

    public Run run(String... args) {
        return runWithInput("", args);
    }

    /** The command with {@code stdin} as its standard input (a piped secret, e.g. for --password-stdin). */
    public Run runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SecretVault secrets = vault != null ? vault : new InMemorySecretVault();
        try (CliContext ctx = new CliContext(() -> SyncService.open(data, secrets,
                new PassThroughPipeline(), new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false)),
                new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of())) {
            return new Run(Cli.run(ctx, args), out.toString(), err.toString());
        }
    }
}
