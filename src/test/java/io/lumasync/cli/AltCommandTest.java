package io.lumasync.cli;

import io.lumasync.cli.InProcessCli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `lumasync alt`, `ai`, `suggestions`, `generate` and `push --alt` in-process, with no network at all. */
class AltCommandTest {
    @TempDir
    Path dir;

    private Run run(String... args) {
        return new InProcessCli(dir.resolve("data")).run(args);
    }

    @Test
    void basicAltTextOnPushThenListSetAndSuggest() throws Exception {
        Path web = Files.createDirectories(dir.resolve("web"));
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("lisbon-tram-at-dusk.png"), Images.png(8, 8, 1));
        Files.write(in.resolve("IMG_2034.png"), Images.png(8, 9, 2));
        assertThat(run("destinations", "add", "folder", "web", "--path", web.toString()).exit()).isZero();

        Run push = run("push", in.toString(), "--to", "web", "--alt", "basic");
        assertThat(push.exit()).as(push.out() + push.err()).isZero();

        Run list = run("alt", "list");
        assertThat(list.out()).contains("\"Lisbon tram at dusk\" (basic)").contains("IMG_2034.png → web  (no alt text)");
        Run missing = run("alt", "list", "--missing", "--json");
        assertThat(missing.out()).contains("IMG_2034.png").doesNotContain("lisbon-tram");

        Run suggest = run("suggestions");
        assertThat(suggest.out()).contains("1 image(s) at 'web' have no alt text");

        assertThat(run("alt", "set", "in/IMG_2034.png", "Tram 28 at the cathedral").exit()).isZero();
        assertThat(run("alt", "set", "in/nothing.png", "x").exit()).isEqualTo(Cli.USAGE);
        run("push", in.toString(), "--to", "web", "--alt", "basic");
        assertThat(run("alt", "list", "--missing").out()).contains("Every published image has alt text.");
    }

    @Test
    void modesAndAiSettingsAreSavedAndCheckedWhenSaved() throws Exception {
        Path web = Files.createDirectories(dir.resolve("web"));
        run("destinations", "add", "folder", "web", "--path", web.toString());

        assertThat(run("alt", "mode", "web", "embedded", "--language", "pt-BR").out())
                .contains("web: alt text embedded, in pt-BR");
        assertThat(run("alt", "mode", "web").out()).contains("embedded");
        Run bad = run("alt", "mode", "web", "magic");
        assertThat(bad.exit()).isEqualTo(Cli.USAGE);
        assertThat(bad.err()).contains("use off, basic, embedded or ai");
        assertThat(run("alt", "mode", "nowhere", "ai").exit()).isEqualTo(Cli.USAGE);

        Run set = run("ai", "set", "--endpoint", "http://127.0.0.1:11434/v1", "--alt-model", "llava", "--budget", "2");
        assertThat(set.out()).contains("http://127.0.0.1:11434/v1 (no API key)").contains("llava")
                .contains("$0.0000 of $2.00");
        assertThat(run("ai", "set", "--budget", "-1").exit()).isEqualTo(Cli.USAGE);
        assertThat(run("ai", "key").exit()).as("no key typed, none piped").isEqualTo(Cli.USAGE);
    }

    @Test
    void newImagesWaitForTheirAltTextThenApproveSkipAndApproveWithText() throws Exception {
        Path web = Files.createDirectories(dir.resolve("web"));
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("quiet-bay.png"), Images.png(8, 8, 4));
        Files.write(in.resolve("IMG_0007.png"), Images.png(8, 9, 5));
        Files.write(in.resolve("not-this-one.png"), Images.png(9, 9, 6));
        run("destinations", "add", "folder", "web", "--path", web.toString());
        assertThat(run("alt", "mode", "web", "basic", "--review", "on").out())
                .contains("web: alt text basic, in en, reviewed before publishing");
        assertThat(run("alt", "mode", "web", "--review", "maybe").err()).contains("on or off");

        Run push = run("push", in.toString(), "--to", "web");
        assertThat(push.exit()).as(push.out() + push.err()).isZero();
        assertThat(web).isEmptyDirectory();
        Run pending = run("alt", "pending");
        assertThat(pending.out()).contains("\"Quiet bay\"").contains("IMG_0007.png → web  (no text drafted");
        String json = run("alt", "pending", "--json").out();
        long bay = idOf(json, "quiet-bay.png");
        long camera = idOf(json, "IMG_0007.png");
        long other = idOf(json, "not-this-one.png");

        assertThat(run("alt", "approve").exit()).isEqualTo(Cli.USAGE);
        assertThat(run("alt", "approve", String.valueOf(bay), String.valueOf(camera), "--text", "x").err())
                .contains("--text goes with one ID");
        assertThat(run("alt", "skip", String.valueOf(other)).out()).contains("Skipped 1 image(s)");
        Run approved = run("alt", "approve", String.valueOf(bay));
        assertThat(approved.exit()).as(approved.out() + approved.err()).isZero();
        Run withText = run("alt", "approve", String.valueOf(camera), "--text", "A dinghy at low tide");
        assertThat(withText.exit()).as(withText.out() + withText.err()).isZero();

        assertThat(Files.list(web).map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrder("quiet-bay.png", "IMG_0007.png");
        assertThat(run("alt", "list").out()).contains("\"Quiet bay\" (basic)")
                .contains("\"A dinghy at low tide\" (manual)");
        assertThat(run("alt", "pending").out()).contains("No image is waiting for its alt text.");
        run("push", in.toString(), "--to", "web");
        assertThat(run("alt", "pending").out()).as("the skipped version is not held again")
                .contains("No image is waiting");
    }

    private static long idOf(String json, String asset) throws Exception {
        for (var node : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)) {
            if (node.get("asset").asText().endsWith(asset)) {
                return node.get("id").asLong();
            }
        }
        throw new AssertionError(asset + " is not pending in " + json);
    }

    @Test
    void pushAltWithPlainWordsIsTheTextItself() throws Exception {
        Path web = Files.createDirectories(dir.resolve("web"));
        Path f = Files.write(dir.resolve("a.png"), Images.png(8, 8, 3));
        run("destinations", "add", "folder", "web", "--path", web.toString());
        assertThat(run("push", f.toString(), "--to", "web", "--alt", "A red square").exit()).isZero();
        assertThat(run("alt", "list").out()).contains("\"A red square\" (given)");
    }

    @Test
    void generateWithoutAPromptSaysWhatToType() {
        Run r = run("generate");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("lumasync generate \"a lighthouse at dawn\"");
        assertThat(run("generate", "history", "nothing").out()).contains("No image called 'nothing'");
    }
}
