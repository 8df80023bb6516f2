package io.lumasync.mcp;

import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LogFile;
import io.lumasync.core.LumasyncException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs every tool call the same way: read-only and confirmation rules for changing tools, progress and cancellation,
 * and a fence that turns any failure, even an unexpected crash, into a tool error so the server keeps serving.
 */
final class ToolRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);
    /** Progress notifications at most this often (the last one always goes). */
    private static final long PROGRESS_EVERY_MS = 250;

    private final McpJsonMapper json;
    private final Calls calls;
    private final Confirmations confirmations;
    private final BooleanSupplier readOnly;

    ToolRunner(McpJsonMapper json, Calls calls, Confirmations confirmations, BooleanSupplier readOnly) {
        this.json = json;
        this.calls = calls;
        this.confirmations = confirmations;
        this.readOnly = readOnly;
    }

    SyncToolSpecification specification(Tool tool) {
        McpSchema.Tool described = new McpSchema.Tool(tool.name(), tool.title(), tool.description(),
                schema(tool), null, new McpSchema.ToolAnnotations(tool.title(), !tool.changes(), tool.changes(),
                        false, tool.changes(), null), null, null);
        return SyncToolSpecification.builder().tool(described)
                .callHandler((exchange, request) -> result(call(tool, exchange, request))).build();
    }

    private Map<String, Object> schema(Tool tool) {
        try {
            return json.readValue(tool.inputSchema(), new io.modelcontextprotocol.json.TypeRef<Map<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The schema of '" + tool.name() + "' is not JSON", e);
        }
    }

    private Answer call(Tool tool, McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Optional<String> requestId = meta(request, StdioFilter.REQUEST_ID).map(Object::toString);
        Cancellation cancellation = requestId.map(calls::start).orElse(Cancellation.NEVER);
        try {
            ToolCall call = new ToolCall(tool.name(), request.arguments(),
                    progressSink(exchange, meta(request, "progressToken")), cancellation);
            return guarded(tool, call);
        } finally {
            requestId.ifPresent(calls::finish);
        }
    }

    /** The rules and the fence around one call. */
    Answer guarded(Tool tool, ToolCall call) {
        try {
            if (call.cancelled()) {
                return Answer.failed("cancelled", "The call was cancelled before it started.");
            }
            boolean confirmed = call.flag("confirm");
            if (tool.changes() && readOnly.getAsBoolean()) {
                return Answer.failed("read_only", "This Lumasync workspace is read-only for AI assistants: '"
                        + tool.name() + "' would change published images. The user can allow it with "
                        + "`lumasync mcp read-only off`.");
            }
            if (tool.changes() && confirmed && !confirmations.take(tool.family(), call.request())) {
                return Answer.failed("needs_dry_run", "'" + tool.name() + "' changes published images, so it runs "
                        + "only after a dry run of the same request: call it without 'confirm' first, show the plan "
                        + "to the user, then call it again with the same arguments and confirm: true.");
            }
            Answer answer = tool.handler().call(call);
            if (!answer.error() && !confirmed && tool.family() != null && !tool.family().isEmpty()) {
                confirmations.shown(tool.family(), call.request());
            }
            return answer;
        } catch (ToolCall.BadArguments e) {
            return Answer.failed("bad_arguments", e.getMessage());
        } catch (ConfigurationException e) {
            return Answer.failed("not_possible", e.getMessage());
        } catch (LumasyncException e) {
            return Answer.failed("failed", e.getMessage());
        } catch (RuntimeException | Error e) {
            // One tool's crash must not end the server: the client gets an error, the log gets the details.
            LOG.error("Unexpected error in MCP tool '{}'", tool.name(), e);
            return Answer.failed("internal_error", "'" + tool.name() + "' stopped on a problem in Lumasync itself ("
                    + LogFile.unexpectedError(e) + "). The server is still running; other tools work.");
        }
    }

    private static Optional<Object> meta(McpSchema.CallToolRequest request, String key) {
        Map<String, Object> meta = request.meta();
        return meta == null ? Optional.empty() : Optional.ofNullable(meta.get(key));
    }

    /** Progress goes to the client only when it asked for it with a progress token. */
    private static Consumer<ToolCall.Progress> progressSink(McpSyncServerExchange exchange, Optional<Object> token) {
        if (token.isEmpty()) {
            return p -> { };
        }
        long[] last = {0};
        double[] sent = {-1};
        // Workers report from several threads: sending under the lock keeps the numbers rising, so a late report of
        // an earlier count never follows the final one (the spec wants progress to increase).
        return p -> {
            long now = System.currentTimeMillis();
            boolean finished = p.total() > 0 && p.done() >= p.total();
            synchronized (last) {
                if (p.done() <= sent[0] || !finished && now - last[0] < PROGRESS_EVERY_MS) {
                    return;
                }
                last[0] = now;
                sent[0] = p.done();
                try {
                    exchange.progressNotification(McpSchema.ProgressNotification.builder(token.get(), p.done())
                            .total(p.total() > 0 ? p.total() : null).message(p.message()).build());
                } catch (RuntimeException e) {
                    LOG.debug("A progress notification could not be sent", e);
                }
            }
        };
    }

    private McpSchema.CallToolResult result(Answer answer) {
        String structured;
        try {
            structured = json.writeValueAsString(answer.structured());
        } catch (java.io.IOException e) {
            structured = "{}";
        }
        return McpSchema.CallToolResult.builder().structuredContent(answer.structured())
                .addTextContent(answer.text()).addTextContent(structured).isError(answer.error()).build();
    }
}
