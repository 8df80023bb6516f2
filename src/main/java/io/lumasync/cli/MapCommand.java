package io.lumasync.cli;

import io.lumasync.store.SyncMapEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "map", description = "Show the sync map: which source image went where.",
        subcommands = MapCommand.Rename.class)
final class MapCommand implements Callable<Integer> {
    @Command(name = "rename", description = "Republish one published image under the name its destination's "
            + "file-name template gives it now, remove the old file and print the address change (old -> new).")
    static final class Rename implements Callable<Integer> {
        private final CliContext ctx;

        @picocli.CommandLine.Parameters(paramLabel = "SOURCE:ASSET", description = "The image, as lumasync map "
                + "shows it.")
        String image;

        @Option(names = "--to", paramLabel = "DESTINATION", required = true, description = "The destination to "
                + "rename it at.")
        String destination;

        Rename(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            int colon = image.indexOf(':');
            if (colon <= 0 || colon == image.length() - 1) {
                throw new io.lumasync.core.ConfigurationException("Give the image as SOURCE:ASSET, e.g. "
                        + "photos:2024/IMG_2034.jpg (see lumasync map).");
            }
            Map.Entry<String, String> moved = ctx.service().renameToTemplate(image.substring(0, colon),
                    image.substring(colon + 1), destination);
            ctx.out().println(moved.getKey().equals(moved.getValue())
                    ? "Already named by the template: " + moved.getKey()
                    : "Renamed: " + moved.getKey() + " -> " + moved.getValue()
                            + "\nPages that link the old address need the new one.");
            return Cli.OK;
        }
    }

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
