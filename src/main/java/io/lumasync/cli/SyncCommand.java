package io.lumasync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sync", description = "Run configured sources once (all of them when none is named).")
final class SyncCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "SOURCE", arity = "0..*", description = "Source names.")
    List<String> sources = List.of();

    @Option(names = "--dry-run", description = "Show the plan (create, replace, skip, delete); change nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Allow deleting more than the source's safety share in one run.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    SyncCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        RunOutput output = new RunOutput(ctx.out(), json, ctx.interactive());
        return output.finish(ctx.service().syncSources(sources, dryRun, force, output));
    }
}
