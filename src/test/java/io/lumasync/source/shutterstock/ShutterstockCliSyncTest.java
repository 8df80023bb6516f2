package io.lumasync.source.shutterstock;

import io.lumasync.source.CliSyncRun;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lumasync sources add shutterstock} with the API token piped in, then {@code lumasync sync}, on the real
 * engine against {@link FakeShutterstock}: the licensed images published once, never a preview, a new licence of one
 * image replaces that image alone, a withdrawn licence removes its image under {@code --delete-missing}.
 */
class ShutterstockCliSyncTest {
    @TempDir
    Path work;
    private final FakeShutterstock fake = new FakeShutterstock(2);

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aNewLicenceReplacesThatImageOnlyAndAWithdrawnOneIsRemoved() throws Exception {
        String a = fake.addImage("Dunes", TestImages.jpeg(1), List.of("desert"));
        String b = fake.addImage("Harbour", TestImages.jpeg(2), List.of("sea"));
        String c = fake.addImage("Forest", TestImages.jpeg(3), List.of("trees"));
        String d = fake.addImage("Glacier", TestImages.jpeg(6), List.of("ice"));
        fake.addImage("Not licensed", TestImages.jpeg(4), List.of());
        for (String id : List.of(a, b, c, d)) {
            fake.license(id, fake.images.get(id).licensedBytes());
        }
        CliSyncRun cli = CliSyncRun.added(work, "stock", ShutterstockSourceType.ID, FakeShutterstock.TOKEN + "\n",
                "--token-stdin", "--api-url", fake.baseUri().toString(), "--delete-missing");

        cli.syncOk();
        assertThat(cli.published().values()).hasSize(4).doesNotContain(TestImages.jpeg(4));
        int served = fake.links.served();
        assertThat(served).isEqualTo(4);

        cli.syncOk();
        assertThat(fake.links.served()).as("nothing licensed before is downloaded again").isEqualTo(served);

        Map<String, byte[]> before = cli.published();
        fake.license(b, TestImages.jpeg(5));
        cli.syncOk();
        assertThat(fake.links.served()).isEqualTo(served + 1);
        assertThat(cli.published().keySet()).isEqualTo(before.keySet());
        assertThat(cli.changedSince(before).values()).singleElement()
                .satisfies(bytes -> assertThat(bytes).isEqualTo(TestImages.jpeg(5)));

        Map<String, byte[]> relicensed = cli.published();
        fake.withdraw(c);
        cli.syncOk();
        assertThat(cli.published().values()).hasSize(3).doesNotContain(TestImages.jpeg(3));
        assertThat(cli.changedSince(relicensed)).isEmpty();
    }
}
