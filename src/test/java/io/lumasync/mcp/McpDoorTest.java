package io.lumasync.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.SyncService;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP door on the real engine (folder destination, pass-through encoder), spoken to in raw JSON-RPC lines as
 * the specification's stdio transport defines them (modelcontextprotocol.io/specification/2025-06-18).
 */
class McpDoorTest {
    @TempDir
    Path tmp;
    SyncService service;
    Path photos;
    Path out;

    @BeforeEach
    void setUp() throws Exception {
        service = SyncService.open(tmp.resolve("data"), new InMemorySecretVault(), new PassThroughPipeline(),
                new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false));
        out = tmp.resolve("web");
        service.addDestination("web", "folder", Map.of("path", out.toString()));
        photos = Files.createDirectories(tmp.resolve("photos"));
        Files.write(photos.resolve("sunset.png"), TestImages.png(3));
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    private LineClient client(boolean readOnly, List<Tool> extra) throws Exception {
        return new LineClient(new McpDoor(service, readOnly, extra)).initialize();
    }

    private String pushArgs(String confirm) {
        return """
                {"paths": ["%s"], "destinations": ["web"], "format": "original"%s}"""
                .formatted(photos.resolve("sunset.png").toString().replace("\\", "\\\\"), confirm);
    }

    @Test
    void listsEveryToolWithAnObjectSchemaAndAnnotations() throws Exception {
        try (LineClient c = client(false, List.of())) {
            JsonNode tools = c.request("tools/list", LineClient.JSON.createObjectNode()).at("/result/tools");
            List<String> names = new ArrayList<>();
            tools.forEach(t -> {
                names.add(t.get("name").asText());
                assertThat(t.at("/inputSchema/type").asText()).as(t.toString()).isEqualTo("object");
                assertThat(t.get("description").asText()).hasSizeGreaterThan(40);
            });
            assertThat(names).containsExactly("status", "browse_source", "map_lookup", "changed_assets", "activity",
                    "push", "upload", "autosync_now", "optimize_audit", "optimize_run", "alt_text_missing", "alt_text_set",
                    "alt_text_generate", "alt_text_pending", "alt_text_approve");
            JsonNode push = tools.get(5);
            assertThat(push.at("/annotations/readOnlyHint").asBoolean()).isFalse();
            assertThat(push.at("/annotations/destructiveHint").asBoolean()).isTrue();
            assertThat(tools.get(0).at("/annotations/readOnlyHint").asBoolean()).isTrue();
        }
    }

    @Test
    void dryRunThenConfirmedPushPublishesAndTheActivitySaysItCameFromMcp() throws Exception {
        try (LineClient c = client(false, List.of())) {
            JsonNode status = c.call("status", "{}");
            assertThat(status.at("/structuredContent/destinations/0/name").asText()).isEqualTo("web");
            assertThat(status.at("/structuredContent/health/readOnlyForMcp").asBoolean()).isFalse();

            JsonNode early = c.call("push", pushArgs(", \"confirm\": true"));
            assertThat(early.get("isError").asBoolean()).isTrue();
            assertThat(early.at("/structuredContent/error").asText()).isEqualTo("needs_dry_run");
            assertThat(out.resolve("sunset.png")).doesNotExist();

            JsonNode dry = c.call("push", pushArgs(""));
            assertThat(dry.get("isError").asBoolean()).isFalse();
            assertThat(dry.at("/structuredContent/dryRun").asBoolean()).isTrue();
            assertThat(dry.at("/structuredContent/plan/web/create").asInt()).isEqualTo(1);
            assertThat(dry.at("/content/0/text").asText()).contains("confirm: true");
            assertThat(out.resolve("sunset.png")).doesNotExist();

            JsonNode other = c.call("push", pushArgs(", \"quality\": \"small\", \"confirm\": true"));
            assertThat(other.at("/structuredContent/error").asText()).as("a dry run confirms only its own request")
                    .isEqualTo("needs_dry_run");

            JsonNode done = c.call("push", pushArgs(", \"confirm\": true"));
            assertThat(done.get("isError").asBoolean()).as(done.toString()).isFalse();
            assertThat(done.at("/structuredContent/summary/done").asInt()).isEqualTo(1);
            assertThat(out.resolve("sunset.png")).exists();

            JsonNode again = c.call("push", pushArgs(", \"confirm\": true"));
            assertThat(again.at("/structuredContent/error").asText()).as("a confirmation is used once")
                    .isEqualTo("needs_dry_run");

            JsonNode map = c.call("map_lookup", "{\"asset\": \"SUNSET\"}");
            assertThat(map.at("/structuredContent/entries/0/destination").asText()).isEqualTo("web");
            assertThat(map.at("/structuredContent/entries/0/url").asText()).contains("sunset.png");

            JsonNode activity = c.call("activity", "{\"origin\": \"mcp\"}");
            assertThat(activity.at("/structuredContent/events/0/asset").asText()).isEqualTo("sunset.png");
            assertThat(activity.at("/structuredContent/events/0/origin").asText()).isEqualTo("mcp");
        }
        assertThat(service.activity(java.util.Optional.empty(), false, 10).getFirst().origin()).isEqualTo("mcp");
    }

    @Test
    void aReadOnlyWorkspaceRefusesChangingToolsButStillAnswersReadingOnes() throws Exception {
        service.setSetting(McpDoor.READ_ONLY_SETTING, "true");
        try (LineClient c = client(false, List.of())) {
            JsonNode refused = c.call("push", pushArgs(""));
            assertThat(refused.get("isError").asBoolean()).isTrue();
            assertThat(refused.at("/structuredContent/error").asText()).isEqualTo("read_only");
            assertThat(refused.at("/content/0/text").asText()).contains("read-only");
            assertThat(c.call("status", "{}").at("/structuredContent/health/readOnlyForMcp").asBoolean()).isTrue();
        }
        assertThat(out.resolve("sunset.png")).doesNotExist();
    }

    @Test
    void aWaitingImagesAltTextIsListedAndApprovedAfterADryRun() throws Exception {
        service.ai().setAltMode("web", io.lumasync.sync.alt.AltMode.BASIC);
        service.altReview().setEnabled("web", true);
        service.push(List.of(photos.resolve("sunset.png")), List.of("web"), service.defaultEncode(),
                java.util.Optional.empty(), false, io.lumasync.sync.SyncListener.NONE);
        assertThat(out.resolve("sunset.png")).as("held for its alt text").doesNotExist();
        try (LineClient c = client(false, List.of())) {
            JsonNode pending = c.call("alt_text_pending", "{}");
            assertThat(pending.at("/structuredContent/total").asInt()).as(pending.toString()).isEqualTo(1);
            assertThat(pending.at("/structuredContent/images/0/draft").asText()).isEqualTo("Sunset");
            long id = pending.at("/structuredContent/images/0/id").asLong();

            String args = "{\"id\": " + id + ", \"text\": \"A red sun sinking into the sea\"%s}";
            JsonNode early = c.call("alt_text_approve", args.formatted(", \"confirm\": true"));
            assertThat(early.at("/structuredContent/error").asText()).isEqualTo("needs_dry_run");
            JsonNode dry = c.call("alt_text_approve", args.formatted(""));
            assertThat(dry.at("/structuredContent/altText").asText()).as(dry.toString())
                    .isEqualTo("A red sun sinking into the sea");
            assertThat(out.resolve("sunset.png")).doesNotExist();
            JsonNode done = c.call("alt_text_approve", args.formatted(", \"confirm\": true"));
            assertThat(done.get("isError").asBoolean()).as(done.toString()).isFalse();
            assertThat(done.at("/structuredContent/summary/done").asInt()).isEqualTo(1);
            JsonNode gone = c.call("alt_text_approve", "{\"id\": " + id + "}");
            assertThat(gone.at("/structuredContent/error").asText()).isEqualTo("bad_arguments");
        }
        assertThat(out.resolve("sunset.png")).exists();
        assertThat(service.altTexts(java.util.Optional.empty(), false).getFirst().altText())
                .isEqualTo("A red sun sinking into the sea");
    }

    @Test
    void altTextIsListedSetAfterADryRunAndGeneratedWithTheCostShownFirst() throws Exception {
        service.push(List.of(photos.resolve("sunset.png")), List.of("web"), service.defaultEncode(),
                java.util.Optional.empty(), false, io.lumasync.sync.SyncListener.NONE);
        try (LineClient c = client(false, List.of())) {
            JsonNode missing = c.call("alt_text_missing", "{}");
            assertThat(missing.at("/structuredContent/total").asInt()).as(missing.toString()).isEqualTo(1);
            String source = missing.at("/structuredContent/images/0/source").asText();
            String asset = missing.at("/structuredContent/images/0/asset").asText();
            assertThat(missing.at("/structuredContent/images/0/destination").asText()).isEqualTo("web");

            String setArgs = """
                    {"source": "%s", "asset": "%s", "text": "A red sun over the sea"%%s}"""
                    .formatted(source, asset.replace("\\", "\\\\"));
            JsonNode early = c.call("alt_text_set", setArgs.formatted(", \"confirm\": true"));
            assertThat(early.at("/structuredContent/error").asText()).isEqualTo("needs_dry_run");
            JsonNode dry = c.call("alt_text_set", setArgs.formatted(""));
            assertThat(dry.get("isError").asBoolean()).as(dry.toString()).isFalse();
            assertThat(dry.at("/structuredContent/dryRun").asBoolean()).isTrue();
            assertThat(dry.at("/structuredContent/published/0/altText").asText()).isEmpty();
            assertThat(service.altTexts(java.util.Optional.empty(), true)).hasSize(1);
            JsonNode done = c.call("alt_text_set", setArgs.formatted(", \"confirm\": true"));
            assertThat(done.get("isError").asBoolean()).as(done.toString()).isFalse();
            assertThat(done.at("/structuredContent/dryRun").asBoolean()).isFalse();

            JsonNode unknown = c.call("alt_text_set", "{\"source\": \"nowhere\", \"asset\": \"x\", \"text\": \"t\"}");
            assertThat(unknown.at("/structuredContent/error").asText()).isEqualTo("bad_arguments");

            String genArgs = """
                    {"paths": ["%s"], "destinations": ["web"], "mode": "basic", "format": "original"%%s}"""
                    .formatted(photos.resolve("sunset.png").toString().replace("\\", "\\\\"));
            JsonNode plan = c.call("alt_text_generate", genArgs.formatted(""));
            assertThat(plan.get("isError").asBoolean()).as(plan.toString()).isFalse();
            assertThat(plan.at("/structuredContent/dryRun").asBoolean()).isTrue();
            assertThat(plan.at("/structuredContent/cost").asText()).isNotBlank();
            assertThat(plan.at("/content/0/text").asText()).contains("confirm: true");
            JsonNode generated = c.call("alt_text_generate", genArgs.formatted(", \"confirm\": true"));
            assertThat(generated.get("isError").asBoolean()).as(generated.toString()).isFalse();
            assertThat(generated.at("/structuredContent/dryRun").asBoolean()).isFalse();
            JsonNode after = c.call("alt_text_missing", "{}");
            assertThat(after.at("/structuredContent/total").asInt()).as(after.toString()).isZero();
        }
        assertThat(service.altTexts(java.util.Optional.empty(), false).getFirst().altText())
                .isEqualTo("A red sun over the sea");
    }

    @Test
    void aServerStartedReadOnlyRefusesWhateverTheWorkspaceSays() throws Exception {
        try (LineClient c = client(true, List.of())) {
            assertThat(c.call("autosync_now", "{}").at("/structuredContent/error").asText()).isEqualTo("read_only");
        }
    }

    @Test
    void unknownToolsAndBadArgumentsAreAnsweredAndTheServerGoesOn() throws Exception {
        try (LineClient c = client(false, List.of())) {
            JsonNode unknown = c.request("tools/call", LineClient.JSON.readTree("{\"name\": \"format_disk\"}"));
            assertThat(unknown.at("/error/code").asInt()).as(unknown.toString()).isEqualTo(-32602);

            JsonNode missing = c.call("browse_source", "{}");
            assertThat(missing.get("isError").asBoolean()).as(missing.toString()).isTrue();
            assertThat(missing.at("/content/0/text").asText()).contains("source");

            JsonNode wrongType = c.call("map_lookup", "{\"limit\": \"lots\"}");
            assertThat(wrongType.get("isError").asBoolean()).as(wrongType.toString()).isTrue();

            JsonNode relative = c.call("upload", "{\"file\": \"sunset.png\", \"destinations\": [\"web\"]}");
            assertThat(relative.at("/structuredContent/error").asText()).isEqualTo("bad_arguments");
            assertThat(relative.at("/content/0/text").asText()).contains("not an absolute path");

            JsonNode noSuchDestination = c.call("push", """
                    {"paths": ["%s"], "destinations": ["nowhere"]}""".formatted(photos));
            assertThat(noSuchDestination.get("isError").asBoolean()).isTrue();
            assertThat(noSuchDestination.at("/content/0/text").asText()).contains("nowhere");

            JsonNode garbage = answerToRaw(c, "{\"jsonrpc\": \"2.0\", \"id\": 900, \"method\": \"no/such/method\"}", 900);
            assertThat(garbage.at("/error/code").asInt()).isEqualTo(-32601);

            assertThat(c.call("status", "{}").get("isError").asBoolean()).isFalse();
        }
    }

    private static JsonNode answerToRaw(LineClient c, String line, int id) throws Exception {
        c.sendRaw(line);
        return c.answer(id, 30);
    }

    @Test
    void aCrashInOneToolIsAToolErrorAndTheServerKeepsServing() throws Exception {
        Tool crashing = new Tool("crash", "Crash", "A tool that fails the way a bug would, for this test only.",
                Tool.schema("status"), false, "", call -> {
                    throw new IllegalStateException("boom");
                });
        Tool overflowing = new Tool("overflow", "Overflow", "A tool that runs out of stack, for this test only.",
                Tool.schema("status"), false, "", call -> {
                    throw new StackOverflowError();
                });
        try (LineClient c = client(false, List.of(crashing, overflowing))) {
            JsonNode crashed = c.call("crash", "{}");
            assertThat(crashed.get("isError").asBoolean()).isTrue();
            assertThat(crashed.at("/structuredContent/error").asText()).isEqualTo("internal_error");
            assertThat(crashed.at("/content/0/text").asText()).contains("'crash' stopped", "still running");
            assertThat(c.call("overflow", "{}").at("/structuredContent/error").asText()).isEqualTo("internal_error");
            assertThat(c.call("status", "{}").get("isError").asBoolean()).isFalse();
            assertThat(c.serverRunning()).isTrue();
        }
    }

    @Test
    void resourcesAndPromptsAreListedAndRead() throws Exception {
        try (LineClient c = client(false, List.of())) {
            JsonNode resources = c.request("resources/list", LineClient.JSON.createObjectNode()).at("/result/resources");
            assertThat(resources.findValuesAsText("uri")).containsExactlyInAnyOrder(Resources.SYNC_MAP,
                    Resources.ACTIVITY);
            JsonNode read = c.request("resources/read", LineClient.JSON.createObjectNode().put("uri", Resources.SYNC_MAP));
            JsonNode body = LineClient.JSON.readTree(read.at("/result/contents/0/text").asText());
            assertThat(body.get("total").asInt()).isZero();

            JsonNode prompts = c.request("prompts/list", LineClient.JSON.createObjectNode()).at("/result/prompts");
            List<String> promptNames = new ArrayList<>();
            prompts.forEach(p -> promptNames.add(p.get("name").asText()));
            assertThat(promptNames).containsExactlyInAnyOrder("morning_sync_check", "campaign_launch",
                    "sync_failure_investigation", "missing_alt_text");
            JsonNode launch = c.request("prompts/get", LineClient.JSON.readTree("""
                    {"name": "campaign_launch", "arguments": {"folder": "/photos/spring", "destinations": "web"}}"""));
            assertThat(launch.at("/result/messages/0/content/text").asText()).contains("/photos/spring", "web",
                    "confirm: true");
            JsonNode incomplete = c.request("prompts/get", LineClient.JSON.readTree("{\"name\": \"campaign_launch\"}"));
            assertThat(incomplete.has("error")).as(incomplete.toString()).isTrue();
        }
    }

    @Test
    void aCancelledCallStopsAndGetsNoAnswerWhileTheServerGoesOn() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean sawCancel = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Tool slow = new Tool("slow", "Slow", "A tool that works until it is cancelled, for this test only.",
                Tool.schema("status"), false, "", call -> {
                    started.countDown();
                    for (int i = 0; i < 1000 && !call.cancelled(); i++) {
                        java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
                    }
                    sawCancel.set(call.cancelled());
                    return Answer.ok(Map.of(), "finished");
                });
        try (LineClient c = client(false, List.of(slow))) {
            int id = c.nextId();
            c.send(id, "tools/call", LineClient.JSON.readTree("{\"name\": \"slow\", \"arguments\": {}}"));
            assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            c.notify("notifications/cancelled", LineClient.JSON.readTree(
                    "{\"requestId\": " + id + ", \"reason\": \"the user changed their mind\"}"));
            assertThat(c.answersWithin(1500)).as("no answer to a cancelled request").isEmpty();
            assertThat(sawCancel.get()).isTrue();
            assertThat(c.call("status", "{}").get("isError").asBoolean()).isFalse();
        }
    }

    @Test
    void aConfirmedPushReportsProgressToTheTokenTheClientGave() throws Exception {
        try (LineClient c = client(false, List.of())) {
            c.call("push", pushArgs(""));
            com.fasterxml.jackson.databind.node.ObjectNode params = LineClient.JSON.createObjectNode().put("name", "push");
            params.set("arguments", LineClient.JSON.readTree(pushArgs(", \"confirm\": true")));
            params.putObject("_meta").put("progressToken", "run-1");
            JsonNode done = c.request("tools/call", params);
            assertThat(done.at("/result/structuredContent/summary/done").asInt()).isEqualTo(1);
            List<JsonNode> progress = c.notifications().stream()
                    .filter(n -> n.get("method").asText().equals("notifications/progress")).toList();
            assertThat(progress).isNotEmpty();
            JsonNode last = progress.getLast().get("params");
            assertThat(last.get("progressToken").asText()).isEqualTo("run-1");
            assertThat(last.get("progress").asDouble()).isEqualTo(last.get("total").asDouble());
        }
    }

    @Test
    void aSourceIsBrowsedItsChangesListedAndItsImagesPublishedAfterADryRun() throws Exception {
        Files.createDirectories(photos.resolve("2026 spring"));
        Files.write(photos.resolve("2026 spring/tulips.png"), TestImages.png(4));
        service.addSource(io.lumasync.sync.SourceInfo.of("shoot", "folder", Map.of("path", photos.toString()),
                List.of("web")), Map.of("path", photos.toString()));
        try (LineClient c = client(false, List.of())) {
            JsonNode changed = c.call("changed_assets", "{}");
            assertThat(changed.at("/structuredContent/total").asInt()).isEqualTo(2);

            JsonNode spring = c.call("browse_source", "{\"source\": \"shoot\", \"folder\": \"2026 spring\"}");
            assertThat(spring.at("/structuredContent/total").asInt()).isEqualTo(1);
            JsonNode tulips = spring.at("/structuredContent/assets/0");
            assertThat(tulips.get("name").asText()).isEqualTo("tulips.png");
            assertThat(tulips.at("/status/web").asText()).isEqualTo("new");

            String args = "{\"source\": \"shoot\", \"items\": [\"" + tulips.get("id").asText()
                    + "\", \"gone.png\"], \"destinations\": [\"web\"]";
            JsonNode dry = c.call("push", args + "}");
            assertThat(dry.at("/structuredContent/plan/web/create").asInt()).isEqualTo(1);
            assertThat(dry.at("/structuredContent/problems/0").asText()).contains("gone.png");
            JsonNode done = c.call("push", args + ", \"confirm\": true}");
            assertThat(done.at("/structuredContent/summary/done").asInt()).as(done.toString()).isEqualTo(1);
            assertThat(out.resolve("tulips.png")).exists();

            JsonNode after = c.call("browse_source", "{\"source\": \"shoot\", \"changedOnly\": true}");
            assertThat(after.at("/structuredContent/total").asInt()).as("only sunset.png waits").isEqualTo(1);
            assertThat(after.at("/structuredContent/assets/0/name").asText()).isEqualTo("sunset.png");

            JsonNode plan = c.call("autosync_now", "{\"sources\": [\"shoot\"]}");
            assertThat(plan.at("/structuredContent/dryRun").asBoolean()).isTrue();
            assertThat(plan.at("/structuredContent/plan/web/create").asInt()).isEqualTo(1);
            assertThat(plan.at("/structuredContent/plan/web/skip").asInt()).isEqualTo(1);
            assertThat(out.resolve("sunset.png")).doesNotExist();
            JsonNode synced = c.call("autosync_now", "{\"sources\": [\"shoot\"], \"confirm\": true}");
            assertThat(synced.at("/structuredContent/summary/done").asInt()).as(synced.toString()).isEqualTo(1);
            assertThat(out.resolve("sunset.png")).exists();
            assertThat(c.call("changed_assets", "{}").at("/structuredContent/total").asInt()).isZero();
        }
    }

    @Test
    void anOptimizeRunNeedsItsAuditFirstAndTheAuditChangesNothing() throws Exception {
        Files.createDirectories(out);
        byte[] published = TestImages.png(9);
        Files.write(out.resolve("banner.png"), published);
        try (LineClient c = client(false, List.of())) {
            String args = "{\"destination\": \"web\", \"select\": [\"*.png\"]";
            JsonNode early = c.call("optimize_run", args + ", \"confirm\": true}");
            assertThat(early.at("/structuredContent/error").asText()).isEqualTo("needs_dry_run");

            JsonNode audit = c.call("optimize_audit", args + "}");
            assertThat(audit.get("isError").asBoolean()).as(audit.toString()).isFalse();
            assertThat(audit.at("/structuredContent/dryRun").asBoolean()).isTrue();
            assertThat(audit.at("/structuredContent/items/0/file").asText()).isEqualTo("banner.png");
            assertThat(audit.at("/content/0/text").asText()).contains("Audit, nothing changed", "optimize_run");
            assertThat(out.resolve("banner.png")).hasBinaryContent(published);

            JsonNode run = c.call("optimize_run", args + ", \"confirm\": true}");
            assertThat(run.get("isError").asBoolean()).as(run.toString()).isFalse();
            assertThat(run.at("/structuredContent/dryRun").asBoolean()).isFalse();
            assertThat(run.at("/structuredContent/items/0/file").asText()).isEqualTo("banner.png");
        }
    }

    @Test
    void aRequestSentJustBeforeTheClientClosesItsInputIsStillAnswered() throws Exception {
        LineClient c = client(false, List.of());
        int id = c.nextId();
        c.send(id, "tools/call", LineClient.JSON.readTree("{\"name\": \"status\", \"arguments\": {}}"));
        c.close();
        assertThat(c.answer(id, 30).at("/result/structuredContent/destinations/0/name").asText()).isEqualTo("web");
        assertThat(c.serverRunning()).as("the server ends with its input").isFalse();
    }
}
