package io.lumasync.cli;

import io.lumasync.store.SyncMapEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "map", description = "Show the sync map: which source image went where.")
final class MapCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--destination", paramLabel = "NAME", description = "Only this destination.")
    String destination;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    MapCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<SyncMapEntry> rows = ctx.service().syncMap(Optional.ofNullable(destination));
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (SyncMapEntry e : rows) {
                out.add(io.lumasync.sync.JsonViews.mapEntry(e));
            }
            ctx.out().println(RunOutput.json(out));
            return Cli.OK;
        }
        for (SyncMapEntry e : rows) {
            ctx.out().println(e.source() + ":" + e.assetId() + " → " + e.destination() + "  id=" + e.remote().id()
                    + "  " + e.remote().url() + "  " + e.format() + "  " + io.lumasync.sync.Sizes.human(e.bytesIn())
                    + " → " + io.lumasync.sync.Sizes.human(e.bytesOut()));
        }
        if (rows.isEmpty()) {
            ctx.out().println("The sync map is empty: nothing has been published yet.");
        }
        return Cli.OK;
    }
}
