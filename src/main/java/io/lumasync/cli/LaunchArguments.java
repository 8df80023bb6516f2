package io.lumasync.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the launcher's arguments mean: a command word runs the CLI, existing files and folders open the desktop app
 * ("Open with"), and anything else is a mistake said on the terminal, never a window opened for nothing.
 */
public final class LaunchArguments {
    private LaunchArguments() {
    }

    /** Empty when the arguments may open the desktop app; otherwise the error to print (exit {@link Cli#USAGE}). */
    public static Optional<String> mistake(String[] args, Predicate<Path> exists) {
        for (String a : args) {
            if (!isExistingPath(a, exists)) {
                return Optional.of(message(a, a.equals(args[0])));
            }
        }
        return Optional.empty();
    }

    private static boolean isExistingPath(String arg, Predicate<Path> exists) {
        try {
            return !arg.isEmpty() && exists.test(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String message(String arg, boolean first) {
        Optional<String> near = first ? closest(arg) : Optional.empty();
        if (near.isPresent()) {
            return "lumasync: '" + arg + "' is not a command. Did you mean 'lumasync " + near.get() + "'?\n"
                    + "See 'lumasync --help' for every command.";
        }
        if (first && !arg.contains("/") && !arg.contains("\\") && !arg.contains(".")) {
            return "lumasync: '" + arg + "' is not a command or a file. Commands: " + commandList() + ".\n"
                    + "See 'lumasync --help'.";
        }
        return "lumasync: no such file or folder: " + arg + "\n"
                + "Give existing images or folders to open them in the app, or a command (lumasync --help).";
    }

    private static String commandList() {
        return String.join(", ", Cli.COMMANDS.stream().filter(c -> !c.startsWith("-")).sorted().toList());
    }

    /** The command within two edits (or the one it begins), if there is one. */
    static Optional<String> closest(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return Cli.COMMANDS.stream().filter(c -> !c.startsWith("-"))
                .filter(c -> distance(w, c) <= 2 || (w.length() >= 3 && c.startsWith(w)))
                .min(Comparator.comparingInt((String c) -> distance(w, c)).thenComparing(c -> c));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
