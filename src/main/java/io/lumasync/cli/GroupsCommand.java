package io.lumasync.cli;

import io.lumasync.store.GroupRules;
import io.lumasync.sync.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "groups", description = "Destination groups: one name for several destinations, with rules.",
        subcommands = {GroupsCommand.Set.class, GroupsCommand.ListCmd.class, GroupsCommand.Remove.class})
final class GroupsCommand {
    private GroupsCommand() {
    }

    @Command(name = "set", description = "Create or change a group: set NAME --destinations a,b [rules]. Every rule "
            + "not given is off. Use the group's name wherever a destination is named (push --to, a source's destinations).")
    static final class Set implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--destinations", split = ",", required = true, paramLabel = "DEST", description = "Its destinations.")
        List<String> destinations;

        @Option(names = "--max-file-size", paramLabel = "SIZE", description = "Largest file sent, e.g. 2MB.")
        String maxFileSize = "0";

        @Option(names = "--min-width", paramLabel = "PX", description = "Smallest source width in pixels.")
        int minWidth;

        @Option(names = "--min-height", paramLabel = "PX", description = "Smallest source height in pixels.")
        int minHeight;

        @Option(names = "--formats", split = ",", paramLabel = "FORMAT", description = "Allowed formats, e.g. webp,jpeg.")
        List<String> formats = List.of();

        @Option(names = "--sources", split = ",", paramLabel = "SOURCE", description = "Sources allowed to publish "
                + "there ('upload' for pushed files).")
        List<String> sources = List.of();

        @Option(names = "--always-compress", description = "Never send an original as it is.")
        boolean alwaysCompress;

        @Option(names = "--no-autosync", description = "Autosync leaves these destinations out; only a sync by hand "
                + "publishes there.")
        boolean noAutosync;

        @Option(names = "--approval", description = "Items wait for approval (`lumasync approvals`).")
        boolean approval;

        @Option(names = "--folder", paramLabel = "FOLDER", description = "Destination folder for items without one.")
        String folder = "";

        Set(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            GroupRules rules = new GroupRules(Sizes.parse(maxFileSize), minWidth, minHeight, formats, sources, alwaysCompress,
                    !noAutosync, approval, folder.strip());
            ctx.service().governance().setGroup(name, destinations, rules);
            ctx.out().println("Saved the group '" + name + "': " + String.join(", ", destinations));
            describe(rules).forEach(r -> ctx.out().println("  " + r));
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List groups with their destinations and rules.")
    static final class ListCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            return Listing.print(ctx, json, ctx.service().governance().groups(), g -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", g.name());
                m.put("destinations", g.destinations());
                m.put("rules", g.rules());
                return m;
            }, g -> {
                List<String> lines = new ArrayList<>();
                lines.add(g.name() + ": " + String.join(", ", g.destinations()));
                describe(g.rules()).forEach(r -> lines.add("  " + r));
                return lines;
            }, "No groups. Make one: lumasync groups set Clients --destinations a,b --approval");
        }
    }

    @Command(name = "remove", description = "Remove a group (its destinations stay).")
    static final class Remove implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "NAME")
        String name;

        Remove(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            ctx.service().governance().removeGroup(name);
            ctx.out().println("Removed the group '" + name + "'.");
            return Cli.OK;
        }
    }

    /** The rules in words, one line each; "no rules" when there are none. */
    static List<String> describe(GroupRules r) {
        List<String> out = new ArrayList<>();
        if (r.maxFileBytes() > 0) {
            out.add("files of at most " + Sizes.human(r.maxFileBytes()));
        }
        if (r.minWidth() > 0 || r.minHeight() > 0) {
            out.add("at least " + (r.minWidth() > 0 ? r.minWidth() : "any") + " × "
                    + (r.minHeight() > 0 ? r.minHeight() : "any") + " pixels");
        }
        if (!r.formats().isEmpty()) {
            out.add("formats: " + String.join(", ", r.formats()).toUpperCase(Locale.ROOT));
        }
        if (!r.sources().isEmpty()) {
            out.add("sources: " + String.join(", ", r.sources()));
        }
        if (r.alwaysCompress()) {
            out.add("always compressed");
        }
        if (!r.autosync()) {
            out.add("autosync off");
        }
        if (r.approval()) {
            out.add("approval required");
        }
        if (!r.folder().isEmpty()) {
            out.add("default folder: " + r.folder());
        }
        return out.isEmpty() ? List.of("no rules") : out;
    }
}
