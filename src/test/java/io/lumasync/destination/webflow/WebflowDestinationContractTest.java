package io.lumasync.destination.webflow;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationContract;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.http.Http;
import io.lumasync.http.RateBudget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.util.Optional;

/**
 * The destination contract against {@link FakeWebflow}, built from Webflow's Data API v2 reference
 * (https://developers.webflow.com/data/reference — Assets, Collections, Items, Rate limits, Errors).
 */
class WebflowDestinationContractTest extends DestinationContract {
    static final String TOKEN = "wf-contract-token";
    private static FakeWebflow fake;

    @BeforeAll
    static void start() throws Exception {
        fake = new FakeWebflow(TOKEN);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    static WebflowDestination at(URI api, String token) {
        return new WebflowDestination(new WebflowApi(Http.newClient(), api, FakeWebflow.SITE, token,
                RateBudget.UNLIMITED, false), "", false);
    }

    @Override
    protected Destination newDestination() {
        return at(fake.api(), TOKEN);
    }

    @Override
    protected Destination newDestinationAt(URI url) {
        return at(url, TOKEN);
    }

    @Override
    protected Optional<Destination> newDestinationWithWrongCredentialsAt(URI url) {
        return Optional.of(at(url, "wf-revoked"));
    }

    @Override
    protected Promises promises() {
        return Promises.of(ReplaceStrategy.NEW_ASSET_REPOINTED).listing().updatingMetadata();
    }

    @Override
    protected Optional<URI> serverUri() {
        return Optional.of(fake.api());
    }

    @Override
    protected long assetCount(Destination d) {
        return fake.assetCount();
    }

    @Override
    protected Optional<AssetMetadata> metadataAt(Destination d, RemoteRef ref) throws Exception {
        return ((WebflowDestination) d).metadata(ref);
    }

    /** Webflow assets keep a display name and alt text. */
    @Override
    protected AssetMetadata kept(AssetMetadata written) {
        return new AssetMetadata(written.altText(), written.title(), "", "");
    }

    @Override
    protected ErrorBody errorBody(int status) {
        return new ErrorBody("application/json", "{\"code\":\"internal_error\",\"message\":\"injected " + status
                + "\",\"externalReference\":null,\"details\":[]}");
    }
}
