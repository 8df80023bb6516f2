package io.lumasync.destination.shopify;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.TestUploads;
import io.lumasync.core.Retrier;
import io.lumasync.core.RetryPolicy;
import io.lumasync.http.CostBucketBudget;
import io.lumasync.http.Http;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.lumasync.destination.TestUploads.read;
import static io.lumasync.destination.TestUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What Shopify adds to the contract: the async processing states, replace keeping the URL only for the same
 * format (shopify.dev changelog "Update bytes in-place using fileUpdate", FileUpdateInput: the filename's extension
 * must match), the cost bucket (docs/api/usage/limits) and the access scopes the app needs.
 */
class ShopifyDestinationTest {
    private final FakeShopify fake = new FakeShopify(3);

    @AfterEach
    void stop() {
        fake.close();
    }

    private ShopifyDestination destination() {
        return ShopifyDestinationContractTest.destination(fake.baseUri(), FakeShopify.TOKEN);
    }

    @Test
    void aPutWaitsThroughProcessingAndAnswersWithTheReadyFilesAddressAndAltText() throws Exception {
        var d = destination();
        RemoteRef ref = d.put(upload("heron", ImageFormat.PNG, TestImages.png(1)));
        assertThat(ref.id()).startsWith("gid://shopify/MediaImage/");
        assertThat(ref.url()).contains("/cdn/shop/files/heron.png?v=1");
        assertThat(fake.file(ref.id()).status).isEqualTo("READY");
        assertThat(fake.file(ref.id()).alt).isEqualTo("A heron");
        assertThat(read(d.download(ref))).isEqualTo(TestImages.png(1));
    }

    @Test
    void everyGraphqlCallCarriesTheTokenAndThePinnedVersionButTheStorageUploadDoesNot() throws Exception {
        destination().put(upload("shape", ImageFormat.JPEG, TestImages.jpeg(2)));
        List<LoggedRequest> api = fake.wireMock().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(fake.apiPath())));
        assertThat(api).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getHeader("X-Shopify-Access-Token")).isEqualTo(FakeShopify.TOKEN);
            assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        });
        List<LoggedRequest> storage = fake.wireMock().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/staged-uploads")));
        assertThat(storage).hasSize(1);
        assertThat(storage.get(0).containsHeader("X-Shopify-Access-Token")).isFalse();
    }

    @Test
    void aFileShopifyCannotProcessFailsWithItsReasonAndGivesUp() {
        byte[] notAnImage = "this is no png at all, only text".getBytes();
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> destination().put(upload("broken", ImageFormat.PNG, notAnImage)));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("could not process broken.png").contains("not a supported image");
    }

    @Test
    void replacingWithTheSameFormatKeepsIdAndAddressAndAFormatChangeSaysWhichPagesLinkTheOldOne() throws Exception {
        var d = destination();
        RemoteRef first = d.put(upload("kingfisher", ImageFormat.PNG, TestImages.png(3)));
        RemoteRef same = d.replace(first, upload("kingfisher", ImageFormat.PNG, TestImages.png(4)));
        assertThat(same.id()).isEqualTo(first.id());
        assertThat(same.url()).startsWith(first.url().substring(0, first.url().indexOf('?')) + "?v=2");
        assertThat(read(d.download(same))).isEqualTo(TestImages.png(4));

        fake.addPage("Journal", "<p><img src=\"" + same.url() + "\" alt=\"\"></p>");
        fake.addPage("About us", "<p>No images here.</p>");
        RemoteRef jpeg = d.replace(same, upload("kingfisher", ImageFormat.JPEG, TestImages.jpeg(5)));
        assertThat(jpeg.id()).isEqualTo(first.id());
        assertThat(jpeg.url()).contains("kingfisher.jpg").doesNotContain("kingfisher.png");
        assertThat(read(d.download(jpeg))).isEqualTo(TestImages.jpeg(5));
        assertThat(d.referencesTo(same.url())).containsExactly("page 'Journal'");
        assertThat(fake.fileCount()).isEqualTo(1);
    }

    @Test
    void aThrottledAnswerIsRetriedAfterTheTimeTheBucketNeedsAndThenGoesThrough() throws Exception {
        // A real clock: after the throttled answer the bucket paces every later call of the put.
        var d = new ShopifyDestination(new ShopifyApi(Http.newClient(), fake.baseUri(), FakeShopify.TOKEN,
                new CostBucketBudget(1000, 50), false), p -> { });
        d.capabilities();
        fake.bucket(1000, 50);
        fake.drain();
        List<Duration> waits = new CopyOnWriteArrayList<>();
        Retrier retrier = new Retrier(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMinutes(2)),
                w -> {
                    waits.add(w);
                    Thread.sleep(w);
                });
        RemoteRef ref = retrier.call(() -> d.put(upload("throttled", ImageFormat.PNG, TestImages.png(6))));
        assertThat(fake.throttledAnswers()).isEqualTo(1);
        // at most 10 points at 50 a second, counted from the bucket's state in the throttled answer
        assertThat(waits).singleElement().satisfies(w -> assertThat(w).isPositive().isLessThanOrEqualTo(Duration.ofMillis(200)));
        assertThat(fake.file(ref.id()).status).isEqualTo("READY");
    }

    @Test
    void theBucketPacesRequestsSoAShopWithASmallBudgetIsNeverThrottled() throws Exception {
        fake.bucket(40, 400);
        var budget = new CostBucketBudget(1000, 50);
        var d = new ShopifyDestination(new ShopifyApi(Http.newClient(), fake.baseUri(), FakeShopify.TOKEN, budget, false),
                p -> { });
        d.capabilities();
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            d.put(upload("paced" + i, ImageFormat.PNG, TestImages.png(10 + i)));
        }
        assertThat(fake.throttledAnswers()).as("THROTTLED answers").isZero();
        assertThat(fake.fileCount()).isEqualTo(4);
        // ~4 × 29 points at 400 a second from a bucket of 40: paced, not instant
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(100));
    }

    @Test
    void anAppWithoutTheFilesScopesIsAskedToReconnectNamingTheScope() {
        fake.withdrawScope("write_files");
        fake.withdrawScope("read_files");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> destination().capabilities());
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).contains("write_files").contains("reconnect");
    }

    @Test
    void aPageScopeMissingOnlyLeavesTheLinkingPagesUnknown() {
        fake.withdrawScope("read_online_store_pages");
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> destination().referencesTo("https://cdn.shopify.com/s/files/1/heron.png?v=1"));
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).contains("read_online_store_pages");
    }

    @Test
    void theStoreAddressIsReadFromWhatShopOwnersType() throws Exception {
        assertThat(ShopifyDestinationType.storeUri("heron-prints")).hasToString("https://heron-prints.myshopify.com");
        assertThat(ShopifyDestinationType.storeUri(" Heron-Prints.myshopify.com/ ")).hasToString("https://heron-prints.myshopify.com");
        assertThat(ShopifyDestinationType.storeUri("https://admin.shopify.com/store/heron-prints/content/files"))
                .hasToString("https://heron-prints.myshopify.com");
        assertThat(ShopifyDestinationType.storeUri("http://127.0.0.1:8123")).hasToString("http://127.0.0.1:8123");
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> ShopifyDestinationType.storeUri("www.heronprints.com"));
        assertThat(e.getMessage()).contains("myshopify.com");
    }

    @Test
    void aFileDeletedInShopifyIsPublishedAnewWhenItsPhotoChanges() throws Exception {
        TestUploads.aDeletedFileIsPublishedAnew(destination(), fake::fileCount);
    }
}
