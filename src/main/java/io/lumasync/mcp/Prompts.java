package io.lumasync.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Ready-made requests for the everyday recipes: a morning check, a campaign launch, a failure, missing alt text. */
final class Prompts {
    private Prompts() {
    }

    static List<SyncPromptSpecification> specifications() {
        return List.of(
                prompt("morning_sync_check", "Morning sync check", "Is everything published and healthy?",
                        List.of(), a -> """
                        Check my Lumasync setup for this morning. Call 'status' and tell me which destinations or \
                        sources have a problem and what to do about it. Then call 'changed_assets' and say how many \
                        images wait to be published, per source. Finally call 'activity' with sinceHours 24 and \
                        failedOnly true and summarise the failures in plain words. Do not publish anything."""),
                prompt("campaign_launch", "Campaign launch", "Publish a folder of campaign images, safely.",
                        List.of(argument("folder", "The campaign's image folder (absolute path)", true),
                                argument("destinations", "Destination names, comma-separated", true)), a -> """
                        I am launching a campaign. Publish the images in %s to %s with Lumasync: call 'push' \
                        with these paths and destinations and without confirm, show me the plan (how many images \
                        are created, replaced or skipped at each destination, and any problem), and wait for my \
                        go-ahead. Only then call 'push' again with confirm: true. Afterwards use 'map_lookup' to \
                        list the published addresses."""
                                .formatted(a.getOrDefault("folder", "the folder"),
                                        a.getOrDefault("destinations", "my destinations"))),
                prompt("sync_failure_investigation", "Sync failure investigation",
                        "Why did images fail to sync, and how to fix it?",
                        List.of(argument("hours", "How far back to look (default 24)", false)),
                        a -> """
                        Some images did not sync. Call 'activity' with failedOnly true and sinceHours %s, group the \
                        failures by destination and reason, and call 'status' to see whether a destination or \
                        source needs me (a sign-in that expired, a full disk, a wrong address). Explain each cause \
                        in plain words and what I should do. Suggest 'push' or 'autosync_now' to try again only \
                        once the cause is fixed, and never with confirm: true before I agree."""
                                .formatted(a.getOrDefault("hours", "24"))),
                prompt("missing_alt_text", "Missing alt text", "Give the images of a folder alt text as they are "
                        + "published.", List.of(argument("source", "The source's name", true),
                        argument("folder", "A folder of that source (default: all)", false)),
                        a -> """
                        Help me give alt text to the images of source %s, folder '%s'. Call 'browse_source' to \
                        list them. For each image, ask me what it shows (you cannot see it), write a short alt text \
                        from my answer (what matters in the picture, under 125 characters, no "image of") and \
                        collect them. Then, for each image, publish it with 'upload' with its alt text: first \
                        without confirm to show me the plan, then with confirm: true once I agree."""
                                .formatted(a.getOrDefault("source", "?"), a.getOrDefault("folder", ""))));
    }

    private static McpSchema.PromptArgument argument(String name, String description, boolean required) {
        return McpSchema.PromptArgument.builder(name).description(description).required(required).build();
    }

    private static SyncPromptSpecification prompt(String name, String title, String description,
                                                  List<McpSchema.PromptArgument> arguments,
                                                  Function<Map<String, String>, String> text) {
        McpSchema.Prompt p = McpSchema.Prompt.builder(name).title(title).description(description)
                .arguments(arguments).build();
        return new SyncPromptSpecification(p, (exchange, request) -> {
            Map<String, String> args = new java.util.HashMap<>();
            if (request.arguments() != null) {
                request.arguments().forEach((k, v) -> args.put(k, String.valueOf(v)));
            }
            for (McpSchema.PromptArgument arg : arguments) {
                if (Boolean.TRUE.equals(arg.required()) && !args.containsKey(arg.name())) {
                    throw io.modelcontextprotocol.spec.McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                            .message("The prompt '" + name + "' needs '" + arg.name() + "'.").build();
                }
            }
            return McpSchema.GetPromptResult.builder(List.of(new McpSchema.PromptMessage(McpSchema.Role.USER,
                    McpSchema.TextContent.builder(text.apply(args)).build()))).description(description).build();
        });
    }
}
