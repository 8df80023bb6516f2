package io.lumasync.source.lightroom;

import io.lumasync.source.CliSyncRun;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lumasync sync} of a Lightroom album folder into a folder destination, on the real engine, against
 * {@link FakeLightroom}: an edit in Lightroom republishes that photo only.
 */
class LightroomCliSyncTest {
    @TempDir
    Path work;
    private final FakeLightroom fake = new FakeLightroom(50);

    @AfterEach
    void stop() {
        fake.close();
    }

    private int renditions() {
        return fake.wireMock().findAll(getRequestedFor(urlPathMatching(".*/renditions/2048"))).size();
    }

    @Test
    void anEditInLightroomRepublishesThatPhotoOnly() throws Exception {
        fake.put("Clients/Smith/a.jpg", TestImages.jpeg(1));
        fake.put("Clients/Smith/b.jpg", TestImages.jpeg(2));
        fake.put("Personal/c.jpg", TestImages.jpeg(3));
        String base = fake.baseUri().toString();
        CliSyncRun cli = new CliSyncRun(work, "smith", LightroomSourceType.ID, Map.of("album", "Clients/Smith",
                "client_id", FakeLightroom.CLIENT_ID, "api_url", base, "token_url", base + OAuthApiFake.TOKEN_PATH),
                fake.issueAccessToken());

        CliSyncRun.Result first = cli.sync();
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(cli.published()).hasSize(2);
        assertThat(renditions()).isEqualTo(2);
        assertThat(cli.sync().exit()).isZero();
        assertThat(renditions()).as("nothing unchanged is downloaded again").isEqualTo(2);

        Map<String, byte[]> before = cli.published();
        fake.develop("Clients/Smith/b.jpg", TestImages.jpeg(4));
        assertThat(cli.sync().exit()).isZero();
        assertThat(renditions()).isEqualTo(3);
        assertThat(cli.published().keySet()).isEqualTo(before.keySet());
        assertThat(cli.changedSince(before).values()).singleElement().satisfies(b -> assertThat(b).isEqualTo(TestImages.jpeg(4)));
    }

    @Test
    void captionsFromLightroomBecomeAltTextAndAnEditedCaptionIsSentWithoutTheImage() throws Exception {
        fake.put("Clients/Smith/a.jpg", TestImages.jpeg(1));
        fake.describe("Clients/Smith/a.jpg", "Harbour at dawn", "Fishing boats leaving Sète at first light",
                List.of("Places|France|Sète"));
        String base = fake.baseUri().toString();
        CliSyncRun cli = new CliSyncRun(work, "smith", LightroomSourceType.ID, Map.of("album", "Clients/Smith",
                "client_id", FakeLightroom.CLIENT_ID, "api_url", base, "token_url", base + OAuthApiFake.TOKEN_PATH),
                fake.issueAccessToken());
        assertThat(cli.run("alt", "mode", "web", "embedded").exit()).isZero();

        CliSyncRun.Result first = cli.sync();
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(cli.run("alt", "list", "--destination", "web").out())
                .contains("\"Fishing boats leaving Sète at first light\" (embedded)");

        fake.describe("Clients/Smith/a.jpg", "Harbour at dawn", "Three fishing boats leaving Sète at first light",
                List.of("Places|France|Sète"));
        int downloaded = renditions();
        CliSyncRun.Result second = cli.sync();
        assertThat(second.exit()).as(second.out() + second.err()).isZero();
        assertThat(renditions()).as("a caption edit downloads nothing").isEqualTo(downloaded);
        assertThat(cli.run("alt", "list", "--destination", "web").out())
                .contains("\"Three fishing boats leaving Sète at first light\" (embedded)");
    }
}
