package io.lumasync.source;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.FormatSniffer;
import io.lumasync.testing.FaultProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the engine needs from a source whose assets are made by the service rather than stored as files (Figma
 * frames rendered on request, Canva pages exported by a job, Shutterstock licences downloaded through their
 * endpoint): a listing whose fingerprints stay put while nothing changes and move for exactly the asset that
 * changed, removals seen, downloads of the service's bytes through expiring addresses, one asset's failure alone,
 * 429 and 5xx ridden out by the one retry layer, and a withdrawn sign-in that says "reconnect". Each source plugs a
 * small {@link Fixture} over its fake in; its own specialities have tests of their own.
 */
public abstract class RemoteAssetContract {

    /** The world behind one source: assets named by a label the source shows at the start of the item's name. */
    public interface Fixture extends AutoCloseable {
        Source sourceAt(URI base, Retrier retrier) throws LumasyncException;

        URI serverUri();

        /** Adds an asset, or changes it when the label is taken; {@code bytes} is what a download must give. */
        void put(String label, byte[] bytes);

        void remove(String label);

        /** Every download address handed out so far expires. */
        void expireLinks();

        /** The sign-in stops working (token revoked, consent withdrawn). */
        void revoke();

        /** The next API call answers 429 with this Retry-After, in the vendor's own words. */
        void rateLimitNext(int seconds);

        /** Secret values that must never appear in a message. */
        List<String> secretValues();

        @Override
        default void close() throws Exception {
        }
    }

    protected abstract Fixture createFixture(Path workDir) throws Exception;

    private static final int ATTEMPTS = 3;
    private static final Retrier NO_RETRY = SourceContract.NO_RETRY;

    @TempDir
    Path workDir;
    protected Fixture fx;
    private FaultProxy proxy;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Retrier retrier = new Retrier(
            new RetryPolicy(ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMinutes(2)), waits::add);

    @BeforeEach
    void setUpFixture() throws Exception {
        fx = createFixture(workDir);
    }

    @AfterEach
    void tearDownFixture() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        fx.close();
    }

    private Source source() throws LumasyncException {
        return fx.sourceAt(fx.serverUri(), retrier);
    }

    private Source behindProxy() throws Exception {
        proxy = FaultProxy.start(fx.serverUri());
        return fx.sourceAt(proxy.rewrite(fx.serverUri()), retrier);
    }

    protected static SourceItem named(Listing l, String label) {
        return l.items().stream().filter(i -> i.name().startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no item named " + label + "… in " + l.items()));
    }

    protected static byte[] read(Source s, SourceItem item) throws Exception {
        try (InputStream in = s.open(item)) {
            return in.readAllBytes();
        }
    }

    @Test
    void listsEveryAssetOnceWithStableIds() throws Exception {
        fx.put("alpha", io.lumasync.testing.TestImages.png(1));
        fx.put("beta", io.lumasync.testing.TestImages.png(2));
        Listing first = source().list(Optional.empty());
        assertThat(first.items()).hasSize(2).extracting(SourceItem::id).doesNotHaveDuplicates();
        Listing again = source().list(Optional.empty());
        assertThat(named(again, "alpha").id()).isEqualTo(named(first, "alpha").id());
        assertThat(named(again, "alpha").fingerprint()).isEqualTo(named(first, "alpha").fingerprint());
        assertThat(named(again, "beta").fingerprint().sameContentAs(named(first, "beta").fingerprint())).isTrue();
    }

    @Test
    void assetsOverManyPagesAreAllListedOnce() throws Exception {
        for (int i = 0; i < 7; i++) {
            fx.put("many" + i, io.lumasync.testing.TestImages.png(40 + i));
        }
        Listing l = source().list(Optional.empty());
        assertThat(l.items()).hasSize(7).extracting(SourceItem::id).doesNotHaveDuplicates();
    }

    @Test
    void aChangeMovesOnlyThatAssetsFingerprint() throws Exception {
        fx.put("alpha", io.lumasync.testing.TestImages.png(3));
        fx.put("beta", io.lumasync.testing.TestImages.png(4));
        Listing before = source().list(Optional.empty());
        fx.put("alpha", io.lumasync.testing.TestImages.png(5));
        Listing after = source().list(Optional.empty());
        assertThat(named(after, "alpha").fingerprint().sameContentAs(named(before, "alpha").fingerprint())).isFalse();
        assertThat(named(after, "beta").fingerprint().sameContentAs(named(before, "beta").fingerprint())).isTrue();
        assertThat(named(after, "alpha").id()).isEqualTo(named(before, "alpha").id());
    }

    @Test
    void aRemovedAssetIsReportedGone() throws Exception {
        fx.put("alpha", io.lumasync.testing.TestImages.png(6));
        fx.put("gone", io.lumasync.testing.TestImages.png(7));
        Listing before = source().list(Optional.empty());
        fx.remove("gone");
        Listing after = source().list(Optional.empty());
        String goneId = named(before, "gone").id();
        boolean reported = after.complete() ? after.items().stream().noneMatch(i -> i.id().equals(goneId))
                : after.removed().contains(goneId);
        assertThat(reported).as("removal seen in %s", after).isTrue();
        assertThat(after.items()).extracting(SourceItem::id).contains(named(before, "alpha").id());
    }

    @Test
    void downloadsAreTheServicesBytesEvenAfterTheirAddressExpired() throws Exception {
        byte[] a = io.lumasync.testing.TestImages.png(8);
        byte[] b = io.lumasync.testing.TestImages.jpeg(9);
        fx.put("alpha", a);
        fx.put("beta", b);
        Source s = source();
        Listing l = s.list(Optional.empty());
        assertThat(read(s, named(l, "alpha"))).isEqualTo(a);
        fx.expireLinks();
        assertThat(read(s, named(l, "beta"))).isEqualTo(b);
        assertThat(read(s, named(l, "alpha"))).isEqualTo(a);
    }

    @Test
    void anAssetGoneBeforeItsDownloadFailsAloneByName() throws Exception {
        fx.put("vanishing", io.lumasync.testing.TestImages.png(10));
        fx.put("staying", io.lumasync.testing.TestImages.png(11));
        Source s = source();
        Listing l = s.list(Optional.empty());
        fx.remove("vanishing");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> read(s, named(l, "vanishing")));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("vanishing");
        assertThat(read(s, named(l, "staying"))).isEqualTo(io.lumasync.testing.TestImages.png(11));
    }

    @Test
    void thumbnailsAreSmallImages() throws Exception {
        fx.put("alpha", io.lumasync.testing.TestImages.png(12));
        Source s = source();
        Optional<byte[]> thumb = s.thumbnail(s.list(Optional.empty()).items().getFirst(), 256);
        assertThat(thumb).isPresent();
        assertThat(FormatSniffer.sniff(thumb.get())).isPresent();
    }

    @Test
    void aRateLimitInTheVendorsWordsIsRetriedAfterItsWait() throws Exception {
        fx.put("alpha", io.lumasync.testing.TestImages.png(13));
        Source s = source();
        fx.rateLimitNext(7);
        assertThat(s.list(Optional.empty()).items()).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void a429AndA503OnTheWayAreRetried() throws Exception {
        fx.put("alpha", io.lumasync.testing.TestImages.png(14));
        Source s = behindProxy();
        proxy.failNext(1, 429, Map.of("Retry-After", "5"), "");
        assertThat(s.list(Optional.empty()).items()).hasSize(1);
        proxy.failNext(1, 503, Map.of(), "");
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        assertThat(read(s, item)).isEqualTo(io.lumasync.testing.TestImages.png(14));
        assertThat(waits).hasSize(2).startsWith(Duration.ofSeconds(5));
    }

    @Test
    void aServiceThatKeepsFailingIsGivenUpAfterTheBound() throws Exception {
        fx.put("alpha", io.lumasync.testing.TestImages.png(15));
        Source s = behindProxy();
        proxy.failNext(100, 503, Map.of(), "");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> s.list(Optional.empty()));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.RETRY);
        assertThat(proxy.requestCount()).isEqualTo(ATTEMPTS);
    }

    @Test
    void aWithdrawnSignInMeansReconnectWithoutLeakingSecrets() throws Exception {
        fx.put("alpha", io.lumasync.testing.TestImages.png(16));
        Source s = fx.sourceAt(fx.serverUri(), NO_RETRY);
        s.list(Optional.empty());
        fx.revoke();
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> s.list(Optional.empty()));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).containsIgnoringCase("reconnect");
        for (String secret : fx.secretValues()) {
            assertThat(e.getMessage()).doesNotContain(secret);
        }
    }
}
