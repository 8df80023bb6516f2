package io.lumasync.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.LumasyncException;
import io.lumasync.sync.SyncService;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Lumasync as a Model Context Protocol server over stdio ({@code lumasync mcp}): an AI assistant checks, browses,
 * publishes and audits through the same engine as the app, the CLI and the daemon. Every tool is one engine action;
 * changing tools need a dry run, then {@code confirm: true}, and are refused when the workspace is read-only for
 * MCP. Activity the server causes is recorded with origin {@value #ORIGIN}.
 */
public final class McpDoor {
    /** The activity origin of work started through MCP. */
    public static final String ORIGIN = "mcp";
    /** The data folder's setting that makes every changing tool refuse ("true"), where no workspace registry is. */
    public static final String READ_ONLY_SETTING = "mcp.readOnly";

    private final SyncService service;
    private final McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    private final Calls calls;
    private final Confirmations confirmations = new Confirmations(Clock.systemUTC()::instant);
    private final boolean readOnlyHere;
    private final ReadOnlyFlag workspaceReadOnly;
    private final List<Tool> extraTools;

    /** Whether the workspace is read-only for MCP, read anew at every call so a change takes effect at once. */
    @FunctionalInterface
    public interface ReadOnlyFlag {
        boolean get() throws LumasyncException;
    }

    /**
     * {@code readOnlyHere}: refuse changing tools in this server whatever the workspace says; the workspace's own
     * flag is the data folder's {@value #READ_ONLY_SETTING} setting.
     */
    public McpDoor(SyncService service, boolean readOnlyHere) {
        this(service, readOnlyHere, settingFlag(service), List.of());
    }

    /** With the workspace's read-only-for-MCP flag from elsewhere (the workspace registry). */
    public McpDoor(SyncService service, boolean readOnlyHere, ReadOnlyFlag workspaceReadOnly) {
        this(service, readOnlyHere, workspaceReadOnly, List.of());
    }

    /** With more tools than the engine's (tests add one that crashes). */
    McpDoor(SyncService service, boolean readOnlyHere, List<Tool> extraTools) {
        this(service, readOnlyHere, settingFlag(service), extraTools);
    }

    McpDoor(SyncService service, boolean readOnlyHere, ReadOnlyFlag workspaceReadOnly, List<Tool> extraTools) {
        this.service = service;
        this.readOnlyHere = readOnlyHere;
        this.workspaceReadOnly = workspaceReadOnly;
        this.extraTools = List.copyOf(extraTools);
        this.calls = new Calls(service::cancel);
    }

    /** The read-only flag kept in the data folder itself, for an engine opened outside any workspace registry. */
    public static ReadOnlyFlag settingFlag(SyncService service) {
        return () -> service.setting(READ_ONLY_SETTING).map(Boolean::parseBoolean).orElse(false);
    }

    /** True when changing tools are refused: this server was started read-only, or the workspace is. */
    public boolean readOnly() {
        if (readOnlyHere) {
            return true;
        }
        try {
            return workspaceReadOnly.get();
        } catch (LumasyncException e) {
            return true; // a flag that cannot be read must not open the door to changes
        }
    }

    /** The tools, in the order clients list them. */
    List<Tool> tools() {
        List<Tool> tools = new ArrayList<>(new ReadTools(service, this::readOnly).tools());
        tools.addAll(new ChangeTools(service).tools());
        tools.addAll(new AltTools(service).tools());
        tools.addAll(extraTools);
        return tools;
    }

    /** Serves one client on {@code in}/{@code out} until it closes its input; nothing else may write to {@code out}. */
    public void serve(InputStream in, OutputStream out, String version) throws InterruptedException {
        service.recordOrigin(ORIGIN);
        StdioFilter filter = new StdioFilter(calls);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json, filter.input(in),
                filter.output(out));
        ToolRunner runner = new ToolRunner(json, calls, confirmations, this::readOnly);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo(McpSchema.Implementation.builder("lumasync", version).title("Lumasync").build())
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(new ObjectMapper()))
                .validateToolInputs(true)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false)
                        .prompts(false).build())
                .tools(tools().stream().map(runner::specification).toList())
                .resources(new Resources(service, json).specifications())
                .prompts(Prompts.specifications())
                .build();
        try {
            filter.awaitInputEnd();
            filter.awaitAnswers(StdioFilter.FINISH_AFTER_INPUT_END);
        } finally {
            server.closeGracefully();
        }
    }

    private static final String INSTRUCTIONS = """
            Lumasync compresses images on this computer and publishes them to the user's destinations (folders, \
            WordPress, S3, webhooks…), keeping a sync map so a changed source image updates its published copy in \
            place. Start with 'status'. Tools that publish or replace images or their alt text (push, upload, \
            autosync_now, optimize_run, alt_text_set, alt_text_generate, alt_text_approve) first answer with a dry \
            run; show it to the user and call again with the same arguments and confirm: true only when they agree. \
            Nothing is uploaded that the user did not ask for.""";
}
