package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LogFile;
import io.lumasync.core.LumasyncException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** The command line: one thin class per command over the same {@code SyncService} the desktop app uses. */
@Command(name = "lumasync", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Compress images locally and publish them; a sync map keeps every destination up to date.",
        subcommands = {PushCommand.class, DestinationsCommand.class, SourcesCommand.class, SyncCommand.class,
                DaemonCommand.class, OptimizeCommand.class, MapCommand.class, ActivityCommand.class, LoginCommand.class,
                LogoutCommand.class, DoctorCommand.class, BenchCommand.class, CompletionCommand.class,
                ManPageCommand.class, HooksCommand.class, GroupsCommand.class, ApprovalsCommand.class,
                WorkspacesCommand.class, AltCommand.class, AiCommand.class, McpCommand.class, GenerateCommand.class,
                SuggestionsCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    /** Exit codes: all done; some items failed; usage or configuration error. */
    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int USAGE = 2;

    /** Every first word that means "run the CLI" (the launcher keeps a copy; a test checks they agree). */
    public static final Set<String> COMMANDS = Set.of("push", "destinations", "sources", "sync", "daemon", "optimize",
            "map", "activity", "bench", "login", "logout", "doctor", "completion", "manpage", "help", "-h", "--help",
            "-V", "--version", "hooks", "groups", "approvals", "workspaces", "alt", "ai", "mcp", "generate",
            "suggestions");

    private final CliContext context;

    Cli(CliContext context) {
        this.context = context;
    }

    /** Every command works in one workspace; this option (inherited by every command) names it. */
    @picocli.CommandLine.Option(names = "--workspace", paramLabel = "NAME", scope = CommandLine.ScopeType.INHERIT,
            description = "Work in this workspace (its name or id). Default: the one LUMASYNC_WORKSPACE names, "
                    + "else the default workspace.")
    void workspace(String nameOrId) {
        context.workspaceOption(nameOrId);
    }

    public static int run(CliContext context, String... args) {
        CommandLine cl = commandLine(context);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof ConfigurationException) {
                err.println("lumasync: " + ex.getMessage());
                return USAGE;
            }
            if (ex instanceof LumasyncException) {
                err.println("lumasync: " + ex.getMessage());
                return SOME_FAILED;
            }
            LOG.error("Unexpected error in 'lumasync {}'", line.getCommandName(), ex);
            err.println("lumasync: " + LogFile.unexpectedError(ex));
            return SOME_FAILED;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("lumasync: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'lumasync " + ex.getCommandLine().getCommandName()
                    + " --help'.");
            return USAGE;
        });
        cl.setExecutionStrategy(Cli::execute);
        cl.setOut(context.out());
        cl.setErr(context.err());
        return cl.execute(args);
    }

    /** The whole command tree, every command and subcommand answering {@code -h}/{@code --help}. */
    static CommandLine commandLine(CliContext context) {
        CommandLine cl = new CommandLine(new Cli(context), new Factory(context));
        addHelpOption(cl);
        return cl;
    }

    private static void addHelpOption(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help and exit.").build());
        }
        cl.getSubcommands().values().forEach(Cli::addHelpOption);
    }

    /**
     * Help first (with the options of the adapter type named, for {@code add TYPE --help}); a command group named
     * without one of its commands says which there are; everything else runs as usual.
     */
    private static int execute(ParseResult parsed) {
        for (CommandLine line : parsed.asCommandLineList()) {
            if (line.isUsageHelpRequested()) {
                line.usage(line.getOut());
                if (line.getCommand() instanceof TypeHelp typed) {
                    line.getOut().println();
                    line.getOut().println(typed.typeHelp());
                }
                line.getOut().flush();
                return OK;
            }
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return OK;
        }
        List<CommandLine> lines = parsed.asCommandLineList();
        CommandLine last = lines.get(lines.size() - 1);
        Object command = last.getCommand();
        if (!(command instanceof Runnable) && !(command instanceof Callable<?>) && !last.getSubcommands().isEmpty()) {
            PrintWriter err = last.getErr();
            err.println("lumasync: '" + last.getCommandSpec().qualifiedName() + "' needs a command: "
                    + String.join(", ", visible(last)) + ".");
            last.usage(err);
            err.flush();
            return USAGE;
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static List<String> visible(CommandLine line) {
        return line.getSubcommands().entrySet().stream().filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(Map.Entry::getKey).toList();
    }

    /** A command whose {@code --help} adds what the adapter type it names takes. */
    interface TypeHelp {
        String typeHelp();
    }

    /** Gives every command the shared context. */
    private record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[]{"Lumasync " + (v == null ? "development build" : v)};
        }
    }
}
