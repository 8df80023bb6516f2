package io.lumasync.mcp;

import io.lumasync.core.LumasyncException;
import io.lumasync.sync.JsonViews;
import io.lumasync.sync.SyncService;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sync map and the activity log as resources a client can browse and attach to a conversation. */
final class Resources {
    static final String SYNC_MAP = "lumasync://sync-map";
    static final String ACTIVITY = "lumasync://activity";
    /** Bounds, so that a large library never becomes one enormous message. */
    static final int MAX_MAP_ROWS = 2000;
    static final int MAX_EVENTS = 500;

    private final SyncService service;
    private final McpJsonMapper json;

    Resources(SyncService service, McpJsonMapper json) {
        this.service = service;
        this.json = json;
    }

    List<SyncResourceSpecification> specifications() {
        return List.of(
                resource(SYNC_MAP, "sync-map", "Sync map", "Every published image: source, destination, id and "
                        + "address there, format and sizes (the " + MAX_MAP_ROWS + " newest rows).", () -> {
                            var rows = service.syncMap(Optional.empty());
                            return Map.of("entries", rows.stream().limit(MAX_MAP_ROWS).map(JsonViews::mapEntry).toList(),
                                    "total", rows.size());
                        }),
                resource(ACTIVITY, "activity", "Activity log", "What happened, newest first (the last "
                        + MAX_EVENTS + " lines), with where the work came from (app or mcp).", () ->
                        Map.of("events", service.activity(Optional.empty(), false, MAX_EVENTS).stream()
                                .map(JsonViews::activity).toList())));
    }

    /** The content of one resource as JSON text. */
    interface Content {
        Map<String, Object> read() throws LumasyncException;
    }

    private SyncResourceSpecification resource(String uri, String name, String title, String description,
                                               Content content) {
        McpSchema.Resource r = McpSchema.Resource.builder(uri, name).title(title).description(description)
                .mimeType("application/json").build();
        return new SyncResourceSpecification(r, (exchange, request) -> {
            try {
                String text = json.writeValueAsString(new LinkedHashMap<>(content.read()));
                return McpSchema.ReadResourceResult.builder(List.of(McpSchema.TextResourceContents.builder(uri, text)
                        .mimeType("application/json").build())).build();
            } catch (LumasyncException | IOException e) {
                throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(e.getMessage()).build();
            }
        });
    }
}
