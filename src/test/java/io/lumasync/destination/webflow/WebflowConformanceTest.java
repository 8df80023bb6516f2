package io.lumasync.destination.webflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Upload;
import io.lumasync.source.NpmConformance;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@link FakeWebflow} honest: Webflow's own Data API v2 client ({@code webflow-api}, pinned in
 * {@code src/test/conformance/webflow}) reads the site, creates and uploads an asset through the pre-signed form
 * (its own multipart), renames, lists, reads collections and items, updates and publishes an item, deletes, and
 * parses the fake's 429, 404 and 401, and reads the asset Lumasync published. The client parses answers leniently,
 * so each answer is also checked strictly with the package's serializers, generated from Webflow's API definition.
 */
class WebflowConformanceTest {
    @Test
    void webflowsOwnClientWorksAgainstTheFakeAndReadsWhatLumasyncPublished() throws Exception {
        Path npm = NpmConformance.install("webflow");
        try (FakeWebflow fake = new FakeWebflow("wf-conformance")) {
            RemoteRef ref = WebflowDestinationContractTest.at(fake.api(), "wf-conformance").put(new Upload(
                    TestImages.encoded("heron", ImageFormat.PNG, TestImages.png(1)),
                    new AssetMetadata("A grey heron", "Heron", "", ""), "sync-heron", "src", "heron.png", ""));
            String posts = fake.addCollection("blog-posts", Map.of("hero", "Image"));
            String post = fake.addItem(posts, "Heron post", "hero", ref.id());
            fake.rateLimitNext(1);

            String result = NpmConformance.node(npm, "webflow-client.mjs", fake.api().toString(), "wf-conformance",
                    FakeWebflow.SITE, posts, ref.id());
            JsonNode sdk = new ObjectMapper().readTree(result);

            assertThat(sdk.path("rateLimited").path("status").asInt()).isEqualTo(429);
            assertThat(sdk.path("site").asText()).isEqualTo("Heron Photography");
            assertThat(sdk.path("created").path("hasUpload").asBoolean()).isTrue();
            assertThat(sdk.path("asset").path("size").asInt()).as("the SDK's form upload arrived")
                    .isEqualTo("conformance bytes".length());
            assertThat(sdk.path("asset").path("name").asText()).isEqualTo("sdk.png");
            assertThat(sdk.path("renamed").asText()).isEqualTo("Made by the SDK");
            assertThat(sdk.path("list").path("count").asInt()).isEqualTo(2);
            assertThat(sdk.path("list").path("total").asInt()).isEqualTo(2);
            JsonNode ours = sdk.path("lumasync");
            assertThat(ours.path("altText").asText()).isEqualTo("A grey heron");
            assertThat(ours.path("displayName").asText()).isEqualTo("Heron");
            assertThat(ours.path("hostedUrl").asText()).isEqualTo(ref.url());
            assertThat(ours.path("size").asInt()).isEqualTo(TestImages.png(1).length);
            assertThat(sdk.path("collections").toString()).isEqualTo("[\"blog-posts\"]");
            assertThat(sdk.path("fields").toString()).isEqualTo("[\"hero:Image\"]");
            assertThat(sdk.path("items").get(0).path("id").asText()).isEqualTo(post);
            assertThat(sdk.path("items").get(0).path("hero").asText()).isEqualTo(ref.id());
            assertThat(sdk.path("updatedHero").asText()).isEqualTo(sdk.path("created").path("id").asText());
            assertThat(sdk.path("publish").path("publishedItemIds").get(0).asText()).isEqualTo(post);
            assertThat(sdk.path("missing").path("status").asInt()).isEqualTo(404);
            assertThat(sdk.path("badToken").path("status").asInt()).isEqualTo(401);
            assertThat(sdk.path("deleted").path("status").asInt()).isEqualTo(404);
            assertThat(sdk.path("strict").toString()).as("answers checked strictly against the API definition")
                    .isEqualTo("[]");
            assertThat(sdk.path("strictRefuses").asBoolean()).as("the strict check refuses a wrong answer").isTrue();
            assertThat(fake.assetCount()).isEqualTo(1);
        }
    }
}
