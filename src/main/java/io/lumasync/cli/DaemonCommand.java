package io.lumasync.cli;

import io.lumasync.sync.Autosync;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SourceInfo;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

@Command(name = "daemon", description = "Run autosync headless until stopped (SIGTERM or Ctrl-C stop it cleanly).")
final class DaemonCommand implements Callable<Integer> {
    private final CliContext ctx;

    DaemonCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<SourceInfo> sources = ctx.service().sources();
        RunOutput lines = new RunOutput(ctx.out(), false, false);
        CountDownLatch stopped = new CountDownLatch(1);
        Autosync autosync = Autosync.over(ctx.service(), lines);
        autosync.addListener((RunReport r) -> {
            for (String problem : r.problems()) {
                ctx.err().println("lumasync: " + problem);
            }
            ctx.err().flush();
            if (!r.results().isEmpty()) {
                lines.finish(new RunReport(r.dryRun(), r.plan(), r.results(), java.util.List.of()));
            }
        });
        Thread hook = new Thread(() -> {
            ctx.out().println("Stopping: finishing the images in progress…");
            ctx.out().flush();
            autosync.close();
            stopped.countDown();
        }, "lumasync-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        autosync.start();
        ctx.out().println("Lumasync autosync running for " + sources.size() + " source(s): "
                + String.join(", ", sources.stream().map(s -> s.name() + (s.watch() ? " (watching)" : "")
                + s.interval().map(d -> " (every " + Durations.format(d) + ")").orElse("")).toList())
                + ". Stop with Ctrl-C.");
        ctx.out().flush();
        stopped.await();
        return Cli.OK;
    }
}
