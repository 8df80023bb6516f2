package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;
import io.lumasync.store.Approval;
import io.lumasync.sync.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "approvals", description = "Items waiting for approval in groups that want it: list, approve, reject.",
        subcommands = {ApprovalsCommand.ListCmd.class, ApprovalsCommand.Approve.class, ApprovalsCommand.Reject.class})
final class ApprovalsCommand {
    private ApprovalsCommand() {
    }

    @Command(name = "list", description = "List items waiting for approval (or --all, with past decisions).")
    static final class ListCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--all", description = "Also approved and rejected items.")
        boolean all;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<Approval> items = ctx.service().approvals().list(all ? Optional.empty() : Optional.of(Approval.WAITING));
            return Listing.print(ctx, json, items, a -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", a.id());
                m.put("group", a.group());
                m.put("source", a.job().source());
                m.put("asset", a.job().assetName());
                m.put("destination", a.job().destination());
                m.put("action", a.job().action().name().toLowerCase(java.util.Locale.ROOT));
                m.put("size", a.job().fingerprint().size());
                m.put("state", a.state());
                m.put("note", a.note());
                m.put("queued", a.createdAt().toString());
                return m;
            }, a -> List.of("#" + a.id() + "  " + a.job().assetName() + " (" + Sizes.human(a.job().fingerprint().size())
                    + ", from " + a.job().source() + ")  " + a.job().action().name().toLowerCase(java.util.Locale.ROOT)
                    + " → " + a.job().destination() + "  group " + a.group()
                    + (a.state().equals(Approval.WAITING) ? "" : "  " + a.state() + (a.note().isEmpty() ? "" : ": " + a.note()))),
                    all ? "Nothing was ever queued for approval." : "Nothing is waiting for approval.");
        }
    }

    @Command(name = "approve", description = "Approve items (numbers from `lumasync approvals list`, or --all) and "
            + "publish them now.")
    static final class Approve implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "ID", arity = "0..*")
        List<Long> ids = List.of();

        @Option(names = "--all", description = "Every waiting item.")
        boolean all;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        Approve(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<Long> chosen = chosen(ctx, ids, all);
            RunOutput output = new RunOutput(ctx.out(), json, ctx.interactive());
            return output.finish(ctx.service().approvals().approve(chosen, output));
        }
    }

    @Command(name = "reject", description = "Reject items; that version of each is not queued again.")
    static final class Reject implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "ID", arity = "0..*")
        List<Long> ids = List.of();

        @Option(names = "--all", description = "Every waiting item.")
        boolean all;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the record and the action.rejected event.")
        String reason = "";

        Reject(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<Approval> done = ctx.service().approvals().reject(chosen(ctx, ids, all), reason);
            for (Approval a : done) {
                ctx.out().println("Rejected #" + a.id() + " " + a.job().assetName() + " → " + a.job().destination());
            }
            return Cli.OK;
        }
    }

    private static List<Long> chosen(CliContext ctx, List<Long> ids, boolean all) throws Exception {
        if (all) {
            return ctx.service().approvals().list(Optional.of(Approval.WAITING)).stream().map(Approval::id).toList();
        }
        if (ids.isEmpty()) {
            throw new ConfigurationException("Name the items by number (see `lumasync approvals list`), or use --all.");
        }
        return ids;
    }
}
