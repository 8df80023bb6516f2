package io.lumasync.destination.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.TestUploads;
import io.lumasync.destination.Upload;
import io.lumasync.http.Http;
import io.lumasync.http.WindowBudget;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.lumasync.destination.TestUploads.read;
import static io.lumasync.destination.TestUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What HubSpot adds to the contract: the request shapes of the Files API v3 reference (multipart fields, options
 * JSON, Bearer token), PUT keeping ID and URL even across a format change, the scope error, and pacing by the
 * {@code X-HubSpot-RateLimit-*} headers (developers.hubspot.com/docs/guides/apps/api-usage/usage-details).
 */
class HubSpotDestinationTest {
    private final FakeHubSpot fake = new FakeHubSpot();

    @AfterEach
    void stop() {
        fake.close();
    }

    private HubSpotDestination destination() {
        return HubSpotDestinationContractTest.destination(fake.baseUri(), FakeHubSpot.TOKEN, "/Lumasync/Portfolio");
    }

    @Test
    void anUploadIsOneMultipartPostWithFolderPathNameAndAccessUnderTheBearerToken() throws Exception {
        RemoteRef ref = destination().put(upload("Héron à l'aube", ImageFormat.JPEG, TestImages.jpeg(1)));
        List<LoggedRequest> posts = fake.wireMock().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/files/v3/files")));
        assertThat(posts).hasSize(1);
        LoggedRequest post = posts.get(0);
        assertThat(post.getHeader("Authorization")).isEqualTo("Bearer " + FakeHubSpot.TOKEN);
        assertThat(post.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(post.getPart("folderPath").getBody().asString()).isEqualTo("/Lumasync/Portfolio");
        assertThat(post.getPart("fileName").getBody().asString()).isEqualTo("Heron-a-l-aube");
        assertThat(post.getPart("file").getFileName()).isEqualTo("Heron-a-l-aube.jpg");
        var options = new ObjectMapper().readTree(post.getPart("options").getBody().asString());
        assertThat(options.path("access").asText()).isEqualTo("PUBLIC_NOT_INDEXABLE");
        assertThat(options.path("overwrite").asBoolean(true)).isFalse();
        assertThat(ref.url()).endsWith("/hubfs/" + FakeHubSpot.PORTAL + "/Lumasync/Portfolio/Heron-a-l-aube.jpg");
    }

    @Test
    void replaceIsAPutThatKeepsIdAndAddressEvenWhenTheFormatChanges() throws Exception {
        var d = destination();
        RemoteRef first = d.put(upload("egret", ImageFormat.PNG, TestImages.png(2)));
        RemoteRef jpeg = d.replace(first, upload("egret", ImageFormat.JPEG, TestImages.jpeg(3)));
        assertThat(jpeg).isEqualTo(first);
        assertThat(read(d.download(jpeg))).isEqualTo(TestImages.jpeg(3));
        assertThat(fake.wireMock().findAll(WireMock.putRequestedFor(WireMock.urlEqualTo("/files/v3/files/" + first.id()))))
                .hasSize(1);
        assertThat(fake.fileCount()).isEqualTo(1);
    }

    @Test
    void aSecondFileOfTheSameNameGetsItsOwnAddressAndReconcileTellsThemApartByTheirBytes() throws Exception {
        var d = destination();
        Upload a = upload("ibis", ImageFormat.PNG, TestImages.png(4));
        Upload b = upload("ibis", ImageFormat.PNG, TestImages.png(5));
        RemoteRef ra = d.put(a);
        RemoteRef rb = d.put(b);
        assertThat(rb.url()).isNotEqualTo(ra.url()).endsWith("/ibis-1.png");
        assertThat(d.reconcile(b)).hasValue(rb);
        assertThat(d.reconcile(a)).hasValue(ra);
        assertThat(d.reconcile(upload("ibis", ImageFormat.PNG, TestImages.png(6)))).isEmpty();
    }

    @Test
    void aTokenWithoutTheFilesScopeIsAskedToReconnectNamingTheScope() {
        fake.withdrawScope("files");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> destination().capabilities());
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).contains("'files' scope").contains("reconnect");
    }

    @Test
    void aRevokedTokenAsksToReconnectAndNeverShowsTheToken() {
        var d = HubSpotDestinationContractTest.destination(fake.baseUri(), "pat-na1-00000000-dead", "/Lumasync");
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> d.put(upload("x", ImageFormat.PNG, TestImages.png(7))));
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).contains("Private Apps").doesNotContain("pat-na1");
    }

    @Test
    void whenHubSpotSaysTheWindowIsSpentTheNextRequestWaitsForTheWindowAndA429IsRetriedLater() throws Exception {
        fake.windowMax(3);
        AtomicLong clock = new AtomicLong();
        List<Long> waits = new ArrayList<>();
        WindowBudget budget = new WindowBudget(100, Duration.ofSeconds(10), "X-HubSpot-RateLimit-Remaining", null,
                false, clock::get, n -> {
            waits.add(n);
            clock.addAndGet(n);
        });
        var d = new HubSpotDestination(new HubSpotApi(Http.newClient(), fake.baseUri(), FakeHubSpot.TOKEN, budget,
                false), "/Lumasync", "PRIVATE");
        d.put(upload("one", ImageFormat.PNG, TestImages.png(8)));
        d.put(upload("two", ImageFormat.PNG, TestImages.png(9)));
        d.put(upload("three", ImageFormat.PNG, TestImages.png(10)));
        assertThat(waits).isEmpty();
        // The third answer said 0 remaining: the fourth request waits the 10-second window first.
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> d.put(upload("four", ImageFormat.PNG, TestImages.png(11))));
        assertThat(waits).containsExactly(Duration.ofSeconds(10).toNanos());
        // This fake's window runs on the real clock, so the early request is refused: a retry, not a failure.
        assertThat(e.kind()).isEqualTo(ErrorKind.RETRY);
        assertThat(e.getMessage()).contains("slow down");
        assertThat(fake.refusedForRate()).isEqualTo(1);
    }

    @Test
    void theFolderAndApiAddressAreCheckedWhenSaved() throws Exception {
        var type = new HubSpotDestinationType();
        assertThat(HubSpotDestinationType.folder(new AdapterConfig("h", "hubspot", Map.of("folder", "Lumasync/Web/"))))
                .isEqualTo("/Lumasync/Web");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> type.validate(
                new AdapterConfig("h", "hubspot", Map.of("folder", "/a/../b")), Map.of()));
        assertThat(e.getMessage()).contains("not a folder path");
        LumasyncException plain = catchThrowableOfType(LumasyncException.class, () -> type.validate(
                new AdapterConfig("h", "hubspot", Map.of("api_url", "http://api.example.com")), Map.of()));
        assertThat(plain.getMessage()).contains("unencrypted");
        assertThat(HubSpotDestinationType.apiUri(new AdapterConfig("h", "hubspot", Map.of()))).hasToString("https://api.hubapi.com");
    }

    @Test
    void aFileDeletedInHubSpotIsPublishedAnewWhenItsPhotoChanges() throws Exception {
        TestUploads.aDeletedFileIsPublishedAnew(destination(), fake::fileCount);
    }
}
