package io.lumasync.source;

import io.lumasync.auth.SecretVault;
import io.lumasync.cli.Cli;
import io.lumasync.cli.CliContext;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.Database;
import io.lumasync.store.SourceRecord;
import io.lumasync.sync.SyncService;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code lumasync login NAME} in this JVM against a source whose settings point at a fake, with a "user" who
 * opens the address the command prints and consents: what a person without a desktop browser does.
 */
public final class CliLogin {
    /** What the command printed and returned. */
    public record Result(int exit, String out, String err) {
    }

    private CliLogin() {
    }

    public static Result run(Path dataDir, SecretVault vault, String name, String typeId, Map<String, String> settings)
            throws Exception {
        try (SyncService service = SyncService.open(dataDir, vault, new PassThroughPipeline(),
                new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false))) {
            // Test-only settings (the fake's addresses) are not accepted by "sources add": saved directly.
            try (Database db = Database.open(dataDir.resolve("lumasync.db"))) {
                new ConfigStore(db).addSource(new SourceRecord(name, typeId, settings,
                        List.of(SyncService.DEFAULT_DESTINATION), EncodeSettings.defaults(), false, Optional.empty(),
                        false, SourceRecord.DEFAULT_DELETE_SHARE, Optional.empty(), Optional.empty(), Optional.empty()));
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliContext ctx = new CliContext(() -> service, new PrintWriter(new UserAtTheTerminal(out), true),
                    new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]), Map.of());
            int exit = Cli.run(ctx, "login", name);
            ctx.out().flush();
            return new Result(exit, out.toString(), err.toString());
        }
    }

    /** Copies the output and opens, as a person would, each address printed on a line of its own. */
    private static final class UserAtTheTerminal extends Writer {
        private final StringWriter copy;
        private final StringBuilder line = new StringBuilder();

        UserAtTheTerminal(StringWriter copy) {
            this.copy = copy;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            copy.write(buf, off, len);
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    String l = line.toString().strip();
                    line.setLength(0);
                    if (l.startsWith("http://") || l.startsWith("https://")) {
                        URI url = URI.create(l);
                        Thread.ofVirtual().start(() -> OAuthApiFake.visit(url));
                    }
                } else {
                    line.append(buf[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
