package io.lumasync.destination.hubspot;

import io.lumasync.core.ImageFormat;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationContract;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.http.Http;
import io.lumasync.http.WindowBudget;
import org.junit.jupiter.api.AfterEach;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The destination contract against {@link FakeHubSpot} (Files API v3 reference on developers.hubspot.com). */
class HubSpotDestinationContractTest extends DestinationContract {
    private final FakeHubSpot fake = new FakeHubSpot();

    @AfterEach
    void stop() {
        fake.close();
    }

    /** A destination whose window waits on a clock of its own, so a 429's pause costs the test no time. */
    static HubSpotDestination destination(URI api, String token, String folder) {
        AtomicLong clock = new AtomicLong();
        WindowBudget budget = new WindowBudget(100, Duration.ofSeconds(10), "X-HubSpot-RateLimit-Remaining", null,
                false, clock::get, clock::addAndGet);
        return new HubSpotDestination(new HubSpotApi(Http.newClient(), api, token, budget, false), folder,
                "PUBLIC_NOT_INDEXABLE");
    }

    @Override
    protected Destination newDestination() {
        return destination(fake.baseUri(), FakeHubSpot.TOKEN, "/Lumasync");
    }

    @Override
    protected Destination newDestinationAt(URI url) {
        return destination(url, FakeHubSpot.TOKEN, "/Lumasync");
    }

    @Override
    protected Optional<Destination> newDestinationWithWrongCredentialsAt(URI url) {
        return Optional.of(destination(url, "pat-na1-revoked", "/Lumasync"));
    }

    @Override
    protected Promises promises() {
        return Promises.of(ReplaceStrategy.SAME_ID_SAME_URL).listing().rejecting(ImageFormat.AVIF);
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
    protected ErrorBody errorBody(int status) {
        return new ErrorBody("application/json;charset=utf-8", status == 429
                ? "{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling limit.\","
                + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"c0ffee\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}"
                : "{\"status\":\"error\",\"message\":\"internal error\",\"correlationId\":\"c0ffee\",\"category\":"
                + (status == 413 ? "\"VALIDATION_ERROR\"" : "\"INTERNAL_ERROR\"") + "}");
    }
}
