package io.lumasync.destination;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.core.Retrier;
import io.lumasync.core.RetryPolicy;
import io.lumasync.testing.FaultProxy;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The behaviour every destination owes the sync engine (rclone's fstests idea): one set of tests, run against
 * each adapter by a ~20-line subclass that says how to make a fresh destination, what it promises, and — for
 * HTTP destinations — how to point it at another base address so the {@link FaultProxy} can sit in front of the
 * real server and inject 429s, 5xx, dropped connections and lost answers.
 *
 * <p>Cases a destination does not support (no list, no metadata update, no HTTP) are skipped with the reason,
 * after checking that {@link Destination#capabilities()} says the same thing the subclass promised.
 */
public abstract class DestinationContract {

    /**
     * What the destination under test promises.
     *
     * @param replace           the replace strategy its capabilities must declare
     * @param canList           whether {@link Destination#list} works
     * @param canUpdateMetadata whether {@link Destination#updateMetadata} works
     * @param rejectedFormat    a format the server refuses, which capabilities must therefore leave out
     * @param serverMaxBytes    a size the real server refuses; 0 when there is none to reach in a test (then an
     *                          injected 413 stands in for it, on HTTP destinations)
     */
    public record Promises(ReplaceStrategy replace, boolean canList, boolean canUpdateMetadata,
                              Optional<ImageFormat> rejectedFormat, long serverMaxBytes) {
        public static Promises of(ReplaceStrategy replace) {
            return new Promises(replace, false, false, Optional.empty(), 0);
        }

        public Promises listing() {
            return new Promises(replace, true, canUpdateMetadata, rejectedFormat, serverMaxBytes);
        }

        public Promises updatingMetadata() {
            return new Promises(replace, canList, true, rejectedFormat, serverMaxBytes);
        }

        public Promises rejecting(ImageFormat f) {
            return new Promises(replace, canList, canUpdateMetadata, Optional.of(f), serverMaxBytes);
        }

        public Promises refusingAbove(long bytes) {
            return new Promises(replace, canList, canUpdateMetadata, rejectedFormat, bytes);
        }
    }

    /** An error answer in the server's own dialect (S3 XML, WordPress JSON…), for injected faults. */
    public record ErrorBody(String contentType, String body) {
    }

    private final String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** The waits the engine's retry layer asked for, recorded instead of slept. */
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Retrier retrier = new Retrier(
            new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMinutes(2)), waits::add);

    // ---- what a subclass provides -------------------------------------------------------------------------

    /** A fresh destination talking to the real server (or folder). */
    protected abstract Destination newDestination() throws Exception;

    protected abstract Promises promises();

    /** For HTTP destinations: the real server's URL that {@link #newDestinationAt} takes. Empty: no HTTP cases. */
    protected Optional<URI> serverUri() {
        return Optional.empty();
    }

    /** A fresh destination whose server URL is {@code url} ({@link #serverUri()} rewritten to the fault proxy). */
    protected Destination newDestinationAt(URI url) throws Exception {
        throw new UnsupportedOperationException("override newDestinationAt to run the HTTP cases");
    }

    /** A fresh destination at {@code url} with credentials the server refuses; empty when there are none. */
    protected Optional<Destination> newDestinationWithWrongCredentialsAt(URI url) throws Exception {
        return Optional.empty();
    }

    /** The bytes stored for {@code ref}, empty when it is gone. Default: {@link Destination#download}. */
    protected Optional<byte[]> bytesAt(Destination d, RemoteRef ref) throws Exception {
        try (InputStream in = d.download(ref)) {
            return Optional.of(in.readAllBytes());
        } catch (LumasyncException e) {
            return Optional.empty();
        }
    }

    /** How many assets the destination holds (of those this test can see). Default: walks {@link Destination#list}. */
    protected long assetCount(Destination d) throws Exception {
        if (!promises().canList()) {
            throw new UnsupportedOperationException("override assetCount: this destination cannot list");
        }
        return listAll(d).size();
    }

    /** The metadata stored for {@code ref}; needed when metadata updates are promised. */
    protected Optional<AssetMetadata> metadataAt(Destination d, RemoteRef ref) throws Exception {
        return Optional.empty();
    }

    /** The part of {@code written} the destination keeps (a CMS with only a title and alt text drops the rest). */
    protected AssetMetadata kept(AssetMetadata written) {
        return written;
    }

    protected ErrorBody errorBody(int status) {
        return new ErrorBody("text/plain; charset=utf-8", "injected error " + status);
    }

    // ---- helpers for subclasses and cases -----------------------------------------------------------------

    /** A PNG upload named {@code <name>-<run>.png}; the same name and seed give the same sync id and bytes. */
    protected Upload upload(String name, int seed) {
        return upload(name, ImageFormat.PNG, TestImages.png(seed));
    }

    protected Upload upload(String name, ImageFormat format, byte[] bytes) {
        String base = name + "-" + runId;
        return new Upload(TestImages.encoded(base, format, bytes),
                new AssetMetadata("Alt text for " + base, "Title " + base, "", ""),
                "sync-" + base, "contract", "src/" + base + ".raw", "");
    }

    protected <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private Destination fresh() throws Exception {
        return closeLater(newDestination());
    }

    /** A put as the engine makes it: through the retry layer, reconciling before any attempt after the first. */
    private RemoteRef putAsTheEngineDoes(Destination d, Upload u) throws LumasyncException {
        AtomicInteger attempt = new AtomicInteger();
        return retrier.call(() -> attempt.incrementAndGet() == 1 ? d.put(u) : reconcileOrPut(d, u));
    }

    /** What the engine does before re-sending an upload whose answer it never recorded. */
    private static RemoteRef reconcileOrPut(Destination d, Upload u) throws LumasyncException {
        Optional<RemoteRef> found = d.reconcile(u);
        return found.isPresent() ? found.get() : d.put(u);
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static List<RemoteAsset> listAll(Destination d) throws LumasyncException {
        List<RemoteAsset> all = new ArrayList<>();
        for (int page = 1; page < 1000; page++) {
            List<RemoteAsset> got = d.list(page, 2);
            if (got.isEmpty()) {
                return all;
            }
            all.addAll(got);
        }
        throw new AssertionError("list never ran out of pages");
    }

    // ---- the cases ----------------------------------------------------------------------------------------

    @Test
    void capabilitiesMatchWhatIsPromised() throws Exception {
        Capabilities caps = fresh().capabilities();
        Promises p = promises();
        assertThat(caps.replace()).as("replace strategy").isEqualTo(p.replace());
        assertThat(caps.canList()).as("canList").isEqualTo(p.canList());
        assertThat(caps.canUpdateMetadata()).as("canUpdateMetadata").isEqualTo(p.canUpdateMetadata());
        assertThat(caps.formats()).as("JPEG is the fallback every destination takes").contains(ImageFormat.JPEG);
    }

    @Test
    void putStoresTheBytes() throws Exception {
        Destination d = fresh();
        Upload u = upload("put", 1);
        RemoteRef ref = d.put(u);
        assertThat(ref.id()).isNotBlank();
        assertThat(bytesAt(d, ref)).as("stored bytes").hasValueSatisfying(b -> assertThat(b).isEqualTo(u.image().bytes()));
    }

    @Test
    void puttingTheSameAssetAgainMakesNoDuplicate() throws Exception {
        Destination d = fresh();
        long before = assetCount(d);
        Upload u = upload("again", 2);
        RemoteRef first = d.put(u);
        RemoteRef second = reconcileOrPut(d, u);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(assetCount(d)).isEqualTo(before + 1);
    }

    @Test
    void replaceKeepsTheIdAndTheUrlWherePromised() throws Exception {
        Assumptions.assumeFalse(promises().replace() == ReplaceStrategy.PUT_THEN_REMOVE
                        || promises().replace() == ReplaceStrategy.NEW_ASSET_REPOINTED,
                "this destination cannot replace in place; a new asset takes the old one's place");
        Destination d = fresh();
        long before = assetCount(d);
        RemoteRef first = d.put(upload("replace", 3));
        Upload changed = upload("replace", 4);
        RemoteRef second = d.replace(first, changed);
        assertThat(second.id()).as("id after replace").isEqualTo(first.id());
        if (promises().replace() == ReplaceStrategy.SAME_ID_SAME_URL) {
            // A cache-busting query (WordPress's ?v=2) is the same address to a page that embeds it.
            assertThat(withoutQuery(second.url())).as("URL after replace").isEqualTo(withoutQuery(first.url()));
        }
        assertThat(bytesAt(d, second)).hasValueSatisfying(b -> assertThat(b).isEqualTo(changed.image().bytes()));
        assertThat(assetCount(d)).isEqualTo(before + 1);
    }

    @Test
    void metadataUpdateChangesTheText() throws Exception {
        Destination d = fresh();
        RemoteRef ref = d.put(upload("meta", 5));
        AssetMetadata changed = new AssetMetadata("A heron at dawn", "Heron", "Caption", "Description");
        if (!promises().canUpdateMetadata()) {
            LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> d.updateMetadata(ref, changed));
            assertThat(e).as("updateMetadata on a destination that cannot").isNotNull();
            assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
            return;
        }
        d.updateMetadata(ref, changed);
        assertThat(metadataAt(d, ref)).as("metadata read back (override metadataAt)").hasValue(kept(changed));
        assertThat(bytesAt(d, ref)).as("bytes survive a metadata update").isPresent();
    }

    @Test
    void removeDeletesAndRemovingTwiceSucceeds() throws Exception {
        Destination d = fresh();
        long before = assetCount(d);
        RemoteRef ref = d.put(upload("remove", 6));
        d.remove(ref);
        assertThat(bytesAt(d, ref)).as("bytes after remove").isEmpty();
        assertThat(assetCount(d)).isEqualTo(before);
        assertThatCode(() -> d.remove(ref)).as("removing an asset already gone").doesNotThrowAnyException();
    }

    @Test
    void listFindsEveryAssetAcrossPages() throws Exception {
        Assumptions.assumeTrue(promises().canList(), "this destination cannot list its assets");
        Destination d = fresh();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            ids.add(d.put(upload("list" + i, 10 + i)).id());
        }
        List<RemoteAsset> all = listAll(d);
        assertThat(all).extracting(a -> a.ref().id()).containsAll(ids);
        assertThat(all).extracting(a -> a.ref().id()).doesNotHaveDuplicates();
        assertThat(all).filteredOn(a -> ids.contains(a.ref().id())).allSatisfy(a -> assertThat(a.size()).isPositive());
    }

    @Test
    void everyAdvertisedFormatIsAccepted() throws Exception {
        Destination d = fresh();
        int tried = 0;
        for (ImageFormat f : d.capabilities().formats()) {
            Optional<byte[]> sample = TestImages.sample(f);
            if (sample.isPresent()) {
                Upload u = upload("format-" + f.extension(), f, sample.get());
                RemoteRef ref = d.put(u);
                assertThat(bytesAt(d, ref)).as(f + " stored").isPresent();
                tried++;
            }
        }
        assertThat(tried).as("formats tried").isPositive();
    }

    @Test
    void aRejectedFormatIsLeftOutOfTheCapabilities() throws Exception {
        Optional<ImageFormat> rejected = promises().rejectedFormat();
        Assumptions.assumeTrue(rejected.isPresent(), "this destination accepts every web format");
        assertThat(fresh().capabilities().formats()).doesNotContain(rejected.get());
    }

    @Test
    void aTooLargeFileGivesUpWithAClearMessage() throws Exception {
        Upload big;
        Destination d;
        FaultProxy proxy = null;
        if (promises().serverMaxBytes() > 0) {
            d = fresh();
            // A valid PNG followed by padding: readers ignore bytes after IEND, the server sees the size.
            byte[] bytes = Arrays.copyOf(TestImages.png(7), (int) promises().serverMaxBytes() + 1);
            big = upload("toolarge", ImageFormat.PNG, bytes);
        } else {
            Assumptions.assumeTrue(serverUri().isPresent(), "no size limit to reach: writes to a local folder");
            proxy = closeLater(FaultProxy.start(serverUri().get()));
            d = closeLater(newDestinationAt(proxy.rewrite(serverUri().get())));
            d.capabilities();
            proxy.reset();
            big = upload("toolarge", 7);
            ErrorBody eb = errorBody(413);
            proxy.failNext(1, 413, Map.of("Content-Type", eb.contentType()), eb.body());
        }
        Upload upload = big;
        Destination dest = d;
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> dest.put(upload));
        assertThat(e).as("put of a too-large file").isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).as("message").containsIgnoringCase("too large");
        if (proxy != null) {
            assertThat(proxy.requestCount()).as("requests sent").isEqualTo(1);
        }
    }

    private FaultProxy proxyOrSkip() throws Exception {
        Assumptions.assumeTrue(serverUri().isPresent(), "not an HTTP destination");
        return closeLater(FaultProxy.start(serverUri().get()));
    }

    @Test
    void refusedCredentialsAskToReconnectWithoutRetrying() throws Exception {
        FaultProxy proxy = proxyOrSkip();
        Optional<Destination> wrong = newDestinationWithWrongCredentialsAt(proxy.rewrite(serverUri().orElseThrow()));
        Assumptions.assumeTrue(wrong.isPresent(), "this destination has no credentials");
        Destination d = closeLater(wrong.get());
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> d.put(upload("auth", 8)));
        assertThat(e).as("put with refused credentials").isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).as("message").isNotBlank().doesNotContain("Exception");
        assertThat(proxy.requestCount()).as("requests sent (no retry storm)").isBetween(1, 2);
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheServersWait() throws Exception {
        FaultProxy proxy = proxyOrSkip();
        Destination d = closeLater(newDestinationAt(proxy.rewrite(serverUri().orElseThrow())));
        d.capabilities();
        long before = assetCount(d);
        proxy.reset();
        ErrorBody eb = errorBody(429);
        proxy.failNext(1, 429, Map.of("Retry-After", "7", "Content-Type", eb.contentType()), eb.body());
        Upload u = upload("slowdown", 9);
        RemoteRef ref = putAsTheEngineDoes(d, u);
        assertThat(waits).as("waits: the server's Retry-After").containsExactly(Duration.ofSeconds(7));
        assertThat(proxy.requestCount()).as("requests (the refused put and its retry)").isGreaterThanOrEqualTo(2);
        assertThat(bytesAt(d, ref)).hasValueSatisfying(b -> assertThat(b).isEqualTo(u.image().bytes()));
        assertThat(assetCount(d)).isEqualTo(before + 1);
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        FaultProxy proxy = proxyOrSkip();
        Destination d = closeLater(newDestinationAt(proxy.rewrite(serverUri().orElseThrow())));
        d.capabilities();
        for (int status : new int[]{500, 503}) {
            proxy.reset();
            ErrorBody eb = errorBody(status);
            proxy.failNext(1, status, Map.of("Content-Type", eb.contentType()), eb.body());
            LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> d.put(upload("fivexx", 10)));
            assertThat(e).as("put answered " + status).isNotNull();
            assertThat(e.kind()).as("kind for " + status).isEqualTo(ErrorKind.RETRY);
            assertThat(proxy.requestCount()).as("requests sent for " + status).isEqualTo(1);
        }
    }

    @Test
    void aConnectionDroppedMidUploadIsRetriedWithoutDuplicate() throws Exception {
        interruptedPutRecovers("dropped", proxy -> proxy.dropMidBodyNext(1));
    }

    @Test
    void aLostAnswerIsReconciledWithoutDuplicate() throws Exception {
        interruptedPutRecovers("lost", proxy -> proxy.loseAnswerNext(1));
    }

    /**
     * A put cut off by {@code arm}'s fault fails as RETRY, so the engine's retry layer tries again, reconciling
     * first: exactly one asset results.
     */
    private void interruptedPutRecovers(String name, Consumer<FaultProxy> arm) throws Exception {
        FaultProxy proxy = proxyOrSkip();
        Destination d = closeLater(newDestinationAt(proxy.rewrite(serverUri().orElseThrow())));
        d.capabilities();
        long before = assetCount(d);
        proxy.reset();
        arm.accept(proxy);
        Upload u = upload(name, 11);
        RemoteRef ref = putAsTheEngineDoes(d, u);
        assertThat(waits).as("retries after the put was cut off (" + name + ")").hasSize(1);
        assertThat(proxy.requestCount()).as("requests (the cut-off put, then reconcile or put)").isGreaterThanOrEqualTo(2);
        assertThat(bytesAt(d, ref)).hasValueSatisfying(b -> assertThat(b).isEqualTo(u.image().bytes()));
        assertThat(assetCount(d)).isEqualTo(before + 1);
    }
}
