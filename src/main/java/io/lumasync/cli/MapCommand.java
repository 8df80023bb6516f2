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

        @Option(names = "--dry-run", description = "Only show the new name and what the destination would do.")
        boolean dryRun;

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
            String source = image.substring(0, colon);
            String asset = image.substring(colon + 1);
            if (dryRun) {
                io.lumasync.sync.RenamePreview p = ctx.service().previewRename(source, asset, destination);
                ctx.out().println(!p.allowed() ? "Cannot rename at " + destination + ": " + p.how()
                        : p.changes() ? "Would rename: " + p.oldUrl() + " -> " + p.newName() + "\n" + p.how()
                        : "Already named by the template: " + p.oldUrl());
                return Cli.OK;
            }
            io.lumasync.sync.RenameReport moved = ctx.service().renamePublished(source, asset, destination);
            ctx.out().println(moved.changed()
                    ? "Renamed: " + moved.oldUrl() + " -> " + moved.newUrl()
                            + "\nPages that link the old address need the new one."
                    : "Already named by the template: " + moved.oldUrl());
            moved.leftover().ifPresent(ctx.out()::println);
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
