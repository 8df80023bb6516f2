package io.lumasync.destination.contentful;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Upload;
import io.lumasync.source.NpmConformance;
import io.lumasync.source.NpmConformance.Served;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@link FakeContentful} honest: Contentful's own Content Management API client ({@code contentful-management},
 * pinned in {@code src/test/conformance/contentful}) uploads, creates, processes, publishes, pages, unpublishes and
 * deletes through the fake, parses its errors into Contentful's error names, retries its 429 by the reset header,
 * and reads the asset Lumasync published there.
 */
class ContentfulConformanceTest {
    private static final String IMPORTS = "import type { AssetProps, LocaleProps, CollectionProp, EntityMetaSysProps }"
            + " from 'contentful-management';";
    /** An asset as the CMA sends it: the entity sys without the entry-only contentType the type still asks for. */
    private static final String HELPERS = "type CmaAsset = Omit<AssetProps, 'sys'> & { sys: Omit<EntityMetaSysProps,"
            + " 'contentType'> };";
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

            List<Served> bodies = typed(fake.served());
            assertThat(bodies).extracting(Served::what).anyMatch(w -> w.startsWith("GET /locales"))
                    .anyMatch(w -> w.startsWith("PUT /assets/")).anyMatch(w -> w.startsWith("GET /assets 200"));
            assertThat(NpmConformance.typeCheck(npm, IMPORTS, HELPERS, bodies)).isEmpty();
        }
    }

    @Test
    void theTypeCheckRefusesWhatContentfulWouldNeverSend() throws Exception {
        Path npm = NpmConformance.install("contentful");
        String sys = "{\"type\":\"Asset\",\"id\":\"a\",\"version\":1,\"createdAt\":\"x\",\"updatedAt\":\"x\","
                + "\"space\":{\"sys\":{\"type\":\"Link\",\"linkType\":\"Space\",\"id\":\"s\"}},"
                + "\"environment\":{\"sys\":{\"type\":\"Link\",\"linkType\":\"Environment\",\"id\":\"e\"}}}";
        List<Served> wrong = List.of(
                new Served("asset without a title", "CmaAsset", "{\"sys\":" + sys + ",\"fields\":{\"file\":{}}}"),
                new Served("a collection with a string total", "CollectionProp<LocaleProps>",
                        "{\"sys\":{\"type\":\"Array\"},\"total\":\"2\",\"skip\":0,\"limit\":100,\"items\":[]}"));
        Optional<String> complaints = NpmConformance.typeCheck(npm, IMPORTS, HELPERS, wrong);
        assertThat(complaints).hasValueSatisfying(c -> assertThat(c).contains("'title' is missing")
                .contains("'string' is not assignable to type 'number'"));
    }

    /**
     * The contentful-management type of each JSON answer the fake served; error bodies and uploads are not typed
     * there ({@code UploadProps} asks for a version and updatedAt that Contentful's upload answers do not carry).
     */
    private static List<Served> typed(List<FakeContentful.Served> served) {
        List<Served> out = new ArrayList<>();
        for (FakeContentful.Served s : served) {
            String what = s.request() + " " + s.status();
            if (s.status() / 100 != 2 || s.request().endsWith("/uploads")) {
                continue;
            }
            String type = s.request().startsWith("GET /locales") ? "CollectionProp<LocaleProps>"
                    : s.request().startsWith("GET /assets?") || s.request().equals("GET /assets")
                    ? "CollectionProp<CmaAsset>" : s.request().contains("/assets/") ? "CmaAsset" : null;
            if (type == null) {
                throw new AssertionError("The fake served an answer this check does not know: " + what);
            }
            out.add(new Served(what, type, s.body()));
        }
        return out;
    }
}
