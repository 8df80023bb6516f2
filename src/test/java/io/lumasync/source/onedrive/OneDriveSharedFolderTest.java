package io.lumasync.source.onedrive;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.TokenSet;
import io.lumasync.auth.TokenStore;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.core.RetryPolicy;
import io.lumasync.http.Http;
import io.lumasync.source.CliSyncRun;
import io.lumasync.source.Listing;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.Source;
import io.lumasync.source.SourceContract;
import io.lumasync.source.SourceItem;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A folder someone shares with the user, added to "My files": in Graph it is an item of the user's drive whose
 * {@code remoteItem} (learn.microsoft.com/graph/api/resources/remoteitem) names the owner's drive and the folder's id
 * there; its contents, delta (driveitem-delta) and downloads are read from {@code /drives/{owner's drive}/items/...}.
 */
class OneDriveSharedFolderTest {
    private static final String SHARED = "Wedding Selects";
    @TempDir
    Path work;
    private final FakeGraph fake = new FakeGraph("personal", "Photos", 2);
    private final Retrier retrier = new Retrier(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMinutes(1)), w -> {
    });

    @AfterEach
    void stop() {
        fake.close();
    }

    private Map<String, String> settings() {
        String base = fake.baseUri().toString();
        return Map.of("folder", "/" + SHARED, "client_id", FakeGraph.CLIENT_ID, "api_url", base,
                "token_url", base + OAuthApiFake.TOKEN_PATH, "page_size", "2");
    }

    private Source source() throws LumasyncException {
        VaultSecrets secrets = VaultSecrets.forSource(new InMemorySecretVault(), "shared");
        new TokenStore(secrets).save(new TokenSet(fake.issueAccessToken(), Optional.of(OAuthApiFake.REFRESH_TOKEN),
                Instant.now().plusSeconds(3600), ""));
        return new OneDriveSourceType().create(new AdapterContext(new AdapterConfig("shared", OneDriveSourceType.ID,
                settings()), secrets, Http.newClient(), work.resolve("adapter"), retrier));
    }

    private int downloads() {
        return fake.wireMock().findAll(anyRequestedFor(urlPathMatching("/download/.*"))).size();
    }

    private static SourceItem named(Listing l, String name) {
        return l.items().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + l.items()));
    }

    @Test
    void theSharedFolderIsListedFromTheOwnersDriveAndItsChangesFollow() throws Exception {
        String folderId = fake.shareFolder(SHARED);
        fake.putShared(SHARED, "ceremony.jpg", TestImages.jpeg(1));
        fake.putShared(SHARED, "party/dance.jpg", TestImages.jpeg(2));
        fake.putShared(SHARED, "party/cake.png", TestImages.png(3));
        fake.put("mine.jpg", TestImages.jpeg(4)); // in the user's own Photos: not part of this source
        Source s = source();

        Listing first = s.list(Optional.empty());
        assertThat(first.complete()).isTrue();
        assertThat(first.items()).extracting(SourceItem::name)
                .containsExactlyInAnyOrder("ceremony.jpg", "dance.jpg", "cake.png");
        assertThat(named(first, "dance.jpg").folder()).isEqualTo("party");
        assertThat(SourceContract.read(s, named(first, "cake.png"))).isEqualTo(TestImages.png(3));
        // the delta runs on the owner's drive, on the shared folder, and pages through the nextLinks
        assertThat(fake.wireMock().findAll(getRequestedFor(urlPathEqualTo(
                "/v1.0/drives/" + FakeGraph.SHARED_DRIVE_ID + "/items/" + folderId + "/delta")))).hasSizeGreaterThan(1);
        assertThat(fake.wireMock().findAll(getRequestedFor(urlPathMatching("/v1.0/drives/" + FakeGraph.DRIVE_ID
                + "/items/.*")))).isEmpty();

        Listing unchanged = s.list(first.cursor());
        assertThat(unchanged.items()).isEmpty();
        assertThat(unchanged.removed()).isEmpty();

        SourceItem before = named(first, "dance.jpg");
        fake.putShared(SHARED, "party/dance.jpg", TestImages.jpeg(5));
        fake.deleteShared(SHARED, "ceremony.jpg");
        Listing changed = s.list(unchanged.cursor());
        assertThat(changed.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(before.id());
            assertThat(i.fingerprint()).isNotEqualTo(before.fingerprint());
            assertThat(i.fingerprint().contentHash()).isEqualTo(SourceContract.expectedHash("quickxor:", TestImages.jpeg(5)));
        });
        assertThat(changed.removed()).containsExactly(named(first, "ceremony.jpg").id());
        assertThat(SourceContract.read(s, changed.items().getFirst())).isEqualTo(TestImages.jpeg(5));
    }

    @Test
    void syncPublishesTheSharedFolderThenNothingThenExactlyTheEditedImage() throws Exception {
        fake.shareFolder(SHARED);
        fake.putShared(SHARED, "a.jpg", TestImages.jpeg(1));
        fake.putShared(SHARED, "b.jpg", TestImages.jpeg(2));
        CliSyncRun cli = new CliSyncRun(work, "shared", OneDriveSourceType.ID, settings(), fake.issueAccessToken());

        CliSyncRun.Result first = cli.sync();
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(cli.published()).hasSize(2);
        assertThat(downloads()).isEqualTo(2);

        assertThat(cli.sync().exit()).isZero();
        assertThat(downloads()).as("an unchanged shared folder is not downloaded again").isEqualTo(2);

        Map<String, byte[]> before = cli.published();
        fake.putShared(SHARED, "b.jpg", TestImages.jpeg(3));
        assertThat(cli.sync().exit()).isZero();
        assertThat(downloads()).isEqualTo(3);
        assertThat(cli.published().keySet()).isEqualTo(before.keySet());
        assertThat(cli.changedSince(before).values()).singleElement()
                .satisfies(b -> assertThat(b).isEqualTo(TestImages.jpeg(3)));
    }
}
