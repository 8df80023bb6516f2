package io.lumasync.destination.shopify;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationContract;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.http.CostBucketBudget;
import io.lumasync.http.Http;
import org.junit.jupiter.api.AfterEach;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The destination contract against {@link FakeShopify} (Admin GraphQL, shopify.dev reference of the pinned version). */
class ShopifyDestinationContractTest extends DestinationContract {
    private final FakeShopify fake = new FakeShopify(2);

    @AfterEach
    void stop() {
        fake.close();
    }

    /** A destination whose bucket waits on a clock of its own, so a 429's pause costs the test no time. */
    static ShopifyDestination destination(URI store, String token) {
        AtomicLong clock = new AtomicLong();
        CostBucketBudget budget = new CostBucketBudget(1000, 50, clock::get, clock::addAndGet);
        return new ShopifyDestination(new ShopifyApi(Http.newClient(), store, token, budget, false), d -> { });
    }

    @Override
    protected Destination newDestination() {
        return destination(fake.baseUri(), FakeShopify.TOKEN);
    }

    @Override
    protected Destination newDestinationAt(URI url) {
        return destination(url, FakeShopify.TOKEN);
    }

    @Override
    protected Optional<Destination> newDestinationWithWrongCredentialsAt(URI url) {
        return Optional.of(destination(url, "shpat_revoked"));
    }

    @Override
    protected Promises promises() {
        return Promises.of(ReplaceStrategy.SAME_ID_SAME_URL).listing().updatingMetadata().rejecting(ImageFormat.AVIF);
    }

    @Override
    protected Optional<URI> serverUri() {
        return Optional.of(fake.baseUri());
    }

    @Override
    protected long assetCount(Destination d) {
        return fake.fileCount();
    }

    @Override
    protected Optional<AssetMetadata> metadataAt(Destination d, RemoteRef ref) throws Exception {
        return ((ShopifyDestination) d).metadata(ref);
    }

    @Override
    protected AssetMetadata kept(AssetMetadata m) {
        return AssetMetadata.EMPTY.withAltText(m.altText());
    }

    @Override
    protected ErrorBody errorBody(int status) {
        return new ErrorBody("application/json", status == 429 ? "{\"errors\":\"Exceeded 2 calls per second for api client.\"}"
                : "{\"errors\":\"Internal Server Error\"}");
    }
}
