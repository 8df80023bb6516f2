package io.lumasync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.mcp.McpScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged launcher as an assistant's MCP client starts it ({@code bin/lumasync mcp}), driven by the official
 * TypeScript SDK through the same scenario as {@code McpClientConformanceTest} (see docs/mcp.md).
 */
class McpIT {
    @TempDir
    Path tmp;

    @Test
    void theOfficialClientRunsTheScenarioThroughTheLauncher() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Dist cli = new Dist(home, Map.of());
        Path out = tmp.resolve("web");
        assertThat(cli.run("destinations", "add", "folder", "web", "--path", out.toString()).exit()).isZero();
        Path photo = Files.write(Files.createDirectories(tmp.resolve("photos")).resolve("sunset.png"),
                Images.png(40, 30, 90));
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        for (int i = 0; i < 10; i++) {
            Files.write(batch.resolve("b" + i + ".png"), Images.png(20 + i, 20, i * 20));
        }

        Map<String, String> env = new LinkedHashMap<>();
        cli.builder().environment().forEach((k, v) -> {
            if (k.startsWith("LUMASYNC_") || List.of("HOME", "JAVA_HOME", "PATH").contains(k)) {
                env.put(k, v);
            }
        });
        McpScenario.run(Dist.launcher().toAbsolutePath().toString(), List.of("mcp"), env, photo, batch, "web");
        assertThat(out.resolve("sunset.png")).exists();

        Dist.Result activity = cli.run("activity", "--json");
        JsonNode events = new ObjectMapper().readTree(activity.out());
        assertThat(events.findValuesAsText("origin")).contains("mcp");
        assertThat(cli.run("activity").out()).contains("sunset.png", "(from mcp)");
    }
}
