package io.lumasync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** A man(7) page of the command tree: every visible command with its synopsis, parameters and options. */
final class ManPage {
    private ManPage() {
    }

    static String of(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder b = new StringBuilder();
        b.append(".TH LUMASYNC 1 \"\" \"").append(escape(version(root))).append("\" \"Lumasync Manual\"\n");
        b.append(".SH NAME\nlumasync \\- ").append(escape(String.join(" ", spec.usageMessage().description())))
                .append('\n');
        b.append(".SH SYNOPSIS\n.B lumasync\n[\\fIFILE\\fR...]\n.br\n.B lumasync\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n");
        b.append(".SH DESCRIPTION\nWithout arguments, or with image files or folders, Lumasync opens the desktop app. "
                + "With a command it runs headless: the same engine, no display needed.\n");
        b.append(".SH COMMANDS\n");
        root.getSubcommands().values().stream().distinct().forEach(c -> command(b, c));
        b.append("""
                .SH EXIT STATUS
                .TP
                .B 0
                Everything done.
                .TP
                .B 1
                Some items failed; each is named with its reason.
                .TP
                .B 2
                Usage or configuration error.
                .SH ENVIRONMENT
                .TP
                .B LUMASYNC_HOME
                The data folder (database, staging, logs) instead of the platform's default.
                .TP
                .B LUMASYNC_VAULT_PASSPHRASE
                Passphrase of the encrypted-file vault, used where no OS keychain is available.
                .SH FILES
                .TP
                .I ~/.local/share/lumasync/lumasync.db
                Destinations, sources, sync map, job journal and activity (Linux; see \\fBlumasync doctor\\fR).
                .SH SEE ALSO
                \\fBlumasync help\\fR \\fICOMMAND\\fR, \\fBlumasync\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR
                """);
        return b.toString();
    }

    private static void command(StringBuilder b, CommandLine line) {
        CommandSpec spec = line.getCommandSpec();
        if (spec.usageMessage().hidden() || spec.name().equals("help")) {
            return;
        }
        b.append(".SS \"").append(escape(spec.qualifiedName())).append("\"\n");
        CommandLine.Help plain = new CommandLine.Help(spec,
                CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        b.append(".nf\n").append(escape(plain.synopsis(0).strip())).append("\n.fi\n.PP\n");
        b.append(escape(String.join(" ", spec.usageMessage().description()))).append('\n');
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                item(b, "\\fI" + escape(p.paramLabel()) + "\\fR", String.join(" ", p.description()));
            }
        }
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                String label = o.typeInfo().isBoolean() ? "" : " \\fI" + escape(o.paramLabel()) + "\\fR";
                item(b, "\\fB" + escape(String.join(", ", o.names())) + "\\fR" + label, String.join(" ", o.description()));
            }
        }
        line.getSubcommands().values().stream().distinct().forEach(c -> command(b, c));
    }

    private static void item(StringBuilder b, String term, String text) {
        b.append(".TP\n").append(term).append('\n').append(escape(text)).append('\n');
    }

    private static String version(CommandLine root) {
        try {
            String[] v = root.getCommandSpec().versionProvider().getVersion();
            return v.length > 0 ? v[0] : "Lumasync";
        } catch (Exception e) {
            return "Lumasync";
        }
    }

    /**
     * Backslashes, hyphens (so `man` does not turn them into dashes), lines that start like a request, and
     * non-ASCII characters as named Unicode escapes (troff reads bytes, not UTF-8).
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder();
        boolean lineStart = true;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (lineStart && (c == '.' || c == '\'')) {
                b.append("\\&");
            }
            lineStart = c == '\n';
            if (c == '\\') {
                b.append("\\e");
            } else if (c == '-') {
                b.append("\\-");
            } else if (c > 127) {
                b.append(String.format("\\[u%04X]", c));
            } else {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }
}
