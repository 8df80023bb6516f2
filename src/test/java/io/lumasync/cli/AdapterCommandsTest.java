package io.lumasync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.cli.InProcessCli.Run;
import io.lumasync.destination.CompanionFile;
import io.lumasync.destination.DestinationTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `destinations` and `sources` share list and remove: the same shape of output, the same answers. */
class AdapterCommandsTest {
    @TempDir
    Path dir;

    private Run run(String... args) {
        return new InProcessCli(dir.resolve("data")).run(args);
    }

    private void addFolderPair() throws Exception {
        Path web = Files.createDirectories(dir.resolve("web"));
        Path photos = Files.createDirectories(dir.resolve("photos"));
        assertThat(run("destinations", "add", "folder", "web", "--path", web.toString()).exit()).isZero();
        assertThat(run("sources", "add", "folder", "exports", "--path", photos.toString(), "--to", "web",
                "--every", "15m").exit()).isZero();
    }

    private static List<String> keys(JsonNode item) {
        List<String> keys = new ArrayList<>();
        item.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void bothFamiliesListNameTypeAndSettingsFirstThenTheirOwnDetails() throws Exception {
        addFolderPair();
        JsonNode dests = new ObjectMapper().readTree(run("destinations", "list", "--json").out());
        JsonNode sources = new ObjectMapper().readTree(run("sources", "list", "--json").out());
        assertThat(dests).hasSize(1);
        assertThat(sources).hasSize(1);
        assertThat(keys(dests.get(0))).containsExactly("name", "type", "settings", "status", "lastError", "assets");
        assertThat(keys(sources.get(0))).containsExactly("name", "type", "settings", "destinations", "watch", "every",
                "deleteMissing", "encode", "lastError");
        assertThat(dests.get(0).get("name").asText()).isEqualTo("web");
        assertThat(dests.get(0).get("settings").get("path").asText()).isEqualTo(dir.resolve("web").toString());
        assertThat(dests.get(0).get("lastError").isNull()).isTrue();
        assertThat(sources.get(0).get("destinations").get(0).asText()).isEqualTo("web");
        assertThat(sources.get(0).get("every").asText()).isEqualTo("15m");

        assertThat(run("destinations", "list").out())
                .startsWith("web  (folder)  {path=" + dir.resolve("web") + "}  0 images, not used yet");
        assertThat(run("sources", "list").out())
                .startsWith("exports  (folder)  {path=" + dir.resolve("photos") + "} → web  every 15m");
    }

    @Test
    void removingSaysWhatWentAndAnEmptyListSaysHowToAddOne() throws Exception {
        addFolderPair();
        Run source = run("sources", "remove", "exports");
        assertThat(source.exit()).isZero();
        assertThat(source.out()).isEqualTo("Removed source 'exports'." + System.lineSeparator());
        Run destination = run("destinations", "remove", "web");
        assertThat(destination.exit()).isZero();
        assertThat(destination.out()).isEqualTo("Removed destination 'web'." + System.lineSeparator());

        assertThat(run("sources", "list").out()).startsWith("No sources. Add one: lumasync sources add");
        assertThat(run("destinations", "list").out()).startsWith("No destinations. Add one: lumasync destinations add");
        assertThat(new ObjectMapper().readTree(run("sources", "list", "--json").out())).isEmpty();
    }

    @Test
    void aNameThatIsNotSavedIsRefused() {
        Run r = run("sources", "remove", "nowhere");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("nowhere");
        assertThat(run("destinations", "remove", "nowhere").exit()).isNotZero();
    }

    @Test
    void aMistypedTypeIsRefusedWithTheKnownOnes() {
        Run d = run("destinations", "add", "ftp", "x");
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err()).contains("Unknown destination type 'ftp'. Known: ").contains("folder");
        Run s = run("sources", "add", "ftp", "x", "--to", "web");
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.err()).contains("Unknown source type 'ftp'. Known: ").contains("folder");
    }

    @Test
    void aCompanionFileIsSavedWithTheInstallStepsItsTypeGives() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        CompanionFile expected = DestinationTypes.registry().require("wordpress")
                .saveCompanion(Files.createDirectories(dir.resolve("expected"))).orElseThrow();
        Run r = run("destinations", "companion", "wordpress", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Path saved = out.resolve(expected.file().getFileName());
        assertThat(saved).exists().hasSameBinaryContentAs(expected.file());
        assertThat(r.out()).contains("Saved " + saved.toAbsolutePath() + ". " + expected.install());

        Run none = run("destinations", "companion", "folder");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("need nothing installed");
    }
}
