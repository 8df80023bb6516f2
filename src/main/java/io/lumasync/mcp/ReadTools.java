package io.lumasync.mcp;

import io.lumasync.core.LumasyncException;
import io.lumasync.store.ActivityEvent;
import io.lumasync.store.SyncMapEntry;
import io.lumasync.sync.AssetStatus;
import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.JsonViews;
import io.lumasync.sync.SyncService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/** The tools that only look: status, browsing a source, the sync map, changed assets and the activity feed. */
final class ReadTools {
    private static final int MAX_ACTIVITY = 1000;

    private final SyncService service;
    private final BooleanSupplier readOnly;

    ReadTools(SyncService service, BooleanSupplier readOnly) {
        this.service = service;
        this.readOnly = readOnly;
    }

    List<Tool> tools() {
        return List.of(
                Tool.reading("status", "Lumasync status", "The user's destinations and sources with their health "
                        + "(last success, last error), the autosync schedule of each source, failures of the last "
                        + "24 hours, and whether this workspace is read-only for AI assistants. Call this first.", this::status),
                Tool.reading("browse_source", "Browse a source", "The folders and images of one source, each "
                        + "image with its state at every destination: new (never published), synced, changed "
                        + "(the source changed since it was published) or failed.", this::browse),
                Tool.reading("map_lookup", "Where did this image go", "Looks an image up in the sync map: where "
                        + "each version was published, its id and address (URL) at the destination, its format and "
                        + "size before and after compression.", this::lookup),
                Tool.reading("changed_assets", "Changed since the last sync", "The images of every source (or "
                        + "one) that are new, changed or failed at one of their destinations: what the next sync "
                        + "would publish.", this::changed),
                Tool.reading("activity", "Activity", "What happened, newest first: images synced, replaced, "
                        + "skipped, retried, failed or deleted, with the reason in plain words and where the work "
                        + "came from (app or mcp).", this::activity));
    }

    private Answer status(ToolCall call) throws LumasyncException {
        List<Map<String, Object>> destinations = new ArrayList<>();
        for (DestinationInfo d : service.destinations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("type", d.typeId());
            m.put("status", d.status());
            m.put("lastOkAt", d.lastOkAt().map(Instant::toString).orElse(""));
            m.put("lastError", d.lastError().orElse(""));
            m.put("assets", d.assets());
            destinations.add(m);
        }
        List<Map<String, Object>> sources = new ArrayList<>();
        List<String> scheduled = new ArrayList<>();
        for (SourceInfo s : service.sources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("type", s.typeId());
            m.put("destinations", s.destinations());
            m.put("watch", s.watch());
            m.put("everyMinutes", s.interval().map(Duration::toMinutes).orElse(0L));
            m.put("lastRunAt", s.lastRunAt().map(Instant::toString).orElse(""));
            m.put("lastError", s.lastError().orElse(""));
            sources.add(m);
            if (s.watch() || s.interval().isPresent()) {
                scheduled.add(s.name());
            }
        }
        long failures = service.activity(Optional.of(Instant.now().minus(Duration.ofHours(24))), true, MAX_ACTIVITY)
                .size();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("imageEngine", service.engineName());
        health.put("secretsKeptIn", service.vaultBackend());
        health.put("secretsDurable", service.vaultDurable());
        health.put("failuresLast24h", failures);
        health.put("readOnlyForMcp", readOnly.getAsBoolean());
        Map<String, Object> autosync = new LinkedHashMap<>();
        autosync.put("scheduledSources", scheduled);
        autosync.put("note", "Sources with a schedule sync on their own while the app or `lumasync daemon` runs; "
                + "autosync_now runs them at once.");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("destinations", destinations);
        out.put("sources", sources);
        out.put("health", health);
        out.put("autosync", autosync);
        String text = destinations.size() + " destination(s): " + String.join(", ", destinations.stream()
                .map(d -> d.get("name") + " (" + d.get("status") + ")").toList()) + ". " + sources.size()
                + " source(s)" + (sources.isEmpty() ? "" : ": " + String.join(", ", sources.stream()
                .map(s -> String.valueOf(s.get("name"))).toList())) + ". " + failures
                + " failure(s) in the last 24 hours." + (readOnly.getAsBoolean() ? " Read-only for AI assistants." : "");
        return Answer.ok(out, text);
    }

    private Answer browse(ToolCall call) throws LumasyncException {
        String source = call.requiredText("source");
        String folder = call.text("folder").map(f -> f.replaceAll("^/+|/+$", "")).orElse("");
        boolean changedOnly = call.flag("changedOnly");
        int offset = call.number("offset", 0, 0, Integer.MAX_VALUE);
        int limit = call.number("limit", 100, 1, 500);
        List<BrowseItem> all = service.browse(source);
        TreeSet<String> folders = new TreeSet<>();
        List<BrowseItem> matching = new ArrayList<>();
        for (BrowseItem b : all) {
            String f = b.item().folder();
            if (!folder.isEmpty() && !(f.equals(folder) || f.startsWith(folder + "/"))) {
                continue;
            }
            folders.add(f);
            if (!changedOnly || needsSync(b)) {
                matching.add(b);
            }
        }
        List<Map<String, Object>> assets = matching.stream().skip(offset).limit(limit).map(ReadTools::asset).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source);
        out.put("folders", List.copyOf(folders));
        out.put("total", matching.size());
        out.put("assets", assets);
        out.put("nextOffset", offset + assets.size() < matching.size() ? offset + assets.size() : null);
        long changed = matching.stream().filter(ReadTools::needsSync).count();
        return Answer.ok(out, source + ": " + matching.size() + " image(s) in " + folders.size() + " folder(s), "
                + changed + " new, changed or failed somewhere; showing " + assets.size() + ".");
    }

    private Answer lookup(ToolCall call) throws LumasyncException {
        Optional<String> asset = call.text("asset").map(a -> a.toLowerCase(Locale.ROOT));
        int limit = call.number("limit", 50, 1, 500);
        List<SyncMapEntry> rows = service.syncMap(call.text("destination"));
        List<Map<String, Object>> found = rows.stream()
                .filter(e -> asset.isEmpty() || e.assetId().toLowerCase(Locale.ROOT).contains(asset.get())
                        || e.assetName().toLowerCase(Locale.ROOT).contains(asset.get()))
                .limit(limit).map(JsonViews::mapEntry).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", found);
        String text = found.isEmpty() ? "No published image matches." : String.join("\n", found.stream()
                .map(e -> e.get("name") + " → " + e.get("destination") + ": " + e.get("url")).toList());
        return Answer.ok(out, text);
    }

    private Answer changed(ToolCall call) throws LumasyncException {
        Optional<String> only = call.text("source");
        int limit = call.number("limit", 100, 1, 500);
        List<Map<String, Object>> assets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int total = 0;
        List<String> names = only.isPresent() ? List.of(only.get())
                : service.sources().stream().map(SourceInfo::name).toList();
        for (String name : names) {
            try {
                for (BrowseItem b : service.browse(name)) {
                    if (needsSync(b)) {
                        total++;
                        if (assets.size() < limit) {
                            assets.add(asset(b));
                        }
                    }
                }
            } catch (LumasyncException e) {
                if (only.isPresent()) {
                    throw e;
                }
                problems.add(name + ": " + e.getMessage());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("assets", assets);
        out.put("problems", problems);
        return Answer.ok(out, total + " image(s) new, changed or failed since the last sync"
                + (problems.isEmpty() ? "." : "; " + String.join("; ", problems)));
    }

    private Answer activity(ToolCall call) throws LumasyncException {
        int limit = call.number("limit", 100, 1, MAX_ACTIVITY);
        Optional<Instant> since = call.has("sinceHours")
                ? Optional.of(Instant.now().minus(Duration.ofHours(call.number("sinceHours", 24, 1, 8784))))
                : Optional.empty();
        String origin = call.text("origin").orElse("any");
        if (!List.of("any", "app", "mcp").contains(origin)) {
            throw new ToolCall.BadArguments("'origin' is one of any, app, mcp.");
        }
        List<ActivityEvent> events = service.activity(since, call.flag("failedOnly"),
                origin.equals("any") ? limit : MAX_ACTIVITY);
        List<Map<String, Object>> lines = events.stream().map(JsonViews::activity)
                .filter(m -> origin.equals("any") || m.get("origin").equals(origin)).limit(limit).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", lines);
        String text = lines.isEmpty() ? "Nothing happened in that time." : String.join("\n", lines.stream().limit(20)
                .map(m -> m.get("time") + " " + m.get("kind") + " " + m.get("asset") + " → " + m.get("destination")
                        + " (" + m.get("origin") + ")").toList()) + (lines.size() > 20 ? "\n…" : "");
        return Answer.ok(out, text);
    }

    private static boolean needsSync(BrowseItem b) {
        return b.status().values().stream().anyMatch(s -> s != AssetStatus.SYNCED);
    }

    private static Map<String, Object> asset(BrowseItem b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", b.source());
        m.put("id", b.item().id());
        m.put("name", b.item().name());
        m.put("folder", b.item().folder());
        m.put("bytes", b.item().fingerprint().size());
        Map<String, Object> status = new LinkedHashMap<>();
        b.status().forEach((d, s) -> status.put(d, s.name().toLowerCase(Locale.ROOT)));
        m.put("status", status);
        m.put("urls", b.urls());
        return m;
    }
}
