package io.lumasync.destination.contentful;

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
import java.time.Duration;
import java.util.Optional;

/**
 * The destination contract against {@link FakeContentful}, built from the Content Management API reference
 * (https://www.contentful.com/developers/docs/references/content-management-api/ — Uploads, Assets, Asset
 * processing, Publishing, Errors).
 */
class ContentfulDestinationContractTest extends DestinationContract {
    static final String TOKEN = "CFPAT-contract-token";
    private static FakeContentful fake;

    @BeforeAll
    static void start() throws Exception {
        fake = new FakeContentful(TOKEN);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    static ContentfulDestination at(URI base, String token) {
        ContentfulApi api = new ContentfulApi(Http.newClient(), base, base, FakeContentful.SPACE, FakeContentful.ENV,
                token, RateBudget.UNLIMITED, false);
        return new ContentfulDestination(api, "en-US", d -> { }, Duration.ofSeconds(5));
    }

    @Override
    protected Destination newDestination() {
        return at(fake.uri(), TOKEN);
    }

    @Override
    protected Destination newDestinationAt(URI url) {
        return at(url, TOKEN);
    }

    @Override
    protected Optional<Destination> newDestinationWithWrongCredentialsAt(URI url) {
        return Optional.of(at(url, "CFPAT-revoked"));
    }

    @Override
    protected Promises promises() {
        return Promises.of(ReplaceStrategy.SAME_ID_NEW_URL).listing().updatingMetadata();
    }

    @Override
    protected Optional<URI> serverUri() {
        return Optional.of(fake.uri());
    }

    @Override
    protected long assetCount(Destination d) {
        return fake.assetCount();
    }

    @Override
    protected Optional<AssetMetadata> metadataAt(Destination d, RemoteRef ref) throws Exception {
        return ((ContentfulDestination) d).metadata(ref);
    }

    /** Contentful assets keep a title and a description; Lumasync puts the alt text in the description. */
    @Override
    protected AssetMetadata kept(AssetMetadata written) {
        return new AssetMetadata(written.altText(), written.title(), "", "");
    }

    @Override
    protected ErrorBody errorBody(int status) {
        return new ErrorBody(ContentfulApi.MEDIA_TYPE, "{\"sys\":{\"type\":\"Error\",\"id\":\"Injected" + status
                + "\"},\"message\":\"injected " + status + "\",\"requestId\":\"r1\"}");
    }
}
