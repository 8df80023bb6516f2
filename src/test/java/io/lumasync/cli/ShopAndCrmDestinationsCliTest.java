package io.lumasync.cli;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.destination.hubspot.FakeHubSpot;
import io.lumasync.destination.shopify.FakeShopify;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.SyncService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From the command line against the Shopify and HubSpot fakes, on the real engine: add the destination with the
 * token from standard input, sync three photos, sync again (all skipped, not one request that writes), change one
 * photo (updated in place: same file, no duplicate), delete one at the source with --delete-missing.
 */
class ShopAndCrmDestinationsCliTest {
    @TempDir
    Path dir;
    /** One vault for every command, as the keychain is. */
    private final InMemorySecretVault vault = new InMemorySecretVault();

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

    /** The same story for any destination: {@code ids} maps file names at the destination to their ids. */
    private void pushChangeAndDelete(String[] add, String token, String testSays, IntSupplier count, IntSupplier writes,
                                     Supplier<Map<String, String>> ids, Function<String, byte[]> bytes) throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        for (int i = 1; i <= 3; i++) {
            Files.write(photos.resolve("heron-" + i + ".png"), Images.png(8, 6, 40 * i));
        }
        Run added = run(token + "\n", add);
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).doesNotContain(token);
        Run test = run("", "destinations", "test", "shop");
        assertThat(test.exit()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains(testSays).doesNotContain(token);
        Run source = run("", "sources", "add", "folder", "photos", "--path", photos.toString(), "--to", "shop",
                "--format", "original", "--delete-missing", "--delete-share", "1");
        assertThat(source.exit()).as(source.err()).isZero();

        Run first = run("", "sync", "photos");
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("3 done, 0 skipped, 0 failed");
        assertThat(count.getAsInt()).isEqualTo(3);
        String changedId = ids.get().get("heron-2.png");
        assertThat(changedId).isNotNull();

        int writesBefore = writes.getAsInt();
        Run again = run("", "sync", "photos");
        assertThat(again.out()).contains("0 done, 3 skipped, 0 failed");
        assertThat(writes.getAsInt()).as("requests that write, on a sync with nothing changed").isEqualTo(writesBefore);

        byte[] changed = Images.png(8, 6, 200);
        Files.write(photos.resolve("heron-2.png"), changed);
        // an edit a minute later, as a photographer's would be (mtimes within a few seconds count as the same)
        Files.setLastModifiedTime(photos.resolve("heron-2.png"),
                FileTime.from(Files.getLastModifiedTime(photos.resolve("heron-2.png")).toInstant().plusSeconds(60)));
        Run update = run("", "sync", "photos");
        assertThat(update.exit()).as(update.out() + update.err()).isZero();
        assertThat(update.out()).contains("1 done, 2 skipped, 0 failed");
        assertThat(count.getAsInt()).as("no duplicate after the change").isEqualTo(3);
        assertThat(ids.get().get("heron-2.png")).as("same file at the destination").isEqualTo(changedId);
        assertThat(bytes.apply(changedId)).isEqualTo(changed);

        Files.delete(photos.resolve("heron-3.png"));
        Run delete = run("", "sync", "photos");
        assertThat(delete.exit()).as(delete.out() + delete.err()).isZero();
        assertThat(count.getAsInt()).isEqualTo(2);
        assertThat(ids.get()).containsOnlyKeys("heron-1.png", "heron-2.png");
    }

    @Test
    void shopifyFilesFromAddToDeleteMissing() throws Exception {
        try (FakeShopify fake = new FakeShopify(1)) {
            pushChangeAndDelete(new String[]{"destinations", "add", "shopify", "shop", "--store",
                    fake.baseUri().toString(), "--token-stdin"}, FakeShopify.TOKEN, "Admin API 2026-10", fake::fileCount, fake::writes,
                    fake::idsByName, fake::bytes);

            // The photographer re-exports heron-1 as a JPEG: Shopify keeps the file but not its address, and the
            // run names the page that still links the old one.
            String id = fake.idsByName().get("heron-1.png");
            String oldUrl = fake.cdnUrl(fake.file(id));
            fake.addPage("Journal", "<p><img src=\"" + oldUrl + "\"></p>");
            Path photo = dir.resolve("photos").resolve("heron-1.png");
            Files.write(photo, jpeg());
            Files.setLastModifiedTime(photo, FileTime.from(Files.getLastModifiedTime(photo).toInstant().plusSeconds(120)));
            Run reformatted = run("", "sync", "photos");
            assertThat(reformatted.exit()).as(reformatted.out() + reformatted.err()).isZero();
            assertThat(reformatted.out()).contains("the URL changed (was " + oldUrl + ")")
                    .contains("still linking the old address: page 'Journal'");
            assertThat(fake.idsByName()).containsEntry("heron-1.jpg", id).hasSize(2);
        }
    }

    private static byte[] jpeg() throws Exception {
        var img = new java.awt.image.BufferedImage(8, 6, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void hubSpotFilesFromAddToDeleteMissing() throws Exception {
        try (FakeHubSpot fake = new FakeHubSpot()) {
            pushChangeAndDelete(new String[]{"destinations", "add", "hubspot", "shop", "--api-url",
                    fake.baseUri().toString(), "--folder", "/Lumasync/Herons", "--token-stdin"}, FakeHubSpot.TOKEN,
                    "the folder /Lumasync/Herons", fake::fileCount, fake::writes, fake::idsByName, fake::bytes);
        }
    }
}
