package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;
import io.lumasync.sync.AltReview;
import io.lumasync.sync.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `lumasync alt pending | approve | skip`: new images held until their alt text is approved. */
final class AltReviewCommands {
    private AltReviewCommands() {
    }

    @Command(name = "pending", description = "List new images waiting for their alt text to be approved before "
            + "they are published (destinations with `lumasync alt mode DEST --review on`).")
    static final class Pending implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Pending(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<AltReview.Pending> rows = ctx.service().altReview().pending();
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (AltReview.Pending p : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", p.id());
                    m.put("source", p.source());
                    m.put("asset", p.assetId());
                    m.put("destination", p.destination());
                    m.put("draft", p.draft());
                    out.add(m);
                }
                ctx.out().println(RunOutput.json(out));
                return Cli.OK;
            }
            for (AltReview.Pending p : rows) {
                ctx.out().println(p.id() + "  " + p.source() + ":" + p.assetId() + " → " + p.destination() + "  "
                        + (p.draft().isEmpty() ? "(no text drafted: approve it with --text)" : "\"" + p.draft() + "\""));
            }
            ctx.out().println(rows.isEmpty() ? "No image is waiting for its alt text."
                    : "Approve with `lumasync alt approve ID [--text \"…\"]` or `--all`; `lumasync alt skip ID` keeps "
                    + "an image unpublished.");
            return Cli.OK;
        }
    }

    @Command(name = "approve", description = "Approve new images' alt text and publish them now; --text replaces "
            + "the drafted text (it is kept as the image's own).")
    static final class Approve implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "0..*", paramLabel = "ID", description = "The ids `lumasync alt pending` shows.")
        List<Long> ids = new ArrayList<>();

        @Option(names = "--text", paramLabel = "TEXT", description = "The alt text to publish instead of the draft "
                + "(one ID only).")
        String text;

        @Option(names = "--all", description = "Approve every waiting image with its drafted text.")
        boolean all;

        @Option(names = "--json", description = "Print one JSON document instead of progress lines.")
        boolean json;

        Approve(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            AltReview review = ctx.service().altReview();
            List<Long> chosen = new ArrayList<>(ids);
            if (all) {
                if (text != null) {
                    throw new ConfigurationException("--text goes with one ID, not with --all.");
                }
                review.pending().stream().filter(p -> !p.draft().isEmpty()).forEach(p -> chosen.add(p.id()));
            }
            if (chosen.isEmpty()) {
                throw new ConfigurationException(all ? "No image with a drafted text is waiting. See `lumasync alt "
                        + "pending`." : "Name the image(s) to approve by the id `lumasync alt pending` shows, or use --all.");
            }
            if (text != null && chosen.size() != 1) {
                throw new ConfigurationException("--text goes with one ID.");
            }
            Map<Long, String> texts = text == null ? Map.of() : Map.of(chosen.getFirst(), text);
            RunOutput output = new RunOutput(ctx.out(), json, ctx.interactive());
            RunReport r = review.approve(chosen, texts, output);
            return output.finish(r);
        }
    }

    @Command(name = "skip", description = "Keep new images unpublished (this version of each file; a changed file "
            + "is drafted and held again).")
    static final class Skip implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "The ids `lumasync alt pending` shows.")
        List<Long> ids;

        Skip(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            int n = ctx.service().altReview().skip(ids).size();
            ctx.out().println("Skipped " + n + " image(s): they stay unpublished.");
            return Cli.OK;
        }
    }
}
