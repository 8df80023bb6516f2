package io.lumasync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.SecretVault;
import io.lumasync.cli.InProcessCli;
import io.lumasync.cli.InProcessCli.Run;
import io.lumasync.sync.ai.FakeOpenRouter;
import io.lumasync.testing.LiveServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `lumasync push DIR --to blog --alt …` through the command line, in this JVM, against the real test WordPress
 * (scripts/services.d/wordpress.sh) and, for the AI mode, the OpenRouter fake. The alt text is read back from
 * WordPress itself: {@code GET /wp-json/wp/v2/media?context=edit}, field {@code alt_text}
 * (developer.wordpress.org/rest-api/reference/media/). Basic and embedded modes run with no AI service configured.
 */
class AltTextToWordPressTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESCRIPTION = "Rooftops of Alfama under a low sun";

    @TempDir
    Path dir;
    private final SecretVault vault = new InMemorySecretVault();
    private final HttpClient http = HttpClient.newHttpClient();
    private URI site;
    private String user;
    private String password;
    /** Letters only, in every file name, so this run's attachments are told apart on the shared site. */
    private String tag;

    @BeforeEach
    void connect() {
        String url = System.getenv("LUMASYNC_WP_URL");
        LiveServers.require(url != null && !url.isBlank(),
                "no real WordPress to test against (LUMASYNC_WP_URL is not set)",
                "Run the tests with scripts/run-tests, or start one with `LUMASYNC_TEST_ENV=/tmp/wp.env bash"
                        + " scripts/services.d/wordpress.sh start` and export the lines of /tmp/wp.env.");
        site = URI.create(url);
        user = System.getenv("LUMASYNC_WP_USER");
        password = System.getenv("LUMASYNC_WP_PASSWORD");
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            t.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        tag = t.toString();
        Run added = cli(password + "\n", "destinations", "add", "wordpress", "blog", "--url", url, "--user", user,
                "--password-stdin");
        assertThat(added.exit()).as(added.out() + added.err()).isZero();
    }

    @AfterEach
    void removeAttachments() throws Exception {
        if (site != null) {
            for (long id : ids()) {
                send(HttpRequest.newBuilder(site.resolve("/wp-json/wp/v2/media/" + id + "?force=true")).DELETE());
            }
        }
    }

    @Test
    void aiModeFillsAltTextOnWordPressAndARePushCallsNoModelAndSendsNothing() throws Exception {
        try (FakeOpenRouter ai = new FakeOpenRouter()) {
            ai.describeWith(img -> DESCRIPTION);
            assertThat(cli("", "ai", "set", "--endpoint", ai.base().toString(), "--alt-model", FakeOpenRouter.VISION)
                    .exit()).isZero();
            assertThat(cli(FakeOpenRouter.KEY + "\n", "ai", "key", "--stdin").exit()).isZero();
            Path in = photos("harbour-" + tag + ".png", "tram-" + tag + ".png");

            Run first = cli("", "push", in.toString(), "--to", "blog", "--alt", "ai");

            assertThat(first.exit()).as(first.out() + first.err()).isZero();
            assertThat(ai.completions()).isEqualTo(2);
            Map<String, JsonNode> published = attachments();
            assertThat(published).hasSize(2);
            assertThat(published.values()).allSatisfy(m -> assertThat(m.path("alt_text").asText())
                    .isEqualTo(DESCRIPTION));

            Thread.sleep(1100); // WordPress keeps modified_gmt to the second: any write now would change it
            Run again = cli("", "push", in.toString(), "--to", "blog", "--alt", "ai");

            assertThat(again.exit()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("0 done, 2 skipped");
            assertThat(ai.completions()).as("the answers are cached by content").isEqualTo(2);
            Map<String, JsonNode> after = attachments();
            assertThat(after.keySet()).as("no new upload").isEqualTo(published.keySet());
            published.forEach((name, m) -> assertThat(after.get(name).path("modified_gmt").asText())
                    .as("%s was not touched", name).isEqualTo(m.path("modified_gmt").asText()));
        }
    }

    @Test
    void aiModeAlsoWritesTheCaptionAndUpdatesBothInPlace() throws Exception {
        try (FakeOpenRouter ai = new FakeOpenRouter()) {
            ai.describeWith(img -> "ALT: " + DESCRIPTION + "\nCAPTION: Evening settles over the old town");
            assertThat(cli("", "ai", "set", "--endpoint", ai.base().toString(), "--alt-model", FakeOpenRouter.VISION)
                    .exit()).isZero();
            assertThat(cli(FakeOpenRouter.KEY + "\n", "ai", "key", "--stdin").exit()).isZero();
            assertThat(cli("", "alt", "mode", "blog", "ai").exit()).isZero();
            Path in = photos("alfama-" + tag + ".png");

            Run first = cli("", "push", in.toString(), "--to", "blog");

            assertThat(first.exit()).as(first.out() + first.err()).isZero();
            assertThat(ai.completions()).as("one request for both").isEqualTo(1);
            assertThat(ai.requests().getFirst().toString()).contains("CAPTION:");
            JsonNode m = attachments().values().iterator().next();
            assertThat(m.path("alt_text").asText()).isEqualTo(DESCRIPTION);
            assertThat(m.path("caption").path("raw").asText()).isEqualTo("Evening settles over the old town");

            ai.describeWith(img -> "ALT: Telhados de Alfama ao sol baixo\nCAPTION: A noite chega à cidade velha");
            assertThat(cli("", "alt", "mode", "blog", "ai", "--language", "pt").exit()).isZero();
            Run again = cli("", "push", in.toString(), "--to", "blog");

            assertThat(again.exit()).as(again.out() + again.err()).isZero();
            assertThat(attachments().values()).singleElement().satisfies(e -> {
                assertThat(e.path("id").asLong()).as("the same attachment").isEqualTo(m.path("id").asLong());
                assertThat(e.path("alt_text").asText()).isEqualTo("Telhados de Alfama ao sol baixo");
                assertThat(e.path("caption").path("raw").asText()).isEqualTo("A noite chega à cidade velha");
            });
        }
    }

    @Test
    void basicModeNeedsNoAiServiceAtAll() throws Exception {
        Path in = photos("lisbon-tram-at-dusk-" + tag + ".png");

        Run push = cli("", "push", in.toString(), "--to", "blog", "--alt", "basic");

        assertThat(push.exit()).as(push.out() + push.err()).isZero();
        assertThat(attachments().values()).singleElement().satisfies(m -> assertThat(m.path("alt_text").asText())
                .startsWith("Lisbon tram at dusk"));
    }

    @Test
    void embeddedModeSendsTheCaptionInTheFile() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("DSC00731-" + tag + ".png"), AltTextRunTest.withXmp(TinyPng.solid(16, 12, 30),
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:description>"
                        + "<rdf:Alt><rdf:li xml:lang=\"x-default\">Fishermen mend nets on the quay</rdf:li></rdf:Alt>"
                        + "</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>"));

        Run push = cli("", "push", in.toString(), "--to", "blog", "--alt", "embedded");

        assertThat(push.exit()).as(push.out() + push.err()).isZero();
        assertThat(attachments().values()).singleElement().satisfies(m -> {
            assertThat(m.path("alt_text").asText()).isEqualTo("Fishermen mend nets on the quay");
            assertThat(m.path("caption").path("raw").asText()).as("the file's caption is WordPress's caption too")
                    .isEqualTo("Fishermen mend nets on the quay");
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** One command line on the real engine over this test's data folder and vault, as a launched `lumasync`. */
    private Run cli(String stdin, String... args) {
        return new InProcessCli(dir.resolve("data"), vault).runWithInput(stdin, args);
    }

    private Path photos(String... names) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        int shade = 40;
        for (String name : names) {
            Files.write(in.resolve(name), TinyPng.solid(16, 12, shade));
            shade += 40;
        }
        return in;
    }

    /** This run's attachments on the site, by file name, as the signed-in user sees them for editing. */
    private Map<String, JsonNode> attachments() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(site.resolve("/wp-json/wp/v2/media?per_page=100"
                + "&context=edit&search=" + URLEncoder.encode(tag, StandardCharsets.UTF_8))).GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode m : JSON.readTree(r.body())) {
            String file = m.path("source_url").asText();
            file = file.substring(file.lastIndexOf('/') + 1);
            if (file.toLowerCase(Locale.ROOT).contains(tag)) {
                byName.put(file, m);
            }
        }
        return byName;
    }

    private java.util.List<Long> ids() throws Exception {
        return attachments().values().stream().map(m -> m.path("id").asLong()).toList();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(b.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    }
}
