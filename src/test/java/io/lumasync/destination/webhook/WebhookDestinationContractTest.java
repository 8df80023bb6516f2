package io.lumasync.destination.webhook;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationContract;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.http.Http;
import io.lumasync.http.signing.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The destination contract against a real signature-checking receiver on 127.0.0.1 (default JSON body). */
class WebhookDestinationContractTest extends DestinationContract {
    static final String SECRET = WebhookSigner.generateSecret();
    static final long MAX_BYTES = 256 * 1024;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver(SECRET, MAX_BYTES);
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    static WebhookDestination at(URI url, String secret) throws Exception {
        WebhookSettings s = WebhookSettings.from(new AdapterConfig("contract-hook", "webhook", Map.of("url", url.toString())));
        return new WebhookDestination(s, new WebhookSigner(secret), Optional.empty(), Http.newClient());
    }

    @Override
    protected Destination newDestination() throws Exception {
        return at(receiver.uri("/hook"), SECRET);
    }

    @Override
    protected Destination newDestinationAt(URI url) throws Exception {
        return at(url, SECRET);
    }

    @Override
    protected Optional<Destination> newDestinationWithWrongCredentialsAt(URI url) throws Exception {
        return Optional.of(at(url, WebhookSigner.generateSecret()));
    }

    @Override
    protected Promises promises() {
        return Promises.of(ReplaceStrategy.SAME_ID_NEW_URL).updatingMetadata().refusingAbove(MAX_BYTES);
    }

    @Override
    protected Optional<URI> serverUri() {
        return Optional.of(receiver.uri("/hook"));
    }

    @Override
    protected long assetCount(Destination d) {
        return receiver.count();
    }

    @Override
    protected Optional<AssetMetadata> metadataAt(Destination d, RemoteRef ref) {
        return receiver.asset(ref.id()).map(WebhookReceiver.Stored::metadata);
    }

    @Override
    protected ErrorBody errorBody(int status) {
        return new ErrorBody("application/json", "{\"error\":\"injected " + status + "\"}");
    }
}
