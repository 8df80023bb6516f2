package io.lumasync.cli;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.OutputFormat;
import io.lumasync.sync.OptimizeReport;
import io.lumasync.sync.OptimizeRequest;
import io.lumasync.sync.OptimizeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "optimize", description = "Recompress the images already at a destination, keeping each original "
        + "in the backups first. WebP and AVIF are left alone; each image keeps its format unless --format says "
        + "otherwise. An interrupted run finishes at the next start.",
        subcommands = OptimizeCommand.Rollback.class)
final class OptimizeCommand implements Callable<Integer> {
    private final CliContext ctx;

    // Optional to picocli only so that `optimize rollback DEST` parses; call() insists on it.
    @Parameters(paramLabel = "DEST", arity = "0..1", description = "The destination whose images to optimize.")
    String destination;

    @Option(names = "--select", split = ",", paramLabel = "PATTERN",
            description = "File-name patterns (*.jpg, 2024/*) or asset ids; default: every image.")
    List<String> select = new ArrayList<>();

    @Mixin
    EncodeOptions encode;

    @Option(names = "--dry-run", description = "Recompress and report the sizes; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON document instead of progress lines.")
    boolean json;

    OptimizeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (destination == null) {
            throw new io.lumasync.core.ConfigurationException("Name the destination to optimize: lumasync optimize "
                    + "DEST (see `lumasync destinations list`).");
        }
        // Only an explicit --format changes an image's type: the saved default may be AVIF for new uploads.
        EncodeSettings settings = encode.apply(ctx.service().defaultEncode().withFormat(OutputFormat.AUTO));
        RunOutput output = new RunOutput(ctx.out(), json, ctx.interactive());
        OptimizeReport report = ctx.service().optimize(new OptimizeRequest(destination, select, settings, dryRun),
                output);
        return finish(ctx, output, json, report);
    }

    static int finish(CliContext ctx, RunOutput output, boolean json, OptimizeReport report) {
        if (!json) {
            return output.finish(report.toRunReport());
        }
        ctx.out().println(RunOutput.json(toJson(report)));
        ctx.out().flush();
        return report.toRunReport().ok() ? Cli.OK : Cli.SOME_FAILED;
    }

    static Map<String, Object> toJson(OptimizeReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", RunOutput.JSON_VERSION);
        doc.put("dryRun", r.dryRun());
        doc.put("destination", r.destination());
        List<Map<String, Object>> items = new ArrayList<>();
        for (OptimizeResult i : r.items()) {
            items.add(io.lumasync.sync.JsonViews.optimized(i));
        }
        doc.put("items", items);
        doc.put("problems", r.problems());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (OptimizeResult.Outcome o : OptimizeResult.Outcome.values()) {
            summary.put(o.name().toLowerCase(Locale.ROOT), r.count(o));
        }
        doc.put("summary", summary);
        return doc;
    }

    @Command(name = "rollback", description = "Put back the originals Optimize kept: all of a destination's, or "
            + "those of the given assets.")
    static final class Rollback implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "DEST", description = "The destination.")
        String destination;

        @Parameters(index = "1..*", paramLabel = "ASSET", description = "Asset ids (as `optimize` printed them).")
        List<String> assets = new ArrayList<>();

        @Option(names = "--json", description = "Print one JSON document instead of progress lines.")
        boolean json;

        Rollback(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            RunOutput output = new RunOutput(ctx.out(), json, ctx.interactive());
            return finish(ctx, output, json, ctx.service().rollbackOptimize(destination, assets, output));
        }
    }
}
