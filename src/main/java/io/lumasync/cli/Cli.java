package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Set;

/** The command line: one thin class per command over the same {@code SyncService} the desktop app uses. */
@Command(name = "lumasync", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Compress images locally and publish them; a sync map keeps every destination up to date.",
        subcommands = {PushCommand.class, DestinationsCommand.class, SourcesCommand.class, SyncCommand.class,
                DaemonCommand.class, OptimizeCommand.class, MapCommand.class, ActivityCommand.class, LoginCommand.class, LogoutCommand.class,
                DoctorCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli {
    /** Exit codes: all done; some items failed; usage or configuration error. */
    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int USAGE = 2;

    /** Every first word that means "run the CLI" (the launcher keeps a copy; a test checks they agree). */
    public static final Set<String> COMMANDS = Set.of("push", "destinations", "sources", "sync", "daemon", "optimize", "map",
            "activity", "bench", "login", "logout", "doctor", "help", "-h", "--help", "-V", "--version");

    Cli() {
    }

    public static int run(CliContext context, String... args) {
        CommandLine cl = new CommandLine(new Cli(), new Factory(context));
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
            err.println("lumasync: unexpected error: " + ex);
            return SOME_FAILED;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("lumasync: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'lumasync " + ex.getCommandLine().getCommandName()
                    + " --help'.");
            return USAGE;
        });
        cl.setOut(context.out());
        cl.setErr(context.err());
        return cl.execute(args);
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
