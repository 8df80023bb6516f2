package io.lumasync.destination.s3;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationContract;
import io.lumasync.destination.ReplaceStrategy;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.util.Optional;

/** The destination contract against a real S3-compatible server (S3Proxy on 127.0.0.1). */
class S3DestinationContractTest extends DestinationContract {
    private URI endpoint;

    @BeforeEach
    void server() {
        endpoint = S3TestServer.endpoint();
        S3TestServer.ensureBucket(endpoint);
    }

    @Override
    protected Destination newDestination() {
        return newDestinationAt(endpoint);
    }

    @Override
    protected Destination newDestinationAt(URI url) {
        S3Settings s = S3TestServer.settings(url, S3TestServer.BUCKET);
        return new S3Destination(S3DestinationType.client(s, S3TestServer.secretKey()), s);
    }

    @Override
    protected Optional<Destination> newDestinationWithWrongCredentialsAt(URI url) {
        S3Settings s = S3TestServer.settings(url, S3TestServer.BUCKET);
        return Optional.of(new S3Destination(S3DestinationType.client(s, "not-the-secret-key"), s));
    }

    @Override
    protected Promises promises() {
        return Promises.of(ReplaceStrategy.SAME_ID_SAME_URL).listing().updatingMetadata()
                .refusingAbove(S3TestServer.maxPut());
    }

    @Override
    protected Optional<URI> serverUri() {
        return Optional.of(endpoint);
    }

    @Override
    protected Optional<AssetMetadata> metadataAt(Destination d, RemoteRef ref) throws Exception {
        return ((S3Destination) d).metadata(ref);
    }

    @Override
    protected ErrorBody errorBody(int status) {
        String code = switch (status) {
            case 413 -> "EntityTooLarge";
            case 429 -> "TooManyRequests";
            case 503 -> "SlowDown";
            default -> "InternalError";
        };
        return new ErrorBody("application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                + "</Code><Message>injected</Message></Error>");
    }
}
