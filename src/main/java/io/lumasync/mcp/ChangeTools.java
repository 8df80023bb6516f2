package io.lumasync.mcp;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.sync.AssetStatus;
import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.OptimizeReport;
import io.lumasync.sync.OptimizeRequest;
import io.lumasync.sync.OptimizeResult;
import io.lumasync.sync.PlanCounts;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.SyncService;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tools that publish or replace: push, upload, autosync now, and Optimize (its audit is the dry run). Without
 * {@code confirm} each answers with the dry run; {@link ToolRunner} lets {@code confirm: true} through only after it.
 */
final class ChangeTools {
    private final SyncService service;

    ChangeTools(SyncService service) {
        this.service = service;
    }

    List<Tool> tools() {
        return List.of(
                Tool.changing("push", "push", "Publish images", "Compresses images and publishes them to "
                        + "destinations: local files and folders ('paths'), or images of a configured source "
                        + "('source' with 'items', ids from browse_source). An image published before is updated "
                        + "in place; unchanged ones are skipped. Without confirm it answers with the plan only.", this::push),
                Tool.changing("upload", "push", "Upload one file", "Compresses one local image file and publishes "
                        + "it with its alt text, title and caption. Without confirm it answers with the plan only.", this::upload),
                Tool.changing("autosync_now", "autosync", "Run autosync now", "Syncs sources now, as their "
                        + "schedule would: new and changed images are published, and deletions are carried over "
                        + "where a source is set to. Without confirm it answers with the plan only.", this::autosync),
                Tool.auditing("optimize_audit", "optimize", "What Optimize would save", "Recompresses a "
                        + "destination's images on this computer without changing anything, and reports how many "
                        + "bytes each would save. Counts as the dry run of optimize_run with the same arguments.",
                        call -> optimize(call, true)),
                Tool.changing("optimize_run", "optimize", "Optimize published images", "Recompresses a "
                        + "destination's images and replaces them in place; originals are kept in backups so "
                        + "Optimize can roll back. Without confirm it answers like optimize_audit.",
                        call -> optimize(call, !call.flag("confirm"))));
    }

    private Answer push(ToolCall call) throws LumasyncException {
        boolean dryRun = !call.flag("confirm");
        List<String> destinations = call.requiredTexts("destinations");
        List<Path> paths = call.texts("paths").stream().map(ChangeTools::localPath).toList();
        List<String> items = call.texts("items");
        boolean fromSource = call.has("source");
        if (paths.isEmpty() == !fromSource || (fromSource && items.isEmpty())) {
            throw new ToolCall.BadArguments("Give either 'paths', or 'source' with 'items'.");
        }
        RunReport report;
        if (fromSource) {
            String source = call.requiredText("source");
            SourceInfo info = service.sources().stream().filter(s -> s.name().equals(source)).findFirst()
                    .orElseThrow(() -> new ToolCall.BadArguments("There is no source called '" + source + "'."));
            EncodeSettings settings = encode(call, info.encode());
            report = dryRun ? sourcePlan(source, items, destinations)
                    : service.syncItems(source, items, destinations, settings, call.listener());
        } else {
            AssetMetadata md = call.text("alt").map(AssetMetadata.EMPTY::withAltText).orElse(AssetMetadata.EMPTY);
            report = service.push(paths, destinations, encode(call, service.defaultEncode()), md, dryRun,
                    call.listener());
        }
        return run(report, dryRun);
    }

    private Answer upload(ToolCall call) throws LumasyncException {
        boolean dryRun = !call.flag("confirm");
        Path file = localPath(call.requiredText("file"));
        if (!Files.isRegularFile(file)) {
            throw new ToolCall.BadArguments(file + " is not a file (push takes folders).");
        }
        AssetMetadata md = new AssetMetadata(call.text("alt").orElse(""), call.text("title").orElse(""),
                call.text("caption").orElse(""), "");
        RunReport report = service.push(Map.of(file, md), call.requiredTexts("destinations"),
                encode(call, service.defaultEncode()), dryRun, call.listener());
        return run(report, dryRun);
    }

    private Answer autosync(ToolCall call) throws LumasyncException {
        boolean dryRun = !call.flag("confirm");
        return run(service.syncSources(call.texts("sources"), dryRun, false, call.listener()), dryRun);
    }

    private Answer optimize(ToolCall call, boolean dryRun) throws LumasyncException {
        // Only an explicit format changes an image's type: the saved default may be AVIF for new uploads.
        EncodeSettings settings = encode(call, service.defaultEncode().withFormat(OutputFormat.AUTO));
        OptimizeReport report = service.optimize(new OptimizeRequest(call.requiredText("destination"),
                call.texts("select"), settings, dryRun), call.listener());
        long saved = 0;
        List<Map<String, Object>> items = new ArrayList<>();
        for (OptimizeResult r : report.items()) {
            if (r.outcome() == OptimizeResult.Outcome.WOULD_OPTIMIZE || r.outcome() == OptimizeResult.Outcome.OPTIMIZED) {
                saved += Math.max(0, r.bytesBefore() - r.bytesAfter());
            }
            if (items.size() < Shapes.MAX_ITEMS) {
                items.add(io.lumasync.sync.JsonViews.optimized(r));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("destination", report.destination());
        out.put("dryRun", report.dryRun());
        out.put("bytesSaved", saved);
        out.put("items", items);
        out.put("problems", report.problems());
        long changed = report.count(dryRun ? OptimizeResult.Outcome.WOULD_OPTIMIZE : OptimizeResult.Outcome.OPTIMIZED);
        String text = (dryRun ? "Audit, nothing changed: " + changed + " image(s) would shrink, saving "
                : "Optimized " + changed + " image(s), saving ") + io.lumasync.sync.Sizes.human(saved) + "; "
                + report.count(OptimizeResult.Outcome.FAILED) + " failed."
                + (dryRun ? " To replace them, call optimize_run with the same arguments and confirm: true." : "");
        return Answer.ok(out, text);
    }

    /** A run's answer; a dry run says how to go ahead. */
    static Answer run(RunReport report, boolean dryRun) {
        String text = Shapes.runText(report);
        if (dryRun) {
            text += "\nTo do this, call again with the same arguments and confirm: true.";
        }
        return Answer.ok(Shapes.run(report), text);
    }

    /** What publishing chosen source images would do, from their state at each destination. */
    private RunReport sourcePlan(String source, List<String> ids, List<String> destinations) throws LumasyncException {
        Set<String> wanted = Set.copyOf(ids);
        Map<String, PlanCounts> plan = new LinkedHashMap<>();
        destinations.forEach(d -> plan.put(d, PlanCounts.ZERO));
        List<String> found = new ArrayList<>();
        for (BrowseItem b : service.browse(source)) {
            if (!wanted.contains(b.item().id())) {
                continue;
            }
            found.add(b.item().id());
            for (String d : destinations) {
                AssetStatus s = b.status().get(d);
                boolean published = s == AssetStatus.SYNCED || s == AssetStatus.CHANGED || b.url(d).isPresent();
                PlanCounts one = s == AssetStatus.SYNCED ? new PlanCounts(0, 0, 0, 1, 0)
                        : published ? new PlanCounts(0, 1, 0, 0, 0) : new PlanCounts(1, 0, 0, 0, 0);
                plan.merge(d, one, PlanCounts::plus);
            }
        }
        List<String> problems = ids.stream().filter(id -> !found.contains(id))
                .map(id -> source + ": there is no image '" + id + "'.").toList();
        return new RunReport(true, plan, List.of(), problems);
    }

    static EncodeSettings encode(ToolCall call, EncodeSettings base) {
        EncodeSettings s = base;
        try {
            if (call.has("format")) {
                s = s.withFormat(OutputFormat.parse(call.requiredText("format")));
            }
            if (call.has("quality")) {
                s = s.withQuality(Quality.parse(call.requiredText("quality")));
            }
        } catch (IllegalArgumentException e) {
            throw new ToolCall.BadArguments(e.getMessage());
        }
        return s;
    }

    /** A path on this computer, absolute so that it never depends on where the client started the server. */
    static Path localPath(String text) {
        try {
            Path p = Path.of(text);
            if (!p.isAbsolute()) {
                throw new ToolCall.BadArguments("'" + text + "' is not an absolute path.");
            }
            return p.normalize();
        } catch (InvalidPathException e) {
            throw new ToolCall.BadArguments("'" + text + "' is not a path: " + e.getReason());
        }
    }
}
