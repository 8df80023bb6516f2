package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;
import io.lumasync.source.SourceType;
import io.lumasync.source.SourceTypes;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.SyncService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Command(name = "sources", description = "Add, list and remove sources.",
        subcommands = {SourcesCommand.Add.class, SourcesCommand.ListCmd.class, SourcesCommand.Remove.class})
final class SourcesCommand {

    @Command(name = "add", description = "Add a source: add TYPE NAME --to DEST --option value… "
            + "(e.g. add folder exports --path ~/Exports --to blog --every 15m).")
    static final class Add extends AdapterCommands.Add<SourceType> {
        @Option(names = "--to", required = true, split = ",", paramLabel = "DEST", description = "Destination name(s).")
        List<String> to;

        @Option(names = "--watch", description = "Pick up new and changed files as they appear.")
        boolean watch;

        @Option(names = "--every", paramLabel = "INTERVAL", description = "Autosync interval, e.g. 15m, 1h, 1d.")
        String every;

        @Option(names = "--delete-missing", description = "Remove published images whose source file was deleted.")
        boolean deleteMissing;

        @Option(names = "--delete-share", paramLabel = "0-1", description = "Most a run may delete without --force (default 0.25).")
        double deleteShare = 0.25;

        @Mixin
        EncodeOptions encode;

        Add(CliContext ctx) {
            super(ctx, "sources", SourceTypes.registry());
        }

        @Override
        public Integer call() throws Exception {
            SourceType t = chosenType(false, "the token or password");
            Map<String, String> values = AdapterOptions.parse(t.displayName(), t.fields(), options, ctx);
            Optional<Duration> interval = every == null ? Optional.empty() : Optional.of(Durations.parse(every));
            if (deleteShare < 0 || deleteShare > 1) {
                throw new ConfigurationException("--delete-share must be between 0 and 1.");
            }
            io.lumasync.core.EncodeSettings settings = encode.apply(ctx.service().defaultEncode());
            SourceInfo info = new SourceInfo(name, type, Map.of(), to, settings, watch, interval, deleteMissing,
                    deleteShare, Optional.empty(), Optional.empty());
            ctx.service().addSource(info, values);
            ctx.out().println("Added " + t.displayName() + " source '" + name + "' → " + String.join(", ", to)
                    + ". Run it with: lumasync sync " + name);
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List sources.")
    static final class ListCmd extends AdapterCommands.ListCmd<SourceInfo> {
        ListCmd(CliContext ctx) {
            super(ctx, SyncService::sources, s -> " → " + String.join(", ", s.destinations())
                            + (s.watch() ? "  watching" : "")
                            + s.interval().map(d -> "  every " + Durations.format(d)).orElse("")
                            + s.lastError().map(e -> "  last error: " + e).orElse(""),
                    ListCmd::json, "No sources. Add one: lumasync sources add folder NAME --path DIR --to DEST");
        }

        private static Map<String, Object> json(SourceInfo s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("destinations", s.destinations());
            m.put("watch", s.watch());
            m.put("every", s.interval().map(Durations::format).orElse(null));
            m.put("deleteMissing", s.propagateDeletes());
            m.put("encode", s.encode().canonical());
            m.put("lastError", s.lastError().orElse(null));
            return m;
        }
    }

    @Command(name = "remove", description = "Remove a source (published images stay).")
    static final class Remove extends AdapterCommands.Remove {
        Remove(CliContext ctx) {
            super(ctx, "source", SyncService::removeSource);
        }
    }
}
