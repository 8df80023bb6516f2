package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command answers --help, without opening the data folder; typed `add` commands list their type's options. */
class CliHelpTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CliContext ctx = new CliContext(() -> {
            throw new ConfigurationException("help must not open the data folder");
        }, new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]), Map.of());
        return Cli.run(ctx, args);
    }

    @Test
    void everyCommandInTheTreeAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        walk(Cli.commandLine(null), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(15);
        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                int code = run(args.toArray(String[]::new));
                assertThat(code).as("lumasync %s exit code, stderr: %s", args, err).isZero();
                assertThat(out.toString()).as("lumasync %s", args)
                        .contains("Usage: lumasync" + (path.isEmpty() ? "" : " " + String.join(" ", path)));
                assertThat(err.toString()).as("lumasync %s", args).isEmpty();
            }
        }
    }

    private static void walk(CommandLine line, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        line.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") || !path.isEmpty()) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                walk(sub, next, into);
            }
        });
    }

    @Test
    void addTypeHelpListsThatTypesOptions() {
        assertThat(run("sources", "add", "folder", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: lumasync sources add").contains("--path").contains("Options for");
        assertThat(run("destinations", "add", "s3", "--help")).isZero();
        assertThat(out.toString()).contains("--bucket").contains("--endpoint").contains("-stdin");
        assertThat(run("destinations", "add", "--help")).isZero();
        assertThat(out.toString()).contains("Types: ").contains("folder").contains("wordpress");
        assertThat(run("destinations", "add", "ftp", "--help")).isZero();
        assertThat(out.toString()).contains("Unknown type 'ftp'");
    }

    @Test
    void aGroupWithoutItsCommandSaysWhichThereAre() {
        assertThat(run("sources")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("'lumasync sources' needs a command: add, list, remove")
                .contains("Usage: lumasync sources");
    }

    @Test
    void helpCommandShowsASubcommandsHelp() {
        assertThat(run("help", "push")).isZero();
        assertThat(out.toString()).contains("Usage: lumasync push");
    }

    @Test
    void completionScriptCoversTheCommands() {
        assertThat(run("completion")).isZero();
        assertThat(out.toString()).contains("complete -F").contains("push").contains("destinations").contains("--to");
    }

    @Test
    void manPageHasEveryVisibleCommand() {
        assertThat(run("manpage")).isZero();
        String page = out.toString();
        assertThat(page).startsWith(".TH LUMASYNC 1").contains(".SH SYNOPSIS").contains(".SH EXIT STATUS");
        for (String c : Set.of("push", "sync", "daemon", "sources add", "destinations remove", "doctor")) {
            assertThat(page).contains(".SS \"lumasync " + c + "\"");
        }
        assertThat(page).contains("\\fB\\-\\-dry\\-run\\fR");
        assertThat(page.chars().allMatch(c -> c < 128)).as("troff input is ASCII").isTrue();
        assertThat(page.lines().filter(l -> l.startsWith(".") && !l.matches("^\\.(TH|SH|SS|TP|PP|B|I|br|nf|fi)( .*)?$")))
                .as("only known requests start a line").isEmpty();
    }

    @Test
    void unknownWordsAreErrorsWithSuggestionsNotTheDesktopApp() {
        assertThat(LaunchArguments.mistake(new String[]{"pussh", "x"}, p -> false)).get().asString()
                .contains("'pussh' is not a command").contains("Did you mean 'lumasync push'?");
        assertThat(LaunchArguments.mistake(new String[]{"clients", "add", "acme"}, p -> false)).get().asString()
                .contains("'clients' is not a command or a file").contains("Commands: activity");
        assertThat(LaunchArguments.mistake(new String[]{"holiday/IMG_1.jpg"}, p -> false)).get().asString()
                .contains("no such file or folder: holiday/IMG_1.jpg");
        assertThat(LaunchArguments.mistake(new String[]{"sycn"}, p -> false)).get().asString()
                .contains("Did you mean 'lumasync sync'?");
        assertThat(LaunchArguments.mistake(new String[]{"a.jpg", "trip"}, Set.of(Path.of("a.jpg"), Path.of("trip"))::contains))
                .isEmpty();
        assertThat(LaunchArguments.mistake(new String[]{}, p -> false)).isEmpty();
    }

    @Test
    void editDistanceCountsSwapsAsOneEdit() {
        assertThat(LaunchArguments.distance("sycn", "sync")).isEqualTo(1);
        assertThat(LaunchArguments.distance("pussh", "push")).isEqualTo(1);
        assertThat(LaunchArguments.distance("doctr", "doctor")).isEqualTo(1);
        assertThat(LaunchArguments.distance("workspaces", "sources")).isGreaterThan(2);
    }
}
