package io.lumasync.cli;

import io.lumasync.mcp.McpDoor;
import io.lumasync.sync.SyncService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "mcp", description = "Serve AI assistants over the Model Context Protocol on stdin/stdout (add "
        + "`lumasync mcp` to the assistant's MCP configuration; see docs/mcp.md).",
        subcommands = McpCommand.ReadOnly.class)
final class McpCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--read-only", description = "Refuse every tool that would publish or replace images, whatever "
            + "the workspace allows.")
    boolean readOnly;

    McpCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        SyncService service = ctx.service();
        // Stdout carries the protocol alone: anything else printing there would break the client's stream.
        PrintStream protocol = System.out;
        System.setOut(System.err);
        try {
            String version = Cli.class.getPackage().getImplementationVersion();
            new McpDoor(service, readOnly, flag(ctx, service)).serve(ctx.in(), protocol, version == null ? "development" : version);
        } finally {
            System.setOut(protocol);
        }
        return Cli.OK;
    }

    /**
     * The one read-only-for-MCP flag: the workspace registry's (also set by {@code lumasync workspaces
     * mcp-read-only}), read anew at every call; the data folder's own setting only where there is no registry.
     */
    static McpDoor.ReadOnlyFlag flag(CliContext ctx, SyncService service) throws io.lumasync.core.LumasyncException {
        if (!ctx.hasWorkspaces()) {
            return McpDoor.settingFlag(service);
        }
        String id = ctx.workspace().id();
        io.lumasync.sync.Workspaces workspaces = ctx.workspaces();
        return () -> workspaces.require(id).mcpReadOnly();
    }

    @Command(name = "read-only", description = "Whether AI assistants may publish or replace images in this "
            + "workspace: on (they may only look), off, or show the current state.")
    static final class ReadOnly implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "on|off", arity = "0..1", description = "on or off; none shows the state.")
        String state;

        ReadOnly(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            if (state != null) {
                if (!state.equals("on") && !state.equals("off")) {
                    throw new io.lumasync.core.ConfigurationException("Say on or off, not '" + state + "'.");
                }
                boolean on = state.equals("on");
                if (ctx.hasWorkspaces()) {
                    ctx.workspaces().setMcpReadOnly(ctx.workspace().id(), on);
                } else {
                    ctx.service().setSetting(McpDoor.READ_ONLY_SETTING, Boolean.toString(on));
                }
            }
            boolean on = flag(ctx, ctx.service()).get();
            ctx.out().println(on ? "AI assistants may only look in this workspace (read-only for MCP)."
                    : "AI assistants may publish and replace images here, each time after a dry run you see.");
            return Cli.OK;
        }
    }
}
