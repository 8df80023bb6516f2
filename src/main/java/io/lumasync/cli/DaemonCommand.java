package io.lumasync.cli;

import io.lumasync.core.LumasyncException;
import io.lumasync.store.Workspace;
import io.lumasync.sync.Autosync;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.SyncService;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

@Command(name = "daemon", description = "Run autosync headless until stopped (SIGTERM or Ctrl-C stop it cleanly). "
        + "Without --workspace it runs every workspace that is not archived, and picks up workspaces added, archived "
        + "or restored while it runs.")
final class DaemonCommand implements Callable<Integer> {
    /** How often the list of workspaces is read again. */
    private static final long RECHECK_SECONDS = 60;
    private final CliContext ctx;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    DaemonCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** One workspace's autosync, with its own engine (its own data folder). */
    private record Running(String label, SyncService service, Autosync autosync, boolean ownsService) {
        void stop() {
            autosync.close();
            if (ownsService) {
                service.close();
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        boolean all = ctx.hasWorkspaces() && !ctx.workspaceNamed();
        if (!all) {
            start("", ctx.service(), false);
        } else {
            reconcile();
        }
        Thread hook = new Thread(this::stop, "lumasync-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        while (!stopped.await(RECHECK_SECONDS, TimeUnit.SECONDS)) {
            if (all) {
                reconcile();
            }
        }
        return Cli.OK;
    }

    /** Stops every workspace's autosync after the images in progress (SIGTERM, Ctrl-C; tests call it directly). */
    void stop() {
        synchronized (running) {
            if (stopped.getCount() == 0) {
                return;
            }
            ctx.out().println("Stopping: finishing the images in progress…");
            ctx.out().flush();
            running.values().forEach(Running::stop);
            running.clear();
            stopped.countDown();
        }
    }

    /** Starts autosync for workspaces newly open, stops it for those archived since. */
    private void reconcile() {
        List<Workspace> active;
        try {
            active = ctx.workspaces().active();
        } catch (LumasyncException e) {
            ctx.err().println("lumasync: " + e.getMessage());
            ctx.err().flush();
            return;
        }
        boolean named = active.size() > 1 || active.stream().noneMatch(Workspace::isDefault);
        synchronized (running) {
            if (stopped.getCount() == 0) {
                return;
            }
            Set<String> ids = active.stream().map(Workspace::id).collect(Collectors.toSet());
            running.keySet().stream().filter(id -> !ids.contains(id)).toList().forEach(id -> {
                Running r = running.remove(id);
                r.stop();
                ctx.out().println("Autosync stopped for the archived workspace '" + r.label() + "'.");
            });
            for (Workspace w : active) {
                if (running.containsKey(w.id())) {
                    continue;
                }
                try {
                    running.put(w.id(), start(named ? w.name() : "", ctx.workspaces().open(w), true));
                } catch (LumasyncException e) {
                    ctx.err().println("lumasync: workspace '" + w.name() + "': " + e.getMessage());
                }
            }
        }
        ctx.err().flush();
    }

    private Running start(String label, SyncService service, boolean owns) throws LumasyncException {
        List<SourceInfo> sources = service.sources();
        PrintWriter out = label.isEmpty() ? ctx.out() : new PrintWriter(new Prefixed(ctx.out(), "[" + label + "] "), true);
        PrintWriter err = label.isEmpty() ? ctx.err() : new PrintWriter(new Prefixed(ctx.err(), "[" + label + "] "), true);
        RunOutput lines = new RunOutput(out, false, false);
        Autosync autosync = Autosync.over(service, lines);
        autosync.addListener((RunReport r) -> {
            for (String problem : r.problems()) {
                err.println("lumasync: " + problem);
            }
            err.flush();
            if (!r.results().isEmpty()) {
                lines.finish(new RunReport(r.dryRun(), r.plan(), r.results(), java.util.List.of()));
            }
        });
        autosync.start();
        out.println("Lumasync autosync running " + (label.isEmpty() ? "" : "in workspace '" + label + "' ")
                + "for " + sources.size() + " source(s): "
                + String.join(", ", sources.stream().map(s -> s.name() + (s.watch() ? " (watching)" : "")
                + s.interval().map(d -> " (every " + Durations.format(d) + ")").orElse("")).toList())
                + ". Stop with Ctrl-C.");
        out.flush();
        return new Running(label, service, autosync, owns);
    }

    /** Puts the workspace's name at the start of every line, so a log of several workspaces says whose line it is. */
    static final class Prefixed extends Writer {
        private final Writer target;
        private final String prefix;
        private boolean lineStart = true;

        Prefixed(Writer target, String prefix) {
            this.target = target;
            this.prefix = prefix;
        }

        @Override
        public void write(char[] buf, int off, int len) throws java.io.IOException {
            synchronized (target) {
                for (int i = off; i < off + len; i++) {
                    if (lineStart && buf[i] != '\r') {
                        target.write(prefix);
                    }
                    target.write(buf[i]);
                    lineStart = buf[i] == '\n';
                }
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            target.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            target.flush();
        }
    }
}
