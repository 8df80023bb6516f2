package io.lumasync.cli;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.sync.SyncService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "push", description = "Optimize files and folders and publish them. Pushing a file with the same "
        + "name to the same destination again updates it in place; unchanged files are skipped.")
final class PushCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Image files or folders (read recursively).")
    List<Path> paths;

    @Option(names = "--to", required = true, split = ",", paramLabel = "DEST", description = "Destination name(s).")
    List<String> to;

    @Mixin
    EncodeOptions encode;

    @Option(names = "--alt", paramLabel = "TEXT", description = "Alt text for every pushed image.")
    String alt;

    @Option(names = "--dry-run", description = "Show what would happen; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON document instead of progress lines.")
    boolean json;

    PushCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        EncodeSettings settings = encode.apply(ctx.service().defaultEncode());
        SyncService service = ctx.service();
        RunOutput output = new RunOutput(ctx.out(), json, ctx.interactive());
        AssetMetadata md = alt == null ? AssetMetadata.EMPTY : AssetMetadata.EMPTY.withAltText(alt);
        return output.finish(service.push(paths, to, settings, md, dryRun, output));
    }
}
