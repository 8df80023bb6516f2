package io.lumasync.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.source.NpmConformance;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end scenario of docs/mcp.md ({@code src/test/conformance/mcp/mcp-e2e.mjs}): the official MCP
 * TypeScript SDK starts {@code command args} over stdio and checks every step; every check must hold.
 */
public final class McpScenario {
    private McpScenario() {
    }

    /**
     * Runs the scenario against the server {@code command} starts, publishing {@code photo} to the folder
     * destination {@code destination} and cancelling a push of {@code batch}; returns the script's report.
     */
    public static JsonNode run(String command, List<String> args, Map<String, String> env, Path photo, Path batch,
                               String destination) throws Exception {
        Path suite = NpmConformance.install("mcp");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("command", command);
        config.put("args", args);
        config.put("env", env);
        config.put("photo", photo.toString());
        config.put("batch", batch.toString());
        config.put("destination", destination);
        String output = NpmConformance.node(suite, "mcp-e2e.mjs", new ObjectMapper().writeValueAsString(config));
        JsonNode result = new ObjectMapper().readTree(output);
        result.get("checks").properties().forEach(c ->
                assertThat(c.getValue().asBoolean()).as(c.getKey() + "\n" + output).isTrue());
        assertThat(result.get("checks").size()).isGreaterThan(30);
        return result;
    }
}
