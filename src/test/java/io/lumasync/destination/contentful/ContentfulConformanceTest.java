package io.lumasync.destination.contentful;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@link FakeContentful} honest: Contentful's own Content Management API client ({@code contentful-management},
 * pinned in {@code src/test/conformance/contentful}) uploads, creates, processes, publishes, pages, unpublishes and
 * deletes through the fake, parses its errors into Contentful's error names, retries its 429 by the reset header,
 * and reads the asset Lumasync published there.
 */
class ContentfulConformanceTest {
    @Test
    void contentfulsOwnClientWorksAgainstTheFakeAndReadsWhatLumasyncPublished() throws Exception {
        Path npm = NpmConformance.install("contentful");
        try (FakeContentful fake = new FakeContentful("CFPAT-conformance")) {
            RemoteRef ref = ContentfulDestinationContractTest.at(fake.uri(), "CFPAT-conformance").put(new Upload(
                    TestImages.encoded("heron", ImageFormat.PNG, TestImages.png(1)),
                    new AssetMetadata("A grey heron", "Heron", "", ""), "sync-heron", "src", "heron.png", ""));
            fake.rateLimitNext(1);

            String result = NpmConformance.node(npm, "contentful-client.mjs", "127.0.0.1:" + fake.uri().getPort(),
                    "CFPAT-conformance", FakeContentful.SPACE, FakeContentful.ENV, ref.id());
            JsonNode sdk = new ObjectMapper().readTree(result);

            assertThat(sdk.path("locales").toString()).isEqualTo("[\"en-US\",\"de\"]");
            assertThat(sdk.path("uploadType").asText()).isEqualTo("Upload");
            assertThat(sdk.path("createdVersion").asInt()).isEqualTo(1);
            assertThat(sdk.path("processedUrl").asText()).startsWith("//127.0.0.1:").endsWith("/sdk.png");
            assertThat(sdk.path("published").asBoolean()).isTrue();
            assertThat(sdk.path("page").path("total").asInt()).isEqualTo(2);
            assertThat(sdk.path("page").path("items").asInt()).isEqualTo(1);
            JsonNode ours = sdk.path("lumasync");
            assertThat(ours.path("title").asText()).isEqualTo("Heron");
            assertThat(ours.path("description").asText()).isEqualTo("A grey heron");
            assertThat("http:" + ours.path("url").asText()).isEqualTo(ref.url());
            assertThat(ours.path("published").asBoolean()).isTrue();
            assertThat(sdk.path("stale").path("name").asText()).isEqualTo("VersionMismatch");
            assertThat(sdk.path("missing").path("name").asText()).isEqualTo("NotFound");
            assertThat(sdk.path("badToken").path("name").asText()).isEqualTo("AccessTokenInvalid");
            assertThat(sdk.path("deleted").path("name").asText()).isEqualTo("NotFound");
            assertThat(fake.assetCount()).isEqualTo(1);
        }
    }
}
