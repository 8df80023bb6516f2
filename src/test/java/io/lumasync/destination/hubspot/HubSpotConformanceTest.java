package io.lumasync.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.RemoteRef;
import io.lumasync.source.NpmConformance;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.lumasync.destination.TestUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@link FakeHubSpot} honest: HubSpot's own Node client ({@code @hubspot/api-client}, pinned in
 * src/test/conformance/hubspot), whose Files API is generated from HubSpot's OpenAPI description, uploads,
 * reads, searches page by page, replaces and deletes on the fake, deserialising every answer into its models; and
 * the file it made is one our destination finds, as it would at HubSpot.
 */
class HubSpotConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeHubSpot fake = new FakeHubSpot();
    @TempDir
    Path work;

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void hubspotsOwnClientWorksTheFakeAndAgreesWithOurDestination() throws Exception {
        Path npm = NpmConformance.install("hubspot");
        HubSpotDestination d = HubSpotDestinationContractTest.destination(fake.baseUri(), FakeHubSpot.TOKEN, "/Lumasync");
        RemoteRef ours = d.put(upload("ours", ImageFormat.PNG, TestImages.png(1)));
        Path first = Files.write(work.resolve("a.png"), TestImages.png(2));
        Path second = Files.write(work.resolve("b.png"), TestImages.png(3));

        JsonNode out = JSON.readTree(NpmConformance.node(npm, "files-client.mjs", fake.baseUri().toString(),
                FakeHubSpot.TOKEN, first.toString(), second.toString()));
        JsonNode uploaded = out.path("uploaded");
        assertThat(uploaded.path("name").asText()).isEqualTo("sdk-heron");
        assertThat(uploaded.path("size").asInt()).isEqualTo(TestImages.png(2).length);
        assertThat(uploaded.path("access").asText()).isEqualTo("PUBLIC_NOT_INDEXABLE");
        assertThat(out.path("got").path("id").asText()).isEqualTo(uploaded.path("id").asText());
        // one page of one file, then the next: both files of the folder, ours among them
        assertThat(out.path("page1").path("results")).hasSize(1);
        assertThat(out.path("page2").path("results")).hasSize(1);
        assertThat(out.path("page1").path("results").path(0).path("id").asText()).isEqualTo(ours.id());
        assertThat(out.path("replaced").path("id").asText()).isEqualTo(uploaded.path("id").asText());
        assertThat(out.path("replaced").path("url").asText()).isEqualTo(uploaded.path("url").asText());
        assertThat(out.path("replaced").path("size").asInt()).isEqualTo(TestImages.png(3).length);
        assertThat(out.path("missing").path("code").asInt()).isEqualTo(404);
        assertThat(out.path("missing").path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(d.list(1, 10)).extracting(a -> a.ref().id()).containsExactly(ours.id());
    }
}
