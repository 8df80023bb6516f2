package io.lumasync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.SecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.destination.contentful.FakeContentful;
import io.lumasync.destination.webflow.FakeWebflow;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.SyncService;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From the command line against the Contentful and Webflow fakes, on the real engine: add the destination with the
 * token piped in, sync three photos, sync again (nothing written), change one (updated by the destination's own
 * strategy: same Contentful asset with a new address; a new Webflow asset that the CMS item now shows), delete one
 * at the source with --delete-missing.
 */
class CmsDestinationsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final SecretVault vault = new InMemorySecretVault();

    private record Run(int exit, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (CliContext ctx = new CliContext(() -> SyncService.open(dir.resolve("data"), vault,
                new PassThroughPipeline(), new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false)),
                new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of())) {
            return new Run(Cli.run(ctx, args), out.toString(), err.toString());
        }
    }

    private Run ok(String... args) {
        Run r = run("", args);
        assertThat(r.exit()).as(String.join(" ", args) + ":\n" + r.out() + r.err()).isZero();
        return r;
    }

    private Path photos() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        for (int i = 1; i <= 3; i++) {
            Files.write(photos.resolve("bird" + i + ".png"), TestImages.png(i));
        }
        return photos;
    }

    /** New bytes of another size and a later time, so the change is seen whatever the clock's precision. */
    private static void change(Path photo) throws Exception {
        Files.write(photo, TestImages.png(22));
        Files.setLastModifiedTime(photo, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(60)));
    }

    /** source asset id → [remote id, url] from {@code map --json}. */
    private Map<String, List<String>> map() throws Exception {
        Map<String, List<String>> m = new HashMap<>();
        for (JsonNode row : JSON.readTree(ok("map", "--json").out())) {
            m.put(row.path("asset").asText(), List.of(row.path("remoteId").asText(), row.path("url").asText()));
        }
        return m;
    }

    /** The common story; {@code count} is the assets at the destination, {@code writes} its write requests so far. */
    private Map<String, List<String>> pushThreeThenResync(Path photos, String dest, IntSupplier count,
                                                          Supplier<Integer> writes) throws Exception {
        ok("sources", "add", "folder", "shoot", "--path", photos.toString(), "--to", dest, "--delete-missing",
                "--delete-share", "0.5",
                "--format", "original");
        Run first = ok("sync", "shoot");
        assertThat(first.out()).contains("3 done");
        assertThat(count.getAsInt()).isEqualTo(3);
        int before = writes.get();
        Run again = ok("sync", "shoot");
        assertThat(again.out()).contains("0 done, 3 skipped");
        assertThat(writes.get()).as("a sync with nothing changed writes nothing").isEqualTo(before);
        return map();
    }

    @Test
    void contentfulKeepsTheAssetOfAChangedPhotoAndRemovesADeletedOne() throws Exception {
        try (FakeContentful fake = new FakeContentful("CFPAT-cli")) {
            Run add = run("CFPAT-cli\n", "destinations", "add", "contentful", "cms", "--space", FakeContentful.SPACE,
                    "--api-url", fake.uri().toString(), "--token-stdin");
            assertThat(add.exit()).as(add.out() + add.err()).isZero();
            assertThat(add.out() + add.err()).doesNotContain("CFPAT-cli");
            Path photos = photos();
            Map<String, List<String>> before = pushThreeThenResync(photos, "cms", fake::assetCount,
                    () -> fake.writes().size());

            change(photos.resolve("bird2.png"));
            assertThat(ok("sync", "shoot", "--dry-run").out()).contains("replace 1 (same asset, URL changes)");
            Run changed = ok("sync", "shoot");
            assertThat(changed.out()).contains("1 done, 2 skipped");
            Map<String, List<String>> after = map();
            String bird2 = before.keySet().stream().filter(k -> k.contains("bird2")).findFirst().orElseThrow();
            assertThat(after.get(bird2).get(0)).as("same asset").isEqualTo(before.get(bird2).get(0));
            assertThat(after.get(bird2).get(1)).as("Contentful's new file address is recorded")
                    .isNotEqualTo(before.get(bird2).get(1));
            assertThat(fake.assetCount()).as("no duplicate").isEqualTo(3);

            Files.delete(photos.resolve("bird3.png"));
            ok("sync", "shoot");
            assertThat(fake.assetCount()).isEqualTo(2);
            assertThat(map()).hasSize(2);
        }
    }

    @Test
    void webflowPublishesANewAssetForAChangedPhotoAndTheCmsItemShowsIt() throws Exception {
        try (FakeWebflow fake = new FakeWebflow("wf-cli")) {
            Run add = run("wf-cli\n", "destinations", "add", "webflow", "site", "--site", FakeWebflow.SITE,
                    "--api-url", fake.api().toString(), "--publish", "true", "--token-stdin");
            assertThat(add.exit()).as(add.out() + add.err()).isZero();
            Path photos = photos();
            Map<String, List<String>> before = pushThreeThenResync(photos, "site", fake::assetCount,
                    () -> fake.writes().size());
            String bird2 = before.keySet().stream().filter(k -> k.contains("bird2")).findFirst().orElseThrow();
            String oldId = before.get(bird2).get(0);
            String posts = fake.addCollection("blog-posts", Map.of("hero", "Image"));
            String post = fake.addItem(posts, "Bird post", "hero", oldId);

            change(photos.resolve("bird2.png"));
            assertThat(ok("sync", "shoot", "--dry-run").out())
                    .contains("replace 1 (new asset, CMS items re-pointed, URL changes)");
            Run changed = ok("sync", "shoot");
            assertThat(changed.out()).contains("1 done, 2 skipped").contains("re-pointed");
            List<String> now = map().get(bird2);
            assertThat(now.get(0)).as("a new asset").isNotEqualTo(oldId);
            assertThat(now.get(1)).as("its new address is recorded").isNotEqualTo(before.get(bird2).get(1));
            assertThat(fake.item(posts, post).path("fieldData").path("hero").path("fileId").asText()).isEqualTo(now.get(0));
            assertThat(fake.publishedItems()).containsExactly(post);
            assertThat(fake.assetCount()).as("the old asset removed, no duplicate").isEqualTo(3);

            Files.delete(photos.resolve("bird3.png"));
            ok("sync", "shoot");
            assertThat(fake.assetCount()).isEqualTo(2);
        }
    }
}
