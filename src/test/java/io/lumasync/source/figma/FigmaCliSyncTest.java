package io.lumasync.source.figma;

import io.lumasync.source.CliSyncRun;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lumasync sources add figma} with the token piped in, then {@code lumasync sync}, on the real engine against
 * {@link FakeFigma}: every frame published, a quiet re-run renders nothing, a new version of one frame replaces that
 * frame alone, a deleted frame is removed under {@code --delete-missing} and the deletion guard.
 */
class FigmaCliSyncTest {
    private static final String FILE = FigmaSourceContractTest.FILE;

    @TempDir
    Path work;
    private final FakeFigma fake = new FakeFigma();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aNewFrameVersionRepublishesThatFrameOnlyAndADeletedFrameIsRemoved() throws Exception {
        fake.put(FILE, "Web", "Hero", TestImages.png(1));
        fake.put(FILE, "Web", "Footer", TestImages.png(2));
        fake.put(FILE, "Print", "Poster", TestImages.png(3));
        CliSyncRun cli = CliSyncRun.added(work, "brand", FigmaSourceType.ID, FakeFigma.TOKEN + "\n",
                "--files", "https://www.figma.com/design/" + FILE + "/Brand-kit", "--token-stdin",
                "--api-url", fake.baseUri().toString(), "--delete-missing");

        cli.syncOk();
        assertThat(cli.published()).hasSize(3);
        int renders = fake.imageCalls.get();

        cli.syncOk();
        assertThat(fake.imageCalls.get()).as("an unchanged file is not rendered again").isEqualTo(renders);

        Map<String, byte[]> before = cli.published();
        fake.put(FILE, "Web", "Hero", TestImages.png(4));
        cli.syncOk();
        assertThat(cli.published().keySet()).isEqualTo(before.keySet());
        assertThat(cli.changedSince(before).values()).singleElement()
                .satisfies(b -> assertThat(b).isEqualTo(TestImages.png(4)));

        Map<String, byte[]> edited = cli.published();
        fake.remove(FILE, "Footer");
        CliSyncRun.Result guarded = cli.sync();
        assertThat(guarded.exit()).isNotZero();
        assertThat(guarded.out()).contains("Not deleting 1 of 3");
        assertThat(cli.published()).as("more than a quarter gone: nothing deleted without --force").hasSize(3);
        CliSyncRun.Result removal = cli.run("sync", "brand", "--force");
        assertThat(removal.exit()).as(removal.out() + removal.err()).isZero();
        assertThat(cli.published().values()).hasSize(2).doesNotContain(TestImages.png(2));
        assertThat(edited.keySet()).containsAll(cli.published().keySet());
        assertThat(cli.changedSince(edited)).isEmpty();
    }

    @Test
    void theTokenIsNotSentToAPlainHttpAddressOnAnotherMachineNorToAGarbledOne() throws Exception {
        fake.put(FILE, "Web", "Hero", TestImages.png(1));
        CliSyncRun cli = CliSyncRun.added(work, "brand", FigmaSourceType.ID, FakeFigma.TOKEN + "\n", "--files", FILE,
                "--token-stdin");
        CliSyncRun.Result refused = cli.runWithInput(FakeFigma.TOKEN + "\n", "sources", "add", "figma", "other",
                "--to", "web", "--files", FILE, "--token-stdin", "--api-url", "http://figma-proxy.example.net");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("unencrypted").doesNotContain(FakeFigma.TOKEN);
        CliSyncRun.Result garbled = cli.runWithInput(FakeFigma.TOKEN + "\n", "sources", "add", "figma", "other",
                "--to", "web", "--files", FILE, "--token-stdin", "--api-url", "http://exa mple/");
        assertThat(garbled.exit()).isNotZero();
        assertThat(garbled.err()).contains("is not a web address").doesNotContain(FakeFigma.TOKEN);
        assertThat(cli.run("sources", "list").out()).doesNotContain("other");
    }
}
