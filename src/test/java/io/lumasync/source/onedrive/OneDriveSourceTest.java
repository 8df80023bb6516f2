package io.lumasync.source.onedrive;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.core.RetryPolicy;
import io.lumasync.source.Listing;
import io.lumasync.source.Source;
import io.lumasync.source.SourceContract;
import io.lumasync.source.SourceItem;
import io.lumasync.testing.FaultProxy;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What OneDrive has beyond the contract (learn.microsoft.com/graph/api/driveitem-delta: 410 resyncRequired, delta on
 * the root only for work accounts, no paths in delta items; resources/driveitem: the short-lived
 * {@code @microsoft.graph.downloadUrl}; resources/hashes), against {@link FakeGraph}.
 */
class OneDriveSourceTest {
    @TempDir
    Path work;
    private OneDriveSourceContractTest.GraphFixture fx;
    private final Retrier retrier = new Retrier(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMinutes(1)), w -> {
    });

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private Source source(String driveType) throws LumasyncException {
        fx = new OneDriveSourceContractTest.GraphFixture(work, driveType);
        return fx.source(retrier);
    }

    private static SourceItem named(Listing l, String name) {
        return l.items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aResyncRequiredAnswerLeadsToOneFullListingThatKeepsTheIds() throws Exception {
        Source s = source("personal");
        fx.put("a.jpg", TestImages.jpeg(1));
        fx.put("sub/b.jpg", TestImages.jpeg(2));
        Listing first = s.list(Optional.empty());
        fx.fake.expireDeltaTokens();
        fx.delete("sub/b.jpg");
        fx.put("c.jpg", TestImages.jpeg(3));
        Listing again = s.list(first.cursor());
        assertThat(fx.fake.wireMock().getAllServeEvents()).anyMatch(e -> e.getResponse().getStatus() == 410
                && e.getResponse().getBodyAsString().contains("resyncRequired"));
        assertThat(again.complete()).isTrue();
        assertThat(again.items()).extracting(SourceItem::name).containsExactlyInAnyOrder("a.jpg", "c.jpg");
        assertThat(named(again, "a.jpg").id()).isEqualTo(named(first, "a.jpg").id());
        Listing quiet = s.list(again.cursor());
        assertThat(quiet.complete()).isFalse();
        assertThat(quiet.items()).isEmpty();
    }

    @Test
    void aWorkAccountFollowsTheRootAndKeepsOnlyItsFolder() throws Exception {
        Source s = source("business");
        fx.put("a.jpg", TestImages.jpeg(4));
        fx.put("trip/b.jpg", TestImages.jpeg(5));
        fx.fake.putAtRoot("Elsewhere/private.jpg", TestImages.jpeg(6));
        Listing first = s.list(Optional.empty());
        assertThat(first.items()).extracting(SourceItem::name).containsExactlyInAnyOrder("a.jpg", "b.jpg");
        assertThat(named(first, "b.jpg").folder()).isEqualTo("trip");
        assertThat(fx.fake.wireMock().findAll(anyRequestedFor(urlPathMatching(".*/delta"))))
                .extracting(LoggedRequest::getUrl).allMatch(u -> u.contains("/root/delta"));

        fx.fake.putAtRoot("Elsewhere/other.jpg", TestImages.jpeg(7));
        fx.fake.move("trip/b.jpg", null); // out of the synced folder
        fx.put("trip/c.jpg", TestImages.jpeg(8));
        Listing delta = s.list(first.cursor());
        assertThat(delta.items()).extracting(SourceItem::name).containsExactly("c.jpg");
        assertThat(delta.removed()).containsExactly(named(first, "b.jpg").id());
    }

    @Test
    void aFileMovedToAnotherSubFolderKeepsItsIdAndGetsItsNewFolder() throws Exception {
        Source s = source("personal");
        fx.put("2025/a.jpg", TestImages.jpeg(9));
        Listing first = s.list(Optional.empty());
        fx.fake.move("2025/a.jpg", "best/of");
        Listing delta = s.list(first.cursor());
        assertThat(delta.removed()).isEmpty();
        assertThat(delta.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(named(first, "a.jpg").id());
            assertThat(i.folder()).isEqualTo("best/of");
        });
    }

    @Test
    void anExpiredDownloadUrlIsReplacedByAFreshOne() throws Exception {
        Source s = source("personal");
        fx.put("a.jpg", TestImages.jpeg(10));
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        fx.fake.expireDownloadUrls();
        assertThat(SourceContract.read(s, item)).isEqualTo(TestImages.jpeg(10));
        // Without links in the listing (or in a new process) the item is asked for one.
        fx.fake.linksInDelta = false;
        Source other = fx.source(retrier);
        SourceItem again = other.list(Optional.empty()).items().getFirst();
        assertThat(SourceContract.read(other, again)).isEqualTo(TestImages.jpeg(10));
    }

    @Test
    void aBrokenDownloadResumesWithARangeForTheRest() throws Exception {
        Source direct = source("personal");
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new Random(3).nextBytes(big);
        fx.put("raw/big.NEF", big);
        direct.list(Optional.empty());
        try (FaultProxy proxy = FaultProxy.start(fx.fake.baseUri())) {
            Source s = fx.sourceAt(proxy.uri(), retrier);
            SourceItem item = s.list(Optional.empty()).items().getFirst();
            proxy.reset();
            proxy.cutAnswerNext(1);
            assertThat(SourceContract.read(s, item)).isEqualTo(big);
            assertThat(proxy.requests()).hasSize(2).allMatch(r -> r.startsWith("GET /download/"));
        }
        List<LoggedRequest> downloads = fx.fake.wireMock().findAll(anyRequestedFor(urlPathMatching("/download/.*")));
        List<String> ranges = downloads.stream().map(r -> r.getHeader("Range")).filter(h -> h != null).toList();
        assertThat(ranges).as("one download asked for the rest").hasSize(1);
        String range = ranges.getFirst();
        assertThat(range).matches("bytes=\\d+-");
        long from = Long.parseLong(range.substring(6, range.length() - 1));
        assertThat(from).as("resumed after the bytes that arrived").isPositive().isLessThan(big.length);
        assertThat(Files.list(fx.dataDir.resolve("downloads"))).as("no part file left behind").isEmpty();
    }

    @Test
    void theStrongestHashGivenIsUsed() throws Exception {
        Source s = source("personal");
        fx.put("a.jpg", TestImages.jpeg(11));
        assertThat(s.list(Optional.empty()).items().getFirst().fingerprint().contentHash()).startsWith("quickxor:")
                .isEqualTo(SourceContract.expectedHash("quickxor:", TestImages.jpeg(11)));
        fx.fake.shaHashes = true;
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        assertThat(item.fingerprint().contentHash()).isEqualTo(SourceContract.expectedHash("sha256:", TestImages.jpeg(11)));
        assertThat(SourceContract.read(s, item)).isEqualTo(TestImages.jpeg(11));
    }

    @Test
    void aMissingFolderIsNamedPlainly() throws Exception {
        fx = new OneDriveSourceContractTest.GraphFixture(work, "personal");
        fx.extra.put("folder", "/No Such Folder");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> fx.source().list(Optional.empty()));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("/No Such Folder").contains("not found in OneDrive");
    }
}
