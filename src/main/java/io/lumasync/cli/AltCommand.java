package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;
import io.lumasync.core.EncodeSettings;
import io.lumasync.sync.AltTextEntry;
import io.lumasync.sync.SyncService;
import io.lumasync.sync.alt.AltMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "alt", description = "Alt text of published images: list (those missing it), generate, set by hand, "
        + "choose each destination's mode, and review new images' text before they are published.",
        subcommands = {AltCommand.ListCmd.class, AltCommand.Generate.class, AltCommand.Set.class,
                AltCommand.Mode.class, AltReviewCommands.Pending.class, AltReviewCommands.Approve.class,
                AltReviewCommands.Skip.class})
final class AltCommand {

    @Command(name = "list", description = "List published images with their alt text.")
    static final class ListCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--destination", paramLabel = "NAME", description = "Only this destination.")
        String destination;

        @Option(names = "--missing", description = "Only images without alt text.")
        boolean missing;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<AltTextEntry> rows = ctx.service().altTexts(Optional.ofNullable(destination), missing);
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (AltTextEntry e : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("source", e.source());
                    m.put("asset", e.assetId());
                    m.put("destination", e.destination());
                    m.put("altText", e.altText());
                    m.put("origin", e.origin());
                    m.put("url", e.url());
                    out.add(m);
                }
                ctx.out().println(RunOutput.json(out));
                return Cli.OK;
            }
            for (AltTextEntry e : rows) {
                ctx.out().println(e.source() + ":" + e.assetId() + " → " + e.destination() + "  "
                        + (e.altText().isEmpty() ? "(no alt text)" : "\"" + e.altText() + "\" (" + e.origin() + ")"));
            }
            if (rows.isEmpty()) {
                ctx.out().println(missing ? "Every published image has alt text." : "Nothing has been published yet.");
            }
            return Cli.OK;
        }
    }

    @Command(name = "generate", description = "Make alt text for files and publish it (a metadata-only update for "
            + "images already published): the cost is shown first, and the monthly budget stops AI calls.")
    static final class Generate implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Image files or folders.")
        List<Path> paths;

        @Option(names = "--to", required = true, split = ",", paramLabel = "DEST", description = "Destination name(s).")
        List<String> to;

        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "ai",
                description = "ai (default), embedded or basic.")
        String mode;

        @Mixin
        EncodeOptions encode;

        @Option(names = "--dry-run", description = "Show what it would cost and do; change nothing.")
        boolean dryRun;

        @Option(names = "--json", description = "Print one JSON document instead of progress lines.")
        boolean json;

        Generate(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            AltMode m = AltCommand.mode(mode);
            SyncService service = ctx.service();
            EncodeSettings settings = encode.apply(service.defaultEncode());
            if (!json) {
                Optional<String> estimate = service.estimateAltText(paths, to, settings, Optional.of(m));
                ctx.out().println(estimate.orElse("No image needs a model call: every one is described already."));
                ctx.out().flush();
            }
            RunOutput output = new RunOutput(ctx.out(), json, ctx.interactive());
            return output.finish(service.push(paths, to, settings, Optional.of(m), dryRun, output));
        }
    }

    @Command(name = "set", description = "Set an image's own alt text (it wins over every mode); the next push or "
            + "sync updates it in place. An empty TEXT removes it.")
    static final class Set implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "ASSET", description = "The image as `lumasync alt list` shows it "
                + "(source:asset, or the asset of a pushed file).")
        String asset;

        @Parameters(index = "1", paramLabel = "TEXT", description = "The alt text.")
        String text;

        Set(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            int colon = asset.indexOf(':');
            String source = colon > 0 ? asset.substring(0, colon) : SyncService.UPLOAD_SOURCE;
            String id = colon > 0 ? asset.substring(colon + 1) : asset;
            ctx.service().setAltText(source, id, text);
            ctx.out().println(text.isBlank() ? "Removed the alt text set for " + id + "."
                    : "Saved. The next push or sync of " + id + " updates its alt text in place.");
            return Cli.OK;
        }
    }

    @Command(name = "mode", description = "Choose where a destination's alt text comes from: off, basic (file "
            + "name), embedded (caption in the file) or ai (a vision model).")
    static final class Mode implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "DEST", description = "The destination.")
        String destination;

        @Parameters(index = "1", arity = "0..1", paramLabel = "MODE", description = "off, basic, embedded or ai; "
                + "leave out to show the current mode.")
        String mode;

        @Option(names = "--language", paramLabel = "TAG", description = "The language alt text is written in there "
                + "(en, de, pt-BR …).")
        String language;

        @Option(names = "--review", paramLabel = "on|off", description = "on: new images wait until their alt text "
                + "is approved (`lumasync alt pending`, `lumasync alt approve`) before they are published there.")
        String review;

        Mode(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            SyncService s = ctx.service();
            if (s.destinations().stream().noneMatch(d -> d.name().equals(destination))) {
                throw new ConfigurationException("There is no destination called '" + destination + "'.");
            }
            if (mode != null) {
                s.ai().setAltMode(destination, AltCommand.mode(mode));
            }
            if (language != null) {
                s.ai().setLanguage(destination, language);
            }
            if (review != null) {
                s.altReview().setEnabled(destination, onOff(review));
            }
            ctx.out().println(destination + ": alt text " + s.ai().altMode(destination).id() + ", in "
                    + s.ai().language(destination) + (s.altReview().enabled(destination)
                    ? ", reviewed before publishing" : ""));
            return Cli.OK;
        }
    }

    private static boolean onOff(String text) throws ConfigurationException {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new ConfigurationException("--review takes on or off, not '" + text + "'.");
        };
    }

    static AltMode mode(String text) throws ConfigurationException {
        return AltMode.parse(text).orElseThrow(() -> new ConfigurationException("Unknown alt-text mode '" + text
                + "': use off, basic, embedded or ai."));
    }
}
