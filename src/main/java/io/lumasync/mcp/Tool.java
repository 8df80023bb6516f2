package io.lumasync.mcp;

import io.lumasync.core.LumasyncException;

/**
 * One tool the server offers: its name, words for the model, the JSON schema of its arguments, and the engine action
 * behind it.
 *
 * @param changes true for tools that publish, replace or delete: refused when the workspace is read-only for MCP,
 *                and run only with {@code confirm: true} after a dry run of the same request
 * @param family  tools whose dry runs confirm one another (an optimize audit confirms the optimize run); "" for
 *                tools that show no dry run
 */
record Tool(String name, String title, String description, String inputSchema, boolean changes, String family,
            Handler handler) {

    /** Does the work; a thrown {@link ToolCall.BadArguments} or {@link LumasyncException} becomes a tool error. */
    @FunctionalInterface
    interface Handler {
        Answer call(ToolCall call) throws LumasyncException;
    }

    static Tool reading(String name, String title, String description, Handler handler) {
        return new Tool(name, title, description, schema(name), false, "", handler);
    }

    /** A tool that changes nothing, whose answer counts as the dry run of the changing tools of {@code family}. */
    static Tool auditing(String name, String family, String title, String description, Handler handler) {
        return new Tool(name, title, description, schema(name), false, family, handler);
    }

    static Tool changing(String name, String family, String title, String description, Handler handler) {
        return new Tool(name, title, description, schema(name), true, family, handler);
    }

    /** The JSON schema of a tool's arguments, {@code schemas/<name>.json} beside this class. */
    static String schema(String name) {
        try (java.io.InputStream in = Tool.class.getResourceAsStream("schemas/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("The tool '" + name + "' has no schema file");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
