package io.lumasync.source.canva;

import io.lumasync.source.CliSyncRun;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lumasync sources add canva} with the integration's secret piped in and the account signed in, then
 * {@code lumasync sync}, on the real engine against {@link FakeCanva}: every page published, a quiet re-run exports
 * nothing, an edited page replaces that page alone, a new page is added alone, a deleted design's pages are removed
 * under {@code --delete-missing}.
 */
class CanvaCliSyncTest {
    @TempDir
    Path work;
    private final FakeCanva fake = new FakeCanva();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void anEditedOrNewPageIsPublishedAloneAndADeletedDesignIsRemoved() throws Exception {
        fake.setPage("Menu", 1, TestImages.png(1));
        fake.setPage("Menu", 2, TestImages.png(2));
        fake.setPage("Flyer", 1, TestImages.png(3));
        fake.setPage("Poster", 1, TestImages.png(4));
        CliSyncRun cli = CliSyncRun.added(work, "designs", CanvaSourceType.ID, FakeCanva.CLIENT_SECRET + "\n",
                "--client-id", FakeCanva.CLIENT_ID, "--client-secret-stdin", "--api-url", fake.baseUri().toString(),
                "--delete-missing");
        cli.signedIn(fake.issueAccessToken());

        cli.syncOk();
        assertThat(cli.published()).hasSize(4);
        int exports = fake.exports.get();

        cli.syncOk();
        assertThat(fake.exports.get()).as("nothing exported again").isEqualTo(exports);

        Map<String, byte[]> before = cli.published();
        fake.setPage("Menu", 2, TestImages.png(5));
        cli.syncOk();
        assertThat(cli.published().keySet()).isEqualTo(before.keySet());
        assertThat(cli.changedSince(before).values()).singleElement()
                .satisfies(b -> assertThat(b).isEqualTo(TestImages.png(5)));

        Map<String, byte[]> edited = cli.published();
        fake.setPage("Menu", 3, TestImages.png(6));
        cli.syncOk();
        assertThat(cli.published().values()).hasSize(5).contains(TestImages.png(6));
        assertThat(cli.published().keySet()).containsAll(edited.keySet());
        assertThat(cli.changedSince(edited).values()).singleElement()
                .satisfies(b -> assertThat(b).isEqualTo(TestImages.png(6)));

        Map<String, byte[]> grown = cli.published();
        fake.removeDesign("Flyer");
        cli.syncOk();
        assertThat(cli.published().values()).hasSize(4).doesNotContain(TestImages.png(3));
        assertThat(grown.keySet()).containsAll(cli.published().keySet());
        assertThat(cli.changedSince(grown)).isEmpty();
    }

    @Test
    void anApiAddressOverPlainHttpToAnotherMachineIsRefused() throws Exception {
        CliSyncRun cli = CliSyncRun.added(work, "designs", CanvaSourceType.ID, "", "--client-id", FakeCanva.CLIENT_ID);
        CliSyncRun.Result refused = cli.runWithInput(FakeCanva.CLIENT_SECRET + "\n", "sources", "add", "canva", "other",
                "--to", "web", "--client-id", FakeCanva.CLIENT_ID, "--client-secret-stdin",
                "--api-url", "http://canva-proxy.example.net");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("unencrypted").doesNotContain(FakeCanva.CLIENT_SECRET);
        assertThat(cli.run("sources", "list").out()).contains("designs").doesNotContain("other");
    }
}
