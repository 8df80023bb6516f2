package io.lumasync.cli;

import io.lumasync.sync.Suggestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "suggestions", description = "What is worth doing: images without alt text, changed source images "
        + "not yet re-published, JPEG/PNG files that could be much smaller, recent failures, duplicate uploads, "
        + "sign-ins about to end, images much larger than their destination needs. "
        + "`suggestions act ID` does one through the engine; `suggestions dismiss ID` hides it.",
        subcommands = {SuggestionsCommand.Act.class, SuggestionsCommand.Dismiss.class})
final class SuggestionsCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    SuggestionsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<Suggestion> all = ctx.service().suggestions();
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Suggestion s : all) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", s.id());
                m.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
                m.put("target", s.target());
                m.put("title", s.title());
                m.put("evidence", s.evidence());
                m.put("action", s.action());
                m.put("canAct", s.canAct());
                out.add(m);
            }
            ctx.out().println(RunOutput.json(out));
            return Cli.OK;
        }
        for (Suggestion s : all) {
            ctx.out().println("[" + s.id() + "] " + s.title());
            ctx.out().println("    " + s.evidence());
            ctx.out().println("    → " + s.action() + (s.canAct() ? " (lumasync suggestions act " + s.id() + ")" : ""));
        }
        if (all.isEmpty()) {
            ctx.out().println("Nothing to suggest: everything is published, described and up to date.");
        }
        return Cli.OK;
    }

    @Command(name = "act", description = "Do what a suggestion proposes (those marked with a command to act).")
    static final class Act implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "ID", description = "The suggestion's id.")
        String id;

        Act(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            RunOutput output = new RunOutput(ctx.out(), false, ctx.interactive());
            return output.finish(ctx.service().actOnSuggestion(id, output));
        }
    }

    @Command(name = "dismiss", description = "Hide a suggestion until what it found changes.")
    static final class Dismiss implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "ID", description = "The suggestion's id.")
        String id;

        Dismiss(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            ctx.service().dismissSuggestion(id);
            ctx.out().println("Dismissed " + id + ".");
            return Cli.OK;
        }
    }
}
