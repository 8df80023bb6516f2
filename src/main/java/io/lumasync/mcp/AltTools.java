package io.lumasync.mcp;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.LumasyncException;
import io.lumasync.sync.AltReview;
import io.lumasync.sync.AltTextEntry;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SyncService;
import io.lumasync.sync.alt.AltMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alt text of published images, the same engine actions as {@code lumasync alt}: which images lack it, setting one
 * image's text by hand, and generating texts with each destination's mode (a dry run shows what model calls cost).
 */
final class AltTools {
    private final SyncService service;

    AltTools(SyncService service) {
        this.service = service;
    }

    List<Tool> tools() {
        return List.of(
                Tool.reading("alt_text_missing", "Images without alt text", "Published images that have no alt "
                        + "text (at every destination, or one): screen readers say nothing useful for them. Each "
                        + "with its source, asset id and address, for alt_text_set.", this::missing),
                Tool.changing("alt_text_set", "alt_text_set", "Set an image's alt text", "Sets one image's own alt "
                        + "text (it wins over every mode; an empty text removes it); the next push or sync updates "
                        + "the published image's alt text in place. Without confirm it answers with the current and "
                        + "the new text only.", this::set),
                Tool.changing("alt_text_generate", "alt_text_generate", "Generate alt text", "Makes alt text for "
                        + "local image files with each destination's alt-text mode (or the mode given) and publishes "
                        + "it; images published before get a metadata-only update. Without confirm it answers with "
                        + "the plan and what the model calls would cost.", this::generate),
                Tool.reading("alt_text_pending", "Images waiting for their alt text", "New images held before "
                        + "their first publish until their alt text is approved (destinations that review alt text): "
                        + "each with its id, destination and the drafted text, for alt_text_approve.", this::pending),
                Tool.changing("alt_text_approve", "alt_text_approve", "Approve an image's alt text and publish it",
                        "Publishes one waiting image now with its drafted alt text, or with the text given (kept as "
                        + "the image's own). Without confirm it answers with the image and the text it would be "
                        + "published with only.", this::approve));
    }

    private Answer pending(ToolCall call) throws LumasyncException {
        int limit = call.number("limit", Shapes.MAX_ITEMS, 1, Shapes.MAX_ITEMS);
        List<AltReview.Pending> rows = service.altReview().pending();
        List<Map<String, Object>> images = new ArrayList<>();
        for (AltReview.Pending p : rows.subList(0, Math.min(limit, rows.size()))) {
            images.add(pendingView(p));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", rows.size());
        out.put("images", images);
        return Answer.ok(out, rows.isEmpty() ? "No image is waiting for its alt text."
                : rows.size() + " new image(s) wait for their alt text to be approved.");
    }

    private static Map<String, Object> pendingView(AltReview.Pending p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("source", p.source());
        m.put("asset", p.assetId());
        m.put("name", p.assetName());
        m.put("destination", p.destination());
        m.put("draft", p.draft());
        return m;
    }

    private Answer approve(ToolCall call) throws LumasyncException {
        long id = call.number("id", 0, 1, Integer.MAX_VALUE);
        Optional<String> text = call.text("text").map(String::strip).filter(t -> !t.isEmpty());
        AltReview.Pending p = service.altReview().pending().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new ToolCall.BadArguments("No image " + id + " is waiting for its alt text (see "
                        + "alt_text_pending)."));
        String alt = text.orElse(p.draft());
        if (alt.isBlank()) {
            throw new ToolCall.BadArguments("Nothing was drafted for " + p.assetName() + ": give the alt text as "
                    + "'text'.");
        }
        if (!call.flag("confirm")) {
            Map<String, Object> out = new LinkedHashMap<>(pendingView(p));
            out.put("dryRun", true);
            out.put("altText", alt);
            return Answer.ok(out, "Nothing changed yet: this would publish " + p.assetName() + " to "
                    + p.destination() + " with the alt text \"" + alt + "\". To do this, call again with the same "
                    + "arguments and confirm: true.");
        }
        Map<Long, String> texts = text.isPresent() ? Map.of(id, text.get()) : Map.of();
        return ChangeTools.run(service.altReview().approve(List.of(id), texts, call.listener()), false);
    }

    private Answer missing(ToolCall call) throws LumasyncException {
        int limit = call.number("limit", Shapes.MAX_ITEMS, 1, Shapes.MAX_ITEMS);
        List<AltTextEntry> rows = service.altTexts(call.text("destination"), true);
        List<Map<String, Object>> images = new ArrayList<>();
        for (AltTextEntry e : rows.subList(0, Math.min(limit, rows.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", e.source());
            m.put("asset", e.assetId());
            m.put("name", e.assetName());
            m.put("destination", e.destination());
            m.put("url", e.url());
            images.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", rows.size());
        out.put("images", images);
        return Answer.ok(out, rows.isEmpty() ? "Every published image has alt text."
                : rows.size() + " published image(s) have no alt text.");
    }

    private Answer set(ToolCall call) throws LumasyncException {
        String source = call.text("source").orElse(SyncService.UPLOAD_SOURCE);
        String asset = call.requiredText("asset");
        String text = call.text("text").orElseThrow(() -> new ToolCall.BadArguments("'text' is missing."));
        List<AltTextEntry> published = service.altTexts(Optional.empty(), false).stream()
                .filter(e -> e.source().equals(source) && e.assetId().equals(asset)).toList();
        if (published.isEmpty()) {
            throw new ToolCall.BadArguments("No published image is '" + asset + "' from '" + source
                    + "' (see alt_text_missing).");
        }
        boolean dryRun = !call.flag("confirm");
        List<Map<String, Object>> at = new ArrayList<>();
        for (AltTextEntry e : published) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("destination", e.destination());
            m.put("altText", e.altText());
            m.put("url", e.url());
            at.add(m);
        }
        if (!dryRun) {
            service.setAltText(source, asset, text);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dryRun", dryRun);
        out.put("source", source);
        out.put("asset", asset);
        out.put("newAltText", text);
        out.put("published", at);
        String what = text.isBlank() ? "remove the alt text set for " + asset : "set the alt text of " + asset
                + " to \"" + text + "\"";
        return Answer.ok(out, dryRun ? "Nothing changed yet: this would " + what + " at " + published.size()
                + " destination(s). To do this, call again with the same arguments and confirm: true."
                : "Done: " + what + ". The next push or sync updates it in place.");
    }

    private Answer generate(ToolCall call) throws LumasyncException {
        boolean dryRun = !call.flag("confirm");
        List<Path> paths = call.requiredTexts("paths").stream().map(ChangeTools::localPath).toList();
        List<String> destinations = call.requiredTexts("destinations");
        Optional<AltMode> mode = Optional.empty();
        if (call.has("mode")) {
            String m = call.requiredText("mode");
            mode = Optional.of(AltMode.parse(m).orElseThrow(() -> new ToolCall.BadArguments("Unknown alt-text mode '"
                    + m + "': use off, basic, embedded or ai.")));
        }
        EncodeSettings settings = ChangeTools.encode(call, service.defaultEncode());
        String estimate = dryRun ? service.estimateAltText(paths, destinations, settings, mode)
                .orElse("No image needs a model call: every one is described already.") : "";
        RunReport report = service.push(paths, destinations, settings, mode, dryRun, call.listener());
        Answer run = ChangeTools.run(report, dryRun);
        if (!dryRun) {
            return run;
        }
        Map<String, Object> out = new LinkedHashMap<>(run.structured());
        out.put("cost", estimate);
        return Answer.ok(out, estimate + "\n" + run.text());
    }
}
