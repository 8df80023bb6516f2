package io.lumasync.cli;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.sync.SyncService;
import io.lumasync.sync.alt.AltMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    @Option(names = "--alt", paramLabel = "MODE", description = "Where alt text comes from in this run, instead "
            + "of each destination's setting: off, basic (the file name), embedded (the caption in the file) or ai "
            + "(a vision model). Any other word is taken as the alt text for every image (as --alt-text).")
    String alt;

    @Option(names = "--alt-text", paramLabel = "TEXT", description = "Alt text for every pushed image.")
    String altText;

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
        Optional<AltMode> mode = Optional.ofNullable(alt).flatMap(AltMode::parse);
        String text = altText != null ? altText : alt != null && mode.isEmpty() ? alt : null;
        if (text != null) {
            return output.finish(service.push(paths, to, settings, AssetMetadata.EMPTY.withAltText(text), dryRun,
                    output));
        }
        if (mode.orElse(AltMode.OFF) == AltMode.AI && !json) {
            // The cost is said before the batch runs; the monthly budget stops it if it would go too far.
            service.estimateAltText(paths, to, settings, mode).ifPresent(ctx.out()::println);
            ctx.out().flush();
        }
        return output.finish(service.push(paths, to, settings, mode, dryRun, output));
    }
}
