package io.lumasync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.cli.InProcessCli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `lumasync optimize` in-process: options, outcome codes in the JSON, exit codes. */
class OptimizeCommandTest {
    @TempDir
    Path dir;

    private Run run(String... args) {
        return new InProcessCli(dir.resolve("data")).run(args);
    }

    @Test
    void reportsEachImagesOutcomeAsACodeAndChangesNothingInADryRun() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        byte[] png = Images.png(8, 8, 1);
        Files.write(site.resolve("a.png"), png);
        Files.write(site.resolve("b.webp"), new byte[]{4, 5, 6});
        Files.write(site.resolve("broken.jpg"), new byte[]{7, 8, 9});
        Files.write(site.resolve("left-out.jpg"), new byte[]{7, 8, 9});
        assertThat(run("destinations", "add", "folder", "site", "--path", site.toString()).exit()).isZero();

        Run r = run("optimize", "site", "--select", "*.PNG,b.webp,broken.jpg", "--quality", "50", "--dry-run",
                "--json");

        assertThat(r.exit()).as("an unreadable file fails alone: " + r.out() + r.err()).isEqualTo(Cli.SOME_FAILED);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("dryRun").asBoolean()).isTrue();
        assertThat(doc.get("items")).hasSize(3);
        Map<String, String> outcome = new java.util.HashMap<>();
        doc.get("items").forEach(i -> outcome.put(i.get("file").asText(), i.get("outcome").asText()));
        // The pass-through encoder never makes a file smaller.
        assertThat(outcome).containsEntry("a.png", "not_smaller").containsEntry("b.webp", "modern_format")
                .containsEntry("broken.jpg", "failed");
        assertThat(doc.get("items").get(0).get("quality").asText()).isEqualTo("50");
        assertThat(Files.readAllBytes(site.resolve("a.png"))).isEqualTo(png);
        assertThat(dir.resolve("data/optimize-backups")).doesNotExist();
    }

    @Test
    void aMissingDestinationIsAUsageErrorAndRollbackWithoutBackupsSaysSo() throws Exception {
        Run none = run("optimize");
        assertThat(none.exit()).isEqualTo(Cli.USAGE);
        assertThat(none.err()).contains("lumasync optimize DEST");

        Run unknown = run("optimize", "nowhere");
        assertThat(unknown.exit()).isEqualTo(Cli.USAGE);

        Path site = Files.createDirectories(dir.resolve("site"));
        assertThat(run("destinations", "add", "folder", "site", "--path", site.toString()).exit()).isZero();
        Run rollback = run("optimize", "rollback", "site", "missing.jpg", "--json");
        assertThat(rollback.exit()).as(rollback.err()).isEqualTo(Cli.SOME_FAILED);
        JsonNode doc = new ObjectMapper().readTree(rollback.out());
        assertThat(doc.get("items")).isEmpty();
        assertThat(doc.get("problems").get(0).asText()).contains("missing.jpg");
    }
}
