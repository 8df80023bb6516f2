package io.lumasync.source;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.core.RetryPolicy;
import io.lumasync.testing.FaultProxy;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What every source owes the sync engine, as one set of tests each source plugs into with a small subclass that
 * builds a {@link Fixture}: a server (or folder) it can change behind the source's back. Cases needing an ability
 * the fixture lacks (no change feed, no OAuth) are skipped with the reason. HTTP sources also say how to point
 * them at another address, so a {@link FaultProxy} can stand in front of the server and inject 429s, 5xx and
 * broken connections that the one retry layer ({@link Retrier}) must ride out.
 */
public abstract class SourceContract {

    /** FOLDERS: items keep their sub-folder; REVOCABLE: credentials can be withdrawn at the server. */
    public enum Ability { FOLDERS, CHANGE_FEED, PROVIDER_HASH, THUMBNAILS, OAUTH, REVOCABLE, RATE_LIMITS, PAGINATION }

    /** The world behind one source under test. Paths are '/'-separated, relative to the source's root. */
    public interface Fixture extends AutoCloseable {
        /** The source under test, wrapping its calls in {@code retrier}. */
        Source source(Retrier retrier) throws LumasyncException;

        /** The source with a retrier that never retries: every failure shows as the source classified it. */
        default Source source() throws LumasyncException {
            return source(NO_RETRY);
        }

        /** HTTP sources: the server's base address, for the fault proxy to stand in front of. */
        default Optional<URI> serverUri() {
            return Optional.empty();
        }

        /** HTTP sources: the source with every server address ({@link #serverUri()}) replaced by {@code base}. */
        default Source sourceAt(URI base, Retrier retrier) throws LumasyncException {
            throw new UnsupportedOperationException("override sourceAt to run the fault-proxy cases");
        }

        void put(String path, byte[] bytes) throws Exception;

        void delete(String path) throws Exception;

        Set<Ability> abilities();

        /** How many items one listing page holds at most (PAGINATION). */
        default int pageSize() {
            return Integer.MAX_VALUE;
        }

        /**
         * CHANGE_FEED: every cursor handed out so far stops working (Dropbox reset; for Drive, whose page tokens do
         * not expire, the adapter's saved folder state is lost).
         */
        default void invalidateCursors() {
        }

        /** PROVIDER_HASH: the next download's bytes are altered in transit. */
        default void corruptNextDownload() {
        }

        /** OAUTH: the access token expires now. */
        default void expireAccessToken() {
        }

        /** REVOCABLE: the user revoked the app or token: access (and refresh) tokens stop working. */
        default void revokeConsent() {
        }

        /** OAUTH: refresh-token grants served so far. */
        default int tokenRefreshes() {
            return 0;
        }

        /** REVOCABLE: every secret value the source holds, to check none leaks into messages. */
        default List<String> secretValues() {
            return List.of();
        }

        /** RATE_LIMITS: the next API call answers 429 with this Retry-After. */
        default void rateLimitNextCall(int seconds) {
        }

        @Override
        default void close() throws Exception {
        }
    }

    protected abstract Fixture createFixture(Path workDir) throws Exception;

    /** One attempt only: for tests that look at how a single failure is classified. */
    public static final Retrier NO_RETRY = new Retrier(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO),
            wait -> {
            });

    /** Attempts the contract's retrier makes before giving up. */
    private static final int ATTEMPTS = 3;

    @TempDir
    Path workDir;
    private Fixture fx;
    private FaultProxy proxy;
    /** The waits the retrier asked for, recorded instead of slept. */
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

    /** The source under test, retrying as the engine does (waits recorded, not slept). */
    private Source source() throws LumasyncException {
        return fx.source(retrier);
    }

    /** The source behind a fresh fault proxy (see {@link #proxy}); skips for sources without a server. */
    private Source sourceBehindProxy() throws Exception {
        Optional<URI> server = fx.serverUri();
        Assumptions.assumeTrue(server.isPresent(), "not an HTTP source: no fault proxy cases");
        proxy = FaultProxy.start(server.get());
        return fx.sourceAt(proxy.rewrite(server.get()), retrier);
    }

    private void need(Ability a) {
        Assumptions.assumeTrue(fx.abilities().contains(a), "this source has no " + a + ": case does not apply");
    }

    private static Map<String, SourceItem> byName(Listing l) {
        return l.items().stream().collect(Collectors.toMap(SourceItem::name, i -> i));
    }

    /** All of one item's bytes, as the engine reads them. */
    public static byte[] read(Source s, SourceItem item) throws Exception {
        try (InputStream in = s.open(item)) {
            return in.readAllBytes();
        }
    }

    @Test
    void listsImagesInSubFoldersAndSkipsOtherFiles() throws Exception {
        fx.put("a.jpg", TestImages.jpeg(1));
        fx.put("trip/day 1/b.png", TestImages.png(2));
        fx.put("notes.txt", "not an image".getBytes(StandardCharsets.UTF_8));
        Listing l = source().list(Optional.empty());
        assertThat(l.complete()).isTrue();
        assertThat(l.items()).extracting(SourceItem::name).containsExactlyInAnyOrder("a.jpg", "b.png");
        if (fx.abilities().contains(Ability.FOLDERS)) {
            assertThat(byName(l).get("b.png").folder()).isEqualTo("trip/day 1");
            assertThat(byName(l).get("a.jpg").folder()).isEmpty();
        }
        assertThat(byName(l).get("a.jpg").fingerprint().size()).isEqualTo(TestImages.jpeg(1).length);
        assertThat(l.items()).extracting(SourceItem::id).doesNotHaveDuplicates();
    }

    @Test
    void anEmptyFileIsNamedNotLostNorFatal() throws Exception {
        fx.put("empty.jpg", new byte[0]);
        fx.put("ok.jpg", TestImages.jpeg(3));
        Listing l = source().list(Optional.empty());
        assertThat(byName(l)).containsKey("ok.jpg");
        boolean listedAsEmpty = byName(l).containsKey("empty.jpg") && byName(l).get("empty.jpg").fingerprint().size() == 0;
        boolean reported = l.problems().stream().anyMatch(p -> p.contains("empty.jpg") && p.contains("empty"));
        assertThat(listedAsEmpty || reported).as("0-byte file listed with size 0 or reported: %s", l.problems()).isTrue();
    }

    @Test
    void pagesAreFollowedWithoutLossOrDuplicates() throws Exception {
        need(Ability.PAGINATION);
        int n = fx.pageSize() * 2 + 1;
        for (int i = 0; i < n; i++) {
            fx.put("many/p" + i + ".jpg", TestImages.jpeg(100 + i));
        }
        Listing l = source().list(Optional.empty());
        assertThat(l.items()).hasSize(n);
        assertThat(l.items()).extracting(SourceItem::id).doesNotHaveDuplicates();
    }

    @Test
    void aFullListingReflectsChangesAndDeletions() throws Exception {
        fx.put("keep.jpg", TestImages.jpeg(4));
        fx.put("change.jpg", TestImages.jpeg(5));
        fx.put("gone.jpg", TestImages.jpeg(6));
        Listing before = source().list(Optional.empty());
        fx.put("change.jpg", TestImages.png(7));
        fx.delete("gone.jpg");
        Listing after = source().list(Optional.empty());
        assertThat(after.complete()).isTrue();
        assertThat(byName(after).keySet()).containsExactlyInAnyOrder("keep.jpg", "change.jpg");
        assertThat(byName(after).get("change.jpg").fingerprint().sameContentAs(byName(before).get("change.jpg").fingerprint()))
                .isFalse();
        assertThat(byName(after).get("keep.jpg").id()).isEqualTo(byName(before).get("keep.jpg").id());
    }

    @Test
    void anIncrementalListingReturnsOnlyChangesAndRemovals() throws Exception {
        need(Ability.CHANGE_FEED);
        fx.put("keep.jpg", TestImages.jpeg(4));
        fx.put("change.jpg", TestImages.jpeg(5));
        fx.put("sub/gone.jpg", TestImages.jpeg(6));
        Source s = source();
        Listing first = s.list(Optional.empty());
        assertThat(first.cursor()).isPresent();
        String goneId = byName(first).get("gone.jpg").id();

        fx.put("change.jpg", TestImages.png(7));
        fx.put("new.jpg", TestImages.jpeg(8));
        fx.delete("sub/gone.jpg");
        Listing delta = source().list(first.cursor());
        assertThat(delta.complete()).isFalse();
        assertThat(delta.items()).extracting(SourceItem::name).containsExactlyInAnyOrder("change.jpg", "new.jpg");
        assertThat(delta.removed()).containsExactly(goneId);
        assertThat(byName(delta).get("change.jpg").id()).isEqualTo(byName(first).get("change.jpg").id());
        assertThat(byName(delta).get("change.jpg").fingerprint().size()).isEqualTo(TestImages.png(7).length);

        Listing quiet = source().list(delta.cursor());
        assertThat(quiet.items()).isEmpty();
        assertThat(quiet.removed()).isEmpty();
    }

    @Test
    void anExpiredCursorFallsBackToOneFullListingWithoutDuplicates() throws Exception {
        need(Ability.CHANGE_FEED);
        fx.put("a.jpg", TestImages.jpeg(9));
        fx.put("b.jpg", TestImages.jpeg(10));
        Listing first = source().list(Optional.empty());
        fx.invalidateCursors();
        fx.put("c.jpg", TestImages.jpeg(11));
        Listing again = source().list(first.cursor());
        assertThat(again.complete()).isTrue();
        assertThat(again.items()).extracting(SourceItem::name).containsExactlyInAnyOrder("a.jpg", "b.jpg", "c.jpg");
        assertThat(again.items()).extracting(SourceItem::id).doesNotHaveDuplicates();
        assertThat(again.cursor()).isPresent().isNotEqualTo(first.cursor());
    }

    @Test
    void downloadsAreTheListedBytesAndMatchTheListedHash() throws Exception {
        byte[] jpeg = TestImages.jpeg(12);
        byte[] big = new byte[5 * 1024 * 1024 + 123]; // more than one 4 MiB Dropbox hash block
        new java.util.Random(7).nextBytes(big);
        System.arraycopy(jpeg, 0, big, 0, jpeg.length);
        fx.put("small.jpg", jpeg);
        fx.put("raw/big.NEF", big);
        Source s = source();
        Listing l = s.list(Optional.empty());
        assertThat(read(s, byName(l).get("small.jpg"))).isEqualTo(jpeg);
        assertThat(read(s, byName(l).get("big.NEF"))).isEqualTo(big);
        if (fx.abilities().contains(Ability.PROVIDER_HASH)) {
            assertThat(byName(l).get("small.jpg").fingerprint().contentHash()).isEqualTo(expectedHash(
                    byName(l).get("small.jpg").fingerprint().contentHash(), jpeg));
            assertThat(byName(l).get("big.NEF").fingerprint().contentHash()).isEqualTo(expectedHash(
                    byName(l).get("big.NEF").fingerprint().contentHash(), big));
        }
    }

    @Test
    void aDownloadDamagedInTransitIsRetriedNotAccepted() throws Exception {
        need(Ability.PROVIDER_HASH);
        fx.put("a.jpg", TestImages.jpeg(13));
        Source once = fx.source();
        SourceItem item = once.list(Optional.empty()).items().getFirst();
        fx.corruptNextDownload();
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> read(once, item));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.RETRY);
        assertThat(e.getMessage()).contains("a.jpg").contains("does not match");

        Source s = sourceBehindProxy();
        SourceItem again = s.list(Optional.empty()).items().getFirst();
        proxy.reset();
        fx.corruptNextDownload();
        assertThat(read(s, again)).isEqualTo(TestImages.jpeg(13));
        assertThat(proxy.requestCount()).as("download requests (the damaged one and its retry)").isGreaterThanOrEqualTo(2);
        assertThat(waits).hasSize(1);
    }

    @Test
    void aFileDeletedBetweenListingAndDownloadIsSkippedByName() throws Exception {
        fx.put("vanishing.jpg", TestImages.jpeg(14));
        Source s = source();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        fx.delete("vanishing.jpg");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> read(s, item));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("vanishing.jpg");
    }

    @Test
    void thumbnailsAreSmallImages() throws Exception {
        need(Ability.THUMBNAILS);
        fx.put("a.jpg", TestImages.jpeg(15));
        Source s = source();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        Optional<byte[]> thumb = s.thumbnail(item, 256);
        assertThat(thumb).isPresent();
        assertThat(io.lumasync.image.FormatSniffer.sniff(thumb.get())).isPresent();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnce() throws Exception {
        need(Ability.OAUTH);
        fx.put("a.jpg", TestImages.jpeg(16));
        Source s = source();
        s.list(Optional.empty());
        fx.expireAccessToken();
        Listing l = s.list(Optional.empty());
        assertThat(l.items()).hasSize(1);
        assertThat(fx.tokenRefreshes()).isEqualTo(1);
        assertThat(read(s, l.items().getFirst())).isEqualTo(TestImages.jpeg(16));
        assertThat(fx.tokenRefreshes()).isEqualTo(1);
    }

    @Test
    void revokedConsentMeansReconnectWithoutLeakingSecrets() throws Exception {
        need(Ability.REVOCABLE);
        fx.put("a.jpg", TestImages.jpeg(17));
        Source s = source();
        List<String> secrets = new ArrayList<>(fx.secretValues());
        fx.revokeConsent();
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> s.list(Optional.empty()));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).containsIgnoringCase("reconnect");
        for (String secret : secrets) {
            assertThat(e.getMessage()).doesNotContain(secret);
        }
        // It stays marked: the next run fails fast without asking the server again.
        int refreshes = fx.tokenRefreshes();
        assertThat(catchThrowableOfType(LumasyncException.class, () -> source().list(Optional.empty())).kind())
                .isEqualTo(ErrorKind.REAUTH);
        assertThat(fx.tokenRefreshes()).isEqualTo(refreshes);
    }

    @Test
    void tooManyRequestsInTheProvidersOwnWordsIsRetriedAfterTheServersWait() throws Exception {
        need(Ability.RATE_LIMITS);
        fx.put("a.jpg", TestImages.jpeg(18));
        Source s = source();
        fx.rateLimitNextCall(7);
        assertThat(s.list(Optional.empty()).items()).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRateLimitedListingIsRetriedAfterTheServersWait() throws Exception {
        fx.put("a.jpg", TestImages.jpeg(19));
        Source s = sourceBehindProxy();
        proxy.failNext(1, 429, Map.of("Retry-After", "7"), "");
        assertThat(s.list(Optional.empty()).items()).extracting(SourceItem::name).containsExactly("a.jpg");
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(proxy.requestCount()).as("requests (the refused one and its retry)").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aServerErrorWhileListingIsRetried() throws Exception {
        fx.put("a.jpg", TestImages.jpeg(20));
        Source s = sourceBehindProxy();
        proxy.failNext(1, 503, Map.of(), "");
        assertThat(s.list(Optional.empty()).items()).extracting(SourceItem::name).containsExactly("a.jpg");
        assertThat(waits).hasSize(1);
        assertThat(proxy.requestCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDroppedConnectionWhileListingIsRetried() throws Exception {
        fx.put("a.jpg", TestImages.jpeg(21));
        Source s = sourceBehindProxy();
        // Two drops: the JDK client itself sends a GET that got no answer once more, so only a second drop reaches
        // the retry layer; a POST reaches it twice.
        proxy.dropNext(2);
        assertThat(s.list(Optional.empty()).items()).extracting(SourceItem::name).containsExactly("a.jpg");
        assertThat(waits).as("waits of the retry layer").isNotEmpty();
        assertThat(proxy.requestCount()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aDownloadThatBreaksOffOrIsRateLimitedIsRetried() throws Exception {
        byte[] jpeg = TestImages.jpeg(22);
        fx.put("a.jpg", jpeg);
        Source s = sourceBehindProxy();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        proxy.reset();
        proxy.cutAnswerNext(1);
        assertThat(read(s, item)).isEqualTo(jpeg);
        assertThat(proxy.requestCount()).as("download requests after a broken-off one").isEqualTo(2);
        proxy.reset();
        proxy.failNext(1, 429, Map.of("Retry-After", "3"), "");
        assertThat(read(s, item)).isEqualTo(jpeg);
        assertThat(proxy.requestCount()).as("download requests after a 429").isEqualTo(2);
        assertThat(waits).hasSize(2).endsWith(Duration.ofSeconds(3));
    }

    @Test
    void aServerThatKeepsFailingIsGivenUpAfterTheBound() throws Exception {
        fx.put("a.jpg", TestImages.jpeg(23));
        Source s = sourceBehindProxy();
        proxy.failNext(100, 503, Map.of(), "");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> s.list(Optional.empty()));
        assertThat(e).isNotNull();
        assertThat(e.kind()).as("the next sync tries again").isEqualTo(ErrorKind.RETRY);
        assertThat(e.getMessage()).contains("Gave up after " + ATTEMPTS + " attempts");
        assertThat(proxy.requestCount()).as("requests: exactly the bound").isEqualTo(ATTEMPTS);
        assertThat(waits).hasSize(ATTEMPTS - 1);
    }

    /** The hash a provider would give, computed here independently of the code under test. */
    public static String expectedHash(String like, byte[] bytes) throws Exception {
        String algorithm = like.substring(0, like.indexOf(':'));
        return switch (algorithm) {
            case "md5" -> "md5:" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
            case "sha256" -> "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            case "sha1" -> "sha1:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
            case "quickxor" -> "quickxor:" + quickXor(bytes);
            case "dropbox" -> {
                MessageDigest all = MessageDigest.getInstance("SHA-256");
                int block = 4 * 1024 * 1024;
                for (int off = 0; off < bytes.length; off += block) {
                    MessageDigest one = MessageDigest.getInstance("SHA-256");
                    one.update(bytes, off, Math.min(block, bytes.length - off));
                    all.update(one.digest());
                }
                yield "dropbox:" + HexFormat.of().formatHex(all.digest());
            }
            default -> throw new AssertionError("unknown hash " + like);
        };
    }

    /**
     * QuickXorHash written from the algorithm description of learn.microsoft.com/onedrive/developer/code-snippets/
     * quickxorhash, as a 160-bit number: byte i is rotated left by 11·i bits and XORed in; the block's bytes are
     * then read least significant first, and the 64-bit length is XORed into the last eight of them.
     */
    private static String quickXor(byte[] bytes) {
        java.math.BigInteger ring = java.math.BigInteger.ZERO;
        java.math.BigInteger mask = java.math.BigInteger.ONE.shiftLeft(160).subtract(java.math.BigInteger.ONE);
        for (int i = 0; i < bytes.length; i++) {
            int shift = (int) ((11L * i) % 160);
            java.math.BigInteger b = java.math.BigInteger.valueOf(bytes[i] & 0xff);
            java.math.BigInteger rotated = b.shiftLeft(shift).or(b.shiftRight(160 - shift)).and(mask);
            ring = ring.xor(rotated);
        }
        byte[] out = new byte[20];
        for (int k = 0; k < 20; k++) {
            out[k] = (byte) ring.shiftRight(8 * k).intValue();
        }
        for (int k = 0; k < 8; k++) {
            out[12 + k] ^= (byte) (((long) bytes.length) >>> (8 * k));
        }
        return HexFormat.of().formatHex(out);
    }
}
