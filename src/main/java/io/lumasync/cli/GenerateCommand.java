package io.lumasync.cli;

import io.lumasync.store.Generations.Generation;
import io.lumasync.sync.GenerateRequest;
import io.lumasync.sync.GenerationResult;
import io.lumasync.sync.SyncListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "generate", description = "Generate an image with an AI image model (OpenRouter) and publish it. The "
        + "same --name again makes a new version that replaces the published one in place; every version is kept.",
        subcommands = {GenerateCommand.History.class, GenerateCommand.Rollback.class, GenerateCommand.ListCmd.class})
final class GenerateCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private final CliContext ctx;

    @Parameters(paramLabel = "PROMPT", arity = "0..1", description = "What the image shows.")
    String prompt;

    @Option(names = "--to", split = ",", paramLabel = "DEST", description = "Destination name(s); left out: where "
            + "this name is published already.")
    List<String> to = List.of();

    @Option(names = "--name", paramLabel = "NAME", description = "The image's name (its file name); made from the "
            + "prompt when left out.")
    String name = "";

    @Option(names = "--model", paramLabel = "ID", description = "The image model (see `lumasync ai models --images`).")
    String model = "";

    @Option(names = "--aspect", paramLabel = "W:H", description = "Aspect ratio: 1:1 (default), 16:9, 4:3, 3:2, 9:16 …")
    String aspect = "";

    @Option(names = "--reference", paramLabel = "FILE", description = "An image the model starts from.")
    Path reference;

    GenerateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (prompt == null || prompt.isBlank()) {
            ctx.err().println("lumasync generate: say what the image should show, e.g. lumasync generate "
                    + "\"a lighthouse at dawn\" --to web");
            return Cli.USAGE;
        }
        ctx.out().println("Generating… (this can take up to a minute)");
        ctx.out().flush();
        GenerationResult r = ctx.service().generate(new GenerateRequest(name, prompt, model, aspect,
                Optional.ofNullable(reference), to), SyncListener.NONE);
        return report(ctx, r, "Made");
    }

    static int report(CliContext ctx, GenerationResult r, String verb) throws io.lumasync.core.LumasyncException {
        Generation g = r.generation();
        ctx.out().println(String.format(Locale.ROOT, "%s %s version %d with %s ($%.4f): %s", verb, g.asset(),
                g.version(), g.model(), g.costUsd(), ctx.service().generatedFile(g)));
        if (r.published().isEmpty()) {
            ctx.out().println("Not published: give --to DEST to publish it.");
            return Cli.OK;
        }
        RunOutput out = new RunOutput(ctx.out(), false, false);
        return out.finish(r.published().get());
    }

    @Command(name = "history", description = "List a generated image's versions.")
    static final class History implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "NAME", description = "The generated image.")
        String name;

        History(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<Generation> versions = ctx.service().generationHistory(name);
            if (versions.isEmpty()) {
                ctx.out().println("No image called '" + name + "' has been generated. See `lumasync generate list`.");
                return Cli.USAGE;
            }
            for (Generation g : versions) {
                ctx.out().println(String.format(Locale.ROOT, "%s v%d  %s  %s  %s  $%.4f  \"%s\"", g.current() ? "*" : " ",
                        g.version(), WHEN.format(g.createdAt()), g.model(), g.aspectRatio(), g.costUsd(), g.prompt()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "rollback", description = "Publish an earlier version again, in place of the current one.")
    static final class Rollback implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME", description = "The generated image.")
        String name;

        @Parameters(index = "1", paramLabel = "VERSION", description = "The version to go back to.")
        int version;

        Rollback(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            return report(ctx, ctx.service().rollbackGeneration(name, version, SyncListener.NONE), "Back to");
        }
    }

    @Command(name = "list", description = "List generated images at their current version.")
    static final class ListCmd implements Callable<Integer> {
        private final CliContext ctx;

        ListCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<Generation> all = ctx.service().generatedImages();
            for (Generation g : all) {
                ctx.out().println(g.asset() + "  v" + g.version() + "  " + g.model() + "  → "
                        + (g.destinations().isEmpty() ? "(not published)" : g.destinations()));
            }
            if (all.isEmpty()) {
                ctx.out().println("No image has been generated yet.");
            }
            return Cli.OK;
        }
    }
}
