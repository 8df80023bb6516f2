package io.lumasync.cli;

import io.lumasync.store.Workspace;
import io.lumasync.sync.Sizes;
import io.lumasync.sync.WorkspaceSummary;
import io.lumasync.sync.Workspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "workspaces", description = "Client workspaces: each has its own destinations, sources, sync map, "
        + "activity, backups and settings. Every command takes --workspace NAME (or LUMASYNC_WORKSPACE).",
        subcommands = {WorkspacesCommand.ListCmd.class, WorkspacesCommand.Add.class, WorkspacesCommand.Rename.class,
                WorkspacesCommand.Accent.class, WorkspacesCommand.Archive.class, WorkspacesCommand.Restore.class,
                WorkspacesCommand.Overview.class, WorkspacesCommand.Share.class, WorkspacesCommand.Unshare.class,
                WorkspacesCommand.McpReadOnly.class})
final class WorkspacesCommand {

    /** A subcommand that changes one workspace and says what became of it. */
    private abstract static class Change implements Callable<Integer> {
        final CliContext ctx;

        @Parameters(index = "0", paramLabel = "WORKSPACE", description = "Its name or id.")
        String which;

        Change(CliContext ctx) {
            this.ctx = ctx;
        }

        abstract Workspace apply(Workspaces w) throws Exception;

        abstract String said(Workspace w);

        @Override
        public Integer call() throws Exception {
            ctx.out().println(said(apply(ctx.workspaces())));
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List the workspaces (archived ones too with --all).")
    static final class ListCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--all", description = "Archived workspaces too.")
        boolean all;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Workspaces ws = ctx.workspaces();
            List<Workspace> list = all ? ws.all() : ws.active();
            String current = ctx.workspace().id();
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Workspace w : list) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", w.id());
                    m.put("name", w.name());
                    m.put("accent", w.accent());
                    m.put("archived", w.archived());
                    m.put("mcpReadOnly", w.mcpReadOnly());
                    m.put("current", w.id().equals(current));
                    m.put("folder", ws.folder(w).toString());
                    out.add(m);
                }
                ctx.out().println(RunOutput.json(out));
                return Cli.OK;
            }
            for (Workspace w : list) {
                ctx.out().println((w.id().equals(current) ? "* " : "  ") + w.name() + "  (id " + w.id() + ", "
                        + w.accent() + (w.archived() ? ", archived" : "") + (w.mcpReadOnly() ? ", read-only for MCP" : "")
                        + ")  " + ws.folder(w));
            }
            return Cli.OK;
        }
    }

    @Command(name = "add", description = "Create a workspace.")
    static final class Add implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "NAME", description = "Its display name, e.g. \"Studio Nord\".")
        String name;

        @Option(names = "--accent", paramLabel = "#RRGGBB", description = "Its colour in the window's title area.")
        String accent;

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Workspace w = ctx.workspaces().add(name, Optional.ofNullable(accent));
            ctx.out().println("Created the workspace '" + w.name() + "' (id " + w.id() + "). Work in it with: "
                    + "lumasync destinations add … --workspace " + w.id());
            return Cli.OK;
        }
    }

    @Command(name = "rename", description = "Change a workspace's display name (its id and folder stay).")
    static final class Rename extends Change {
        @Parameters(index = "1", paramLabel = "NEW_NAME")
        String name;

        Rename(CliContext ctx) {
            super(ctx);
        }

        @Override
        Workspace apply(Workspaces w) throws Exception {
            return w.rename(which, name);
        }

        @Override
        String said(Workspace w) {
            return "The workspace " + w.id() + " is now called '" + w.name() + "'.";
        }
    }

    @Command(name = "accent", description = "Choose a workspace's colour (#rrggbb).")
    static final class Accent extends Change {
        @Parameters(index = "1", paramLabel = "#RRGGBB")
        String colour;

        Accent(CliContext ctx) {
            super(ctx);
        }

        @Override
        Workspace apply(Workspaces w) throws Exception {
            return w.setAccent(which, colour);
        }

        @Override
        String said(Workspace w) {
            return "'" + w.name() + "' is shown in " + w.accent() + ".";
        }
    }

    @Command(name = "archive", description = "Hide a workspace from the switcher and autosync; nothing is deleted "
            + "and 'restore' brings it back. The last open workspace cannot be archived.")
    static final class Archive extends Change {
        Archive(CliContext ctx) {
            super(ctx);
        }

        @Override
        Workspace apply(Workspaces w) throws Exception {
            return w.archive(which);
        }

        @Override
        String said(Workspace w) {
            return "Archived '" + w.name() + "'. Its data stays in its folder; bring it back with: lumasync "
                    + "workspaces restore " + w.id();
        }
    }

    @Command(name = "restore", description = "Bring an archived workspace back.")
    static final class Restore extends Change {
        Restore(CliContext ctx) {
            super(ctx);
        }

        @Override
        Workspace apply(Workspaces w) throws Exception {
            return w.restore(which);
        }

        @Override
        String said(Workspace w) {
            return "'" + w.name() + "' is back.";
        }
    }

    @Command(name = "mcp-read-only", description = "Let the MCP door read a workspace but not change or publish "
            + "anything in it (on), or give it full access again (off).")
    static final class McpReadOnly extends Change {
        @Parameters(index = "1", paramLabel = "on|off")
        Toggle value;

        enum Toggle { on, off }

        McpReadOnly(CliContext ctx) {
            super(ctx);
        }

        @Override
        Workspace apply(Workspaces w) throws Exception {
            return w.setMcpReadOnly(which, value == Toggle.on);
        }

        @Override
        String said(Workspace w) {
            return w.mcpReadOnly() ? "The MCP door may read '" + w.name() + "' but not change it."
                    : "The MCP door has full access to '" + w.name() + "'.";
        }
    }

    @Command(name = "overview", description = "Per workspace: assets published, destinations, bytes saved, last "
            + "activity and failures of the last 7 days.")
    static final class Overview implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Overview(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Workspaces ws = ctx.workspaces();
            List<WorkspaceSummary> lines = ws.overview(ws.active());
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (WorkspaceSummary s : lines) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", s.workspace().id());
                    m.put("name", s.workspace().name());
                    m.put("assetsPublished", s.assetsPublished());
                    m.put("destinations", s.destinations());
                    m.put("bytesSaved", s.bytesSaved());
                    m.put("lastActivity", s.lastActivity().map(Object::toString).orElse(null));
                    m.put("errors", s.errors());
                    m.put("problem", s.problem().orElse(null));
                    out.add(m);
                }
                ctx.out().println(RunOutput.json(out));
                return Cli.OK;
            }
            for (WorkspaceSummary s : lines) {
                ctx.out().println(s.workspace().name() + ": " + s.problem().orElseGet(() -> s.assetsPublished()
                        + " published, " + s.destinations() + " destination(s), " + Sizes.human(s.bytesSaved())
                        + " saved, last activity " + s.lastActivity().map(Object::toString).orElse("never") + ", "
                        + s.errors() + " failure(s) in 7 days"));
            }
            return Cli.OK;
        }
    }

    /** Shares or binds an account of the workspace the command works in. */
    private abstract static class Sharing implements Callable<Integer> {
        final CliContext ctx;

        @Parameters(paramLabel = "ACCOUNT", description = "source/NAME or destination/NAME, e.g. source/dropbox.")
        String account;

        Sharing(CliContext ctx) {
            this.ctx = ctx;
        }

        abstract boolean shared();

        @Override
        public Integer call() throws Exception {
            Workspace w = ctx.workspace();
            ctx.workspaces().share(w, account, shared());
            ctx.out().println(shared()
                    ? "'" + account + "' is shared: every workspace with an account of that name uses its sign-in."
                    : "'" + account + "' belongs to '" + w.name() + "' alone; other workspaces sign in on their own.");
            return Cli.OK;
        }
    }

    @Command(name = "share", description = "Share a connected account of this workspace with every workspace.")
    static final class Share extends Sharing {
        Share(CliContext ctx) {
            super(ctx);
        }

        @Override
        boolean shared() {
            return true;
        }
    }

    @Command(name = "unshare", description = "Bind a shared account to this workspace alone.")
    static final class Unshare extends Sharing {
        Unshare(CliContext ctx) {
            super(ctx);
        }

        @Override
        boolean shared() {
            return false;
        }
    }
}
