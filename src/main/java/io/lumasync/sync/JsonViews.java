package io.lumasync.sync;

import io.lumasync.store.ActivityEvent;
import io.lumasync.store.SyncMapEntry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's records as JSON objects, one shape for every door that prints or answers JSON (the CLI's
 * {@code --json}, the MCP tools), so that a script and an assistant read the same field names.
 */
public final class JsonViews {
    private JsonViews() {
    }

    /** An activity line; origin "app" for the app, CLI and daemon, "mcp" for an AI assistant. */
    public static Map<String, Object> activity(ActivityEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.time().toString());
        m.put("kind", e.kind());
        m.put("source", e.source());
        m.put("asset", e.asset());
        m.put("destination", e.destination());
        m.put("message", e.message());
        m.put("url", e.url());
        m.put("origin", e.origin().isEmpty() ? "app" : e.origin());
        return m;
    }

    /** A sync map row: where one source image was published. */
    public static Map<String, Object> mapEntry(SyncMapEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", e.source());
        m.put("asset", e.assetId());
        m.put("name", e.assetName());
        m.put("destination", e.destination());
        m.put("remoteId", e.remote().id());
        m.put("url", e.remote().url() == null ? "" : e.remote().url());
        m.put("format", e.format());
        m.put("contentHash", e.fingerprint().contentHash());
        m.put("settingsHash", e.settingsHash());
        m.put("bytesIn", e.bytesIn());
        m.put("bytesOut", e.bytesOut());
        m.put("syncedAt", e.syncedAt().toString());
        return m;
    }

    /** What a run plans at one destination. */
    public static Map<String, Object> plan(PlanCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("create", c.create());
        m.put("replace", c.replace());
        m.put("metadata", c.metadata());
        m.put("skip", c.skip());
        m.put("delete", c.delete());
        m.put("replaceMeans", c.replaceNote());
        return m;
    }

    /** The state of one (image, destination) job of a run. */
    public static Map<String, Object> item(ItemProgress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", p.source());
        m.put("asset", p.assetId());
        m.put("name", p.assetName());
        m.put("destination", p.destination());
        m.put("action", p.action().name().toLowerCase(Locale.ROOT));
        m.put("state", p.state().name().toLowerCase(Locale.ROOT));
        m.put("bytesIn", p.bytesIn());
        m.put("bytesOut", p.bytesOut());
        m.put("url", p.url() == null ? "" : p.url());
        m.put("message", p.message() == null ? "" : p.message());
        return m;
    }

    /** What Optimize did (or would do) with one image. */
    public static Map<String, Object> optimized(OptimizeResult i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asset", i.assetId());
        m.put("file", i.fileName());
        m.put("outcome", i.outcome().name().toLowerCase(Locale.ROOT));
        m.put("state", i.outcome().state().name().toLowerCase(Locale.ROOT));
        m.put("bytesBefore", i.bytesBefore());
        m.put("bytesAfter", i.bytesAfter());
        m.put("formatBefore", i.formatBefore());
        m.put("formatAfter", i.formatAfter());
        m.put("quality", i.quality());
        m.put("url", i.url());
        m.put("previousUrl", i.previousUrl());
        m.put("message", i.message());
        return m;
    }
}
