package io.lumasync.destination.wordpress;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationContract;
import io.lumasync.http.Http;

import java.net.URI;
import java.util.Optional;

/** The destination contract wired to one of the real WordPress servers of the test set-up. */
abstract class WordPressContract extends DestinationContract {
    private final WordPressTestSite site;

    WordPressContract(WordPressTestSite site) {
        this.site = site;
    }

    @Override
    protected Destination newDestination() {
        return site.destination();
    }

    @Override
    protected Destination newDestinationAt(URI url) {
        return site.destinationAt(url);
    }

    @Override
    protected Optional<Destination> newDestinationWithWrongCredentialsAt(URI url) {
        return Optional.of(new WordPressDestination(new WordPressApi(Http.newClient(), url, site.user(),
                "abcd efgh ijkl mnop qrst uvwx")));
    }

    @Override
    protected Optional<URI> serverUri() {
        return Optional.of(site.url());
    }

    @Override
    protected Optional<AssetMetadata> metadataAt(Destination d, RemoteRef ref) throws Exception {
        return ((WordPressDestination) d).metadata(ref);
    }

    @Override
    protected ErrorBody errorBody(int status) {
        return WordPressTestSite.errorBody(status);
    }
}
