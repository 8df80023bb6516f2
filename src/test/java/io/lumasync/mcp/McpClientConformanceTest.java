package io.lumasync.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.ActivityEvent;
import io.lumasync.sync.SyncService;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official MCP TypeScript SDK ({@code @modelcontextprotocol/sdk}, pinned in src/test/conformance/mcp) spawns
 * the real {@code lumasync mcp} (this build's main class in its own JVM) over stdio and runs the end-to-end scenario
 * of docs/mcp.md against a folder destination; the script checks every step and the protocol errors of the
 * specification (modelcontextprotocol.io/specification/2025-06-18: tools, cancellation, progress).
 */
class McpClientConformanceTest {
    @TempDir
    Path tmp;

    @Test
    void theOfficialClientRunsTheScenarioAgainstTheRealServer() throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("web");
        try (SyncService service = SyncService.open(data, new InMemorySecretVault(), new PassThroughPipeline(),
                new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false))) {
            service.addDestination("web", "folder", Map.of("path", out.toString()));
        }
        Path photo = Files.write(Files.createDirectories(tmp.resolve("photos")).resolve("sunset.png"),
                TestImages.png(7));
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        for (int i = 0; i < 20; i++) {
            Files.write(batch.resolve("b" + i + ".png"), TestImages.png(100 + i));
        }

        List<String> args = List.of("--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8",
                "-Dlumasync.native=" + System.getProperty("lumasync.native", "target/native"),
                "-cp", System.getProperty("java.class.path"), "io.lumasync.app.Main", "mcp");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LUMASYNC_HOME", data.toString());
        env.put("HOME", Files.createDirectories(tmp.resolve("user-home")).toString());
        env.put("LUMASYNC_VAULT_PASSPHRASE", "test passphrase for mcp");
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        JsonNode result = McpScenario.run(Path.of(System.getProperty("java.home"), "bin", "java").toString(), args,
                env, photo, batch, "web");
        Files.writeString(Path.of("target", "mcp-e2e-transcript.json"),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));

        assertThat(out.resolve("sunset.png")).hasSameBinaryContentAs(photo);
        try (SyncService service = SyncService.open(data, new InMemorySecretVault(), new PassThroughPipeline(),
                new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false))) {
            List<ActivityEvent> events = service.activity(Optional.empty(), false, 50);
            assertThat(events).filteredOn(e -> e.asset().equals("sunset.png"))
                    .extracting(ActivityEvent::origin).containsOnly("mcp");
            assertThat(service.syncMap(Optional.of("web"))).extracting(e -> e.assetId()).contains("sunset.png");
        }
    }
}
