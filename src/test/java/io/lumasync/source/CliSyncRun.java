package io.lumasync.source;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.TokenSet;
import io.lumasync.auth.TokenStore;
import io.lumasync.auth.VaultSecrets;
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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A cloud source synced by the real engine from the command line: a signed-in source (settings pointing at a fake,
 * saved directly as "sources add" refuses test-only settings) sending to a folder destination added with
 * {@code lumasync destinations add folder}, then {@code lumasync sync NAME} as often as a test wants.
 */
public final class CliSyncRun {
    private final Path data;
    private final Path out;
    private final InMemorySecretVault vault = new InMemorySecretVault();
    private final String name;

    public record Result(int exit, String out, String err) {
    }

    public CliSyncRun(Path work, String name, String typeId, Map<String, String> settings, String accessToken)
            throws Exception {
        this(work, name);
        try (Database db = Database.open(data.resolve("lumasync.db"))) {
            new ConfigStore(db).addSource(new SourceRecord(name, typeId, settings, List.of("web"),
                    EncodeSettings.defaults(), false, Optional.empty(), true, 1.0, Optional.empty(), Optional.empty(),
                    Optional.empty()));
        }
        signedIn(accessToken);
    }

    private CliSyncRun(Path work, String name) throws IOException {
        this.data = work.resolve("data");
        this.out = work.resolve("published");
        this.name = name;
        Files.createDirectories(out);
        Result dest = run("destinations", "add", "folder", "web", "--path", out.toString());
        if (dest.exit() != 0) {
            throw new IllegalStateException(dest.err());
        }
    }

    /**
     * A source added the way a user adds it: {@code lumasync sources add TYPE NAME --to web OPTIONS…}, with
     * {@code stdin} as standard input (the token or secret piped in with {@code --…-stdin}).
     */
    public static CliSyncRun added(Path work, String name, String typeId, String stdin, String... options)
            throws IOException {
        CliSyncRun cli = new CliSyncRun(work, name);
        List<String> args = new ArrayList<>(List.of("sources", "add", typeId, name, "--to", "web"));
        args.addAll(List.of(options));
        Result added = cli.runWithInput(stdin, args.toArray(String[]::new));
        if (added.exit() != 0) {
            throw new IllegalStateException(added.out() + added.err());
        }
        return cli;
    }

    /** Stores OAuth tokens for the source, as {@code lumasync login NAME} would after the browser sign-in. */
    public void signedIn(String accessToken) throws Exception {
        new TokenStore(VaultSecrets.forSource(vault, name)).save(new TokenSet(accessToken,
                Optional.of(OAuthApiFake.REFRESH_TOKEN), Instant.now().plusSeconds(3600), ""));
    }

    public Result sync() {
        return run("sync", name);
    }

    /** {@code lumasync sync NAME}, which must succeed (its output in the failure otherwise). */
    public Result syncOk() {
        Result r = sync();
        if (r.exit() != 0) {
            throw new AssertionError("sync " + name + " exited " + r.exit() + ":\n" + r.out() + r.err());
        }
        return r;
    }

    public Result run(String... args) {
        return runWithInput("", args);
    }

    public Result runWithInput(String stdin, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        try (CliContext ctx = new CliContext(() -> SyncService.open(data, vault, new PassThroughPipeline(),
                new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false)),
                new PrintWriter(o, true), new PrintWriter(e, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of())) {
            return new Result(Cli.run(ctx, args), o.toString(), e.toString());
        }
    }

    /** The published files: relative path → bytes. */
    public Map<String, byte[]> published() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** The published files whose bytes differ from {@code before} (the same names are expected on both sides). */
    public Map<String, byte[]> changedSince(Map<String, byte[]> before) throws IOException {
        Map<String, byte[]> changed = new TreeMap<>();
        published().forEach((k, v) -> {
            if (!java.util.Arrays.equals(v, before.get(k))) {
                changed.put(k, v);
            }
        });
        return changed;
    }
}
