package io.lumasync.destination.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Keeps {@link FakeShopify} honest: Shopify's own Admin API client ({@code @shopify/admin-api-client}, pinned in
 * src/test/conformance/shopify) sends Lumasync's GraphQL documents to the fake and must read every answer as it
 * reads Shopify's: data, cost extensions, a THROTTLED error and an access-denied error. No package on the registry
 * ships the Admin API schema itself, so the documents are checked by the fake's answers, not against a schema.
 */
class ShopifyConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeShopify fake = new FakeShopify(1);
    @TempDir
    Path work;

    @AfterEach
    void stop() {
        fake.close();
    }

    private static ObjectNode request(ArrayNode list, String query) {
        ObjectNode r = list.addObject().put("query", query);
        return r.putObject("variables");
    }

    @Test
    void shopifysOwnClientReadsEveryAnswerTheFakeGivesToLumasyncsDocuments() throws Exception {
        Path npm = NpmConformance.install("shopify");
        ShopifyDestination d = ShopifyDestinationContractTest.destination(fake.baseUri(), FakeShopify.TOKEN);
        RemoteRef ours = d.put(upload("conformance", ImageFormat.PNG, TestImages.png(1)));

        ArrayNode list = JSON.createArrayNode();
        request(list, ShopifyQueries.PROBE);
        request(list, ShopifyQueries.FILE_STATUS).put("id", ours.id());
        request(list, ShopifyQueries.FILES).put("first", 5).put("query", "media_type:IMAGE");
        request(list, ShopifyQueries.STAGED_UPLOADS_CREATE).putArray("input").addObject().put("resource", "IMAGE")
                .put("filename", "sdk.png").put("mimeType", "image/png").put("httpMethod", "POST").put("fileSize", "68");
        request(list, ShopifyQueries.FILE_UPDATE).putArray("files").addObject().put("id", ours.id()).put("alt", "SDK alt");
        request(list, ShopifyQueries.PAGES).put("first", 10);
        request(list, ShopifyQueries.FILE_DELETE).putArray("fileIds").add("gid://shopify/MediaImage/1");
        Path requests = work.resolve("requests.json");
        Files.writeString(requests, list.toString());
        fake.withdrawScope("read_online_store_pages");

        JsonNode out = JSON.readTree(NpmConformance.node(npm, "admin-client.mjs", fake.baseUri().toString(),
                ShopifyApi.API_VERSION, FakeShopify.TOKEN, requests.toString()));
        JsonNode results = out.path("results");
        assertThat(out.path("requests").path(0).path("url").asText())
                .isEqualTo("https://heron-prints.myshopify.com/admin/api/" + ShopifyApi.API_VERSION + "/graphql.json");
        assertThat(results.path(0).path("data").path("shop").path("name").asText()).isEqualTo("Heron Prints");
        assertThat(results.path(0).path("extensions").path("cost").path("throttleStatus").path("restoreRate").asDouble())
                .isPositive();
        assertThat(results.path(1).path("data").path("node").path("id").asText()).isEqualTo(ours.id());
        assertThat(results.path(1).path("data").path("node").path("image").path("url").asText()).isEqualTo(ours.url());
        assertThat(results.path(2).path("data").path("files").path("edges").path(0).path("node").path("id").asText())
                .isEqualTo(ours.id());
        assertThat(results.path(3).path("data").path("stagedUploadsCreate").path("stagedTargets").path(0)
                .path("resourceUrl").asText()).contains("/sdk.png");
        assertThat(results.path(4).path("data").path("fileUpdate").path("files").path(0).path("alt").asText())
                .isEqualTo("SDK alt");
        assertThat(results.path(5).path("errors").path("graphQLErrors").path(0).path("extensions").path("code").asText())
                .isEqualTo("ACCESS_DENIED");
        assertThat(results.path(6).path("data").path("fileDelete").path("userErrors").path(0).path("code").asText())
                .isEqualTo("FILE_DOES_NOT_EXIST");
        assertThat(results).allSatisfy(r -> assertThat(r.path("errors").path("networkStatusCode").asInt(200)).isEqualTo(200));
        // and our own reading of the same store agrees with the client's
        assertThat(d.metadata(ours)).hasValueSatisfying(m -> assertThat(m.altText()).isEqualTo("SDK alt"));
    }

    @Test
    void shopifysOwnClientSeesAThrottledAnswerAsShopifysThrottledError() throws Exception {
        Path npm = NpmConformance.install("shopify");
        fake.bucket(1000, 0.001);
        fake.drain();
        ArrayNode list = JSON.createArrayNode();
        request(list, ShopifyQueries.FILES).put("first", 5);
        Path requests = work.resolve("requests.json");
        Files.writeString(requests, list.toString());
        JsonNode r = JSON.readTree(NpmConformance.node(npm, "admin-client.mjs", fake.baseUri().toString(),
                ShopifyApi.API_VERSION, FakeShopify.TOKEN, requests.toString())).path("results").path(0);
        assertThat(r.path("errors").path("graphQLErrors").path(0).path("extensions").path("code").asText()).isEqualTo("THROTTLED");
        assertThat(r.path("extensions").path("cost").path("throttleStatus").path("currentlyAvailable").asDouble()).isZero();
        assertThat(fake.throttledAnswers()).isEqualTo(1);
    }
}
