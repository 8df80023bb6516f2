package io.lumasync.app;

import io.lumasync.cli.Cli;
import io.lumasync.cli.CliContext;
import io.lumasync.cli.LaunchArguments;
import io.lumasync.image.ImagePipeline;
import io.lumasync.platform.AppDirs;
import io.lumasync.sync.SyncService;
import io.lumasync.sync.Workspaces;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Entry point. No arguments (or existing files, from "Open with"): the desktop app. A command word: the headless
 * CLI, which never loads JavaFX. Anything else is a usage error with a suggestion, never a window. Deliberately not
 * a JavaFX {@code Application} (see the launcher).
 */
public final class Main {
    /** Commands that only print text: they neither need a log nor should make a data folder for one. */
    private static final Set<String> QUICK = Set.of("help", "-h", "--help", "-V", "--version", "completion",
            "manpage");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.COMMANDS.contains(args[0])) {
            if (!QUICK.contains(args[0])) {
                Logs.start(AppDirs.dataDir(), args[0].equals("daemon"));
            }
            System.exit(runCli(args));
        }
        Optional<String> mistake = LaunchArguments.mistake(args, Files::exists);
        if (mistake.isPresent()) {
            System.err.println(mistake.get());
            System.exit(Cli.USAGE);
        }
        Logs.start(AppDirs.dataDir(), true);
        Desktop.launch(args);
    }

    static int runCli(String[] args) {
        Path data = AppDirs.dataDir();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        try (CliContext ctx = new CliContext(workspaces(data), out, err, System.in, System.getenv())) {
            return Cli.run(ctx, args);
        }
    }

    /**
     * The workspaces kept in a data folder (the folder itself is the default one), over the machine's one vault and
     * one image engine.
     */
    public static Workspaces workspaces(Path dataDir) {
        ImagePipeline pipeline = pipeline();
        return new Workspaces(dataDir, new LazyVault(dataDir), (folder, vault, local) ->
                SyncService.open(folder, vault, pipeline, SyncService.Options.defaults(), local));
    }

    /** The service with the platform's vault and the best image engine available. */
    public static SyncService openService(Path dataDir) throws io.lumasync.core.LumasyncException {
        return SyncService.open(dataDir, new LazyVault(dataDir), pipeline(), SyncService.Options.defaults());
    }

    static ImagePipeline pipeline() {
        return Engines.best();
    }
}
