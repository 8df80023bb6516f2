package io.lumasync.source.onedrive;

import io.lumasync.source.CliSyncRun;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code lumasync sync} of a OneDrive folder into a folder destination, on the real engine, against {@link FakeGraph}. */
class OneDriveCliSyncTest {
    @TempDir
    Path work;
    private final FakeGraph fake = new FakeGraph("personal", "Photos", 50);

    @AfterEach
    void stop() {
        fake.close();
    }

    private int downloads() {
        return fake.wireMock().findAll(anyRequestedFor(urlPathMatching("/download/.*"))).size();
    }

    @Test
    void syncPublishesEverythingThenNothingThenExactlyTheChangedFile() throws Exception {
        fake.put("a.jpg", TestImages.jpeg(1));
        fake.put("trip/b.png", TestImages.png(2));
        String base = fake.baseUri().toString();
        CliSyncRun cli = new CliSyncRun(work, "deliveries", OneDriveSourceType.ID, Map.of("folder", "/Photos",
                "client_id", FakeGraph.CLIENT_ID, "api_url", base, "token_url", base + OAuthApiFake.TOKEN_PATH),
                fake.issueAccessToken());

        CliSyncRun.Result first = cli.sync();
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(cli.published()).hasSize(2);
        assertThat(downloads()).isEqualTo(2);

        CliSyncRun.Result second = cli.sync();
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(downloads()).as("an unchanged OneDrive is not downloaded again").isEqualTo(2);

        Map<String, byte[]> before = cli.published();
        fake.put("a.jpg", TestImages.jpeg(3));
        assertThat(cli.sync().exit()).isZero();
        assertThat(downloads()).isEqualTo(3);
        assertThat(cli.published().keySet()).isEqualTo(before.keySet());
        assertThat(cli.changedSince(before).values()).singleElement().satisfies(b -> assertThat(b).isEqualTo(TestImages.jpeg(3)));
    }
}
