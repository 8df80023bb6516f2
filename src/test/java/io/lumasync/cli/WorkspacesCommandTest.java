package io.lumasync.cli;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.SyncService;
import io.lumasync.sync.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `lumasync workspaces …` and `--workspace` / LUMASYNC_WORKSPACE on the real engine, in this JVM. */
class WorkspacesCommandTest {
    @TempDir
    Path tmp;

    private final InMemorySecretVault machine = new InMemorySecretVault();
    private final Map<String, String> env = new HashMap<>();

    private CliContext context(StringWriter out, StringWriter err) {
        Workspaces ws = new Workspaces(tmp.resolve("data"), machine, (folder, vault, local) -> SyncService.open(folder,
                vault, new PassThroughPipeline(), new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false), local),
                tmp.resolve("Pictures"));
        return new CliContext(ws, new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), Map.copyOf(env));
    }

    private InProcessCli.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (CliContext ctx = context(out, err)) {
            return new InProcessCli.Run(Cli.run(ctx, args), out.toString(), err.toString());
        }
    }

    private Path photo() throws Exception {
        Path p = tmp.resolve("photos/a.png");
        Files.createDirectories(p.getParent());
        Files.write(p, Images.png(20, 10, 40));
        return p;
    }

    @Test
    void addRenameArchiveRestoreAndList() {
        assertThat(run("workspaces", "list").out()).contains("* Default  (id default");
        InProcessCli.Run add = run("workspaces", "add", "Studio Nord", "--accent", "#E11D48");
        assertThat(add.exit()).isZero();
        assertThat(add.out()).contains("Created the workspace 'Studio Nord' (id studio-nord)");
        assertThat(run("workspaces", "rename", "studio-nord", "Nord Agency").out())
                .contains("studio-nord is now called 'Nord Agency'");
        assertThat(run("workspaces", "list", "--json").out()).contains("\"id\" : \"studio-nord\"")
                .contains("\"name\" : \"Nord Agency\"").contains("\"accent\" : \"#e11d48\"");

        assertThat(run("workspaces", "archive", "Nord Agency").out()).contains("Archived 'Nord Agency'");
        assertThat(run("workspaces", "list").out()).doesNotContain("Nord Agency");
        assertThat(run("workspaces", "list", "--all").out()).contains("Nord Agency", "archived");
        InProcessCli.Run last = run("workspaces", "archive", "default");
        assertThat(last.exit()).isEqualTo(Cli.USAGE);
        assertThat(last.err()).contains("only workspace left open");
        assertThat(run("workspaces", "restore", "nord agency").out()).contains("'Nord Agency' is back.");

        assertThat(run("workspaces", "mcp-read-only", "nord agency", "on").out()).contains("may read 'Nord Agency'");
        assertThat(run("workspaces", "list").out()).contains("read-only for MCP");
        assertThat(run("workspaces", "mcp-read-only", "nord agency", "maybe").exit()).isEqualTo(Cli.USAGE);

        InProcessCli.Run bad = run("workspaces", "accent", "default", "blue");
        assertThat(bad.exit()).isEqualTo(Cli.USAGE);
        assertThat(bad.err()).contains("is not a colour");
    }

    @Test
    void theMcpDoorAndBothCommandsShareTheWorkspacesOneReadOnlyFlag() throws Exception {
        run("workspaces", "add", "Acme");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        env.put(Workspaces.ENV, "acme");
        try (CliContext ctx = context(out, err)) {
            io.lumasync.mcp.McpDoor door = new io.lumasync.mcp.McpDoor(ctx.service(), false,
                    McpCommand.flag(ctx, ctx.service()));
            assertThat(door.readOnly()).isFalse();

            assertThat(run("workspaces", "mcp-read-only", "acme", "on").exit()).isZero();
            assertThat(door.readOnly()).as("a running server sees the registry's flag at once").isTrue();
            assertThat(run("mcp", "read-only").out()).contains("may only look");

            assertThat(run("mcp", "read-only", "off").out()).contains("may publish");
            assertThat(door.readOnly()).isFalse();
            assertThat(run("workspaces", "list").out()).doesNotContain("read-only for MCP");

            assertThat(run("mcp", "read-only", "on").exit()).isZero();
            assertThat(run("workspaces", "list").out()).contains("read-only for MCP");
            assertThat(door.readOnly()).isTrue();
        }
        env.remove(Workspaces.ENV);
        assertThat(run("mcp", "read-only").out()).as("other workspaces keep their own flag").contains("may publish");
    }

    @Test
    void everyCommandWorksInTheWorkspaceItNamesAndNoOther() throws Exception {
        run("workspaces", "add", "Acme");
        assertThat(run("destinations", "add", "folder", "web", "--path", tmp.resolve("acme-web").toString(),
                "--workspace", "Acme").exit()).isZero();
        assertThat(run("push", photo().toString(), "--to", "web", "--format", "original", "--workspace", "acme")
                .exit()).isZero();

        assertThat(run("destinations", "list").out()).doesNotContain("web");
        assertThat(run("map").out()).doesNotContain("a.png");
        assertThat(run("activity").out()).doesNotContain("a.png");
        InProcessCli.Run elsewhere = run("push", photo().toString(), "--to", "web");
        assertThat(elsewhere.exit()).isEqualTo(Cli.USAGE);

        env.put(Workspaces.ENV, "acme");
        assertThat(run("destinations", "list").out()).contains("web");
        assertThat(run("map").out()).contains("a.png");
        assertThat(run("activity").out()).contains("a.png");
        assertThat(run("destinations", "list", "--workspace", "default").out()).doesNotContain("web");

        assertThat(run("workspaces", "list").out()).contains("* Acme");
        assertThat(run("workspaces", "overview").out()).contains("Acme: 1 published, 1 destination(s)")
                .contains("Default: 0 published");

        InProcessCli.Run unknown = run("map", "--workspace", "Nobody");
        assertThat(unknown.exit()).isEqualTo(Cli.USAGE);
        assertThat(unknown.err()).contains("There is no workspace 'Nobody'. Workspaces: Default, Acme.");
    }

    @Test
    void anAccountIsSharedOrBoundPerAccount() {
        run("workspaces", "add", "Acme");
        machine.put("source/drop/access_token", "agency-token");
        assertThat(run("workspaces", "share", "source/drop").out()).contains("'source/drop' is shared");
        assertThat(machine.get("shared/source/drop/access_token")).contains("agency-token");
        assertThat(run("workspaces", "unshare", "source/drop", "--workspace", "acme").out())
                .contains("belongs to 'Acme' alone");
        assertThat(machine.get("workspace/acme/source/drop/access_token")).contains("agency-token");
        assertThat(machine.get("source/drop/access_token")).isEmpty();
        assertThat(run("workspaces", "share", "drop").exit()).isEqualTo(Cli.USAGE);
    }

    @Test
    void theDaemonRunsEveryOpenWorkspaceAndNamesItInItsLines() throws Exception {
        run("workspaces", "add", "Acme");
        run("workspaces", "add", "Old client");
        for (String w : new String[]{"default", "acme", "old-client"}) {
            Path exports = tmp.resolve(w + "-exports");
            Files.createDirectories(exports);
            Files.write(exports.resolve(w + ".png"), Images.png(20, 10, 40));
            assertThat(run("destinations", "add", "folder", "web", "--path", tmp.resolve(w + "-web").toString(),
                    "--workspace", w).exit()).isZero();
            assertThat(run("sources", "add", "folder", "exports", "--path", exports.toString(), "--to", "web",
                    "--watch", "--format", "original", "--workspace", w).exit()).isZero();
        }
        run("workspaces", "archive", "old-client");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (CliContext ctx = context(out, err)) {
            DaemonCommand daemon = new DaemonCommand(ctx);
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    daemon.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            DaemonIT.waitFor(() -> Files.exists(tmp.resolve("default-web/default.png"))
                    && Files.exists(tmp.resolve("acme-web/acme.png")), 60, "both open workspaces to publish");
            daemon.stop();
            t.join(30_000);
            assertThat(t.isAlive()).isFalse();
        }
        assertThat(out.toString()).contains("[Default] Lumasync autosync running in workspace 'Default'",
                "[Acme] Lumasync autosync running in workspace 'Acme' for 1 source(s): exports (watching)");
        assertThat(out.toString()).doesNotContain("Old client");
        assertThat(tmp.resolve("old-client-web/old-client.png")).doesNotExist();
        assertThat(tmp.resolve("acme-web/default.png")).doesNotExist();
        assertThat(tmp.resolve("default-web/acme.png")).doesNotExist();
    }
}
