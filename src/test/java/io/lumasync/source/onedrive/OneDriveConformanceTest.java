package io.lumasync.source.onedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.lumasync.auth.TokenStore;
import io.lumasync.source.Listing;
import io.lumasync.source.NpmConformance;
import io.lumasync.source.NpmConformance.Served;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.Source;
import io.lumasync.source.SourceContract;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Keeps {@link FakeGraph} from drifting from Microsoft Graph: Microsoft's own JavaScript client
 * ({@code @microsoft/microsoft-graph-client}: PageIterator over delta pages, its redirect handler on
 * {@code /content}, its GraphError for refusals) drives it, our source runs against it too, and every JSON body the
 * fake served is type-checked against the Graph types Microsoft generates from the v1.0 metadata
 * ({@code @microsoft/microsoft-graph-types}: DriveItem, ThumbnailSet).
 */
class OneDriveConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORTS = "import type { DriveItem, ThumbnailSet } from '@microsoft/microsoft-graph-types';";
    private static final String HELPERS = "type Item = DriveItem & { '@microsoft.graph.downloadUrl'?: string };\n"
            + "type DeltaPage = { '@odata.context': string; '@odata.nextLink'?: string; '@odata.deltaLink'?: string; "
            + "value: Item[] };\n"
            + "type Thumbnails = { value: ThumbnailSet[] };\n"
            + "type GraphError = { error: { code: string; message: string; innerError: { date: string; "
            + "'request-id': string; 'client-request-id': string } } };";

    @TempDir
    Path work;
    private OneDriveSourceContractTest.GraphFixture fx;

    @BeforeEach
    void start() {
        fx = new OneDriveSourceContractTest.GraphFixture(work, "personal");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void microsoftsOwnClientAndTypesAcceptEverythingTheFakeServes() throws Exception {
        Path npm = NpmConformance.install("msgraph");
        byte[] jpeg = TestImages.jpeg(1);
        fx.put("Été/Café Noir.jpg", jpeg);
        fx.put("raw/DSC_0001.NEF", TestImages.jpeg(2));
        fx.put("Gone Soon.JPG", TestImages.jpeg(3));
        Source source = fx.source();
        Listing first = source.list(Optional.empty());
        fx.delete("Gone Soon.JPG");
        source.list(first.cursor()); // the changes, as our source reads them
        String cursor = first.cursor().orElseThrow();
        String expired = cursor.replaceFirst("token=\\d+\\.", "token=0.");

        JsonNode sdk = JSON.readTree(NpmConformance.node(npm, "graph-client.mjs", fx.fake.baseUri().toString(),
                fx.secrets.get(TokenStore.ACCESS).orElseThrow(), cursor, expired));

        assertThat(sdk.path("folder").path("isFolder").asBoolean()).isTrue();
        assertThat(sdk.path("folder").path("driveType").asText()).isEqualTo("personal");
        assertThat(sdk.path("deltaLinkFromIterator").asBoolean()).isTrue();
        assertThat(sdk.path("items").findValuesAsText("name"))
                .contains("Photos", "Été", "Café Noir.jpg", "raw", "DSC_0001.NEF").doesNotContain("Gone Soon.JPG");
        JsonNode cafe = NpmConformance.named(sdk.path("items"), "Café Noir.jpg");
        assertThat(cafe.path("size").asLong()).isEqualTo(jpeg.length);
        assertThat("quickxor:" + HexFormat.of().formatHex(Base64.getDecoder().decode(cafe.path("quickXorHash").asText())))
                .isEqualTo(SourceContract.expectedHash("quickxor:", jpeg));
        assertThat(sdk.path("changes").findValuesAsText("deleted")).containsExactly("true");
        assertThat(sdk.path("downloadUrl").asBoolean()).isTrue();
        assertThat(sdk.path("content").path("bytes").asInt()).as("/content followed to the download URL")
                .isEqualTo(jpeg.length);
        assertThat(NpmConformance.texts(sdk.path("thumbnailSizes"))).containsExactly("large", "medium", "small");
        assertThat(sdk.path("missing").path("statusCode").asInt()).isEqualTo(404);
        assertThat(sdk.path("missing").path("code").asText()).isEqualTo("itemNotFound");
        assertThat(sdk.path("expired").path("statusCode").asInt()).isEqualTo(410);
        assertThat(sdk.path("expired").path("code").asText()).isEqualTo("resyncRequired");

        fx.fake.rateLimitNext(1);
        assertThat(catchThrowable(() -> source.list(Optional.empty()))).isInstanceOf(io.lumasync.core.LumasyncException.class);
        fx.fake.expireAccessTokens();
        source.list(Optional.empty()); // a 401 and a refresh: the bodies of these refusals are checked too

        List<Served> served = NpmConformance.served(fx.fake, OneDriveConformanceTest::typed);
        assertThat(served).extracting(Served::what).anyMatch(w -> w.startsWith("429"))
                .anyMatch(w -> w.startsWith("401")).anyMatch(w -> w.startsWith("410"))
                .anyMatch(w -> w.endsWith("/thumbnails"));
        assertThat(NpmConformance.typeCheck(npm, IMPORTS, HELPERS, served)).isEmpty();
    }

    @Test
    void theTypeCheckRefusesWhatGraphWouldNeverSend() throws Exception {
        Path npm = NpmConformance.install("msgraph");
        List<Served> wrong = List.of(
                new Served("size as text", "Item", "{\"id\":\"1\",\"name\":\"a.jpg\",\"size\":\"12\"}"),
                new Served("hashes misspelt", "Item", "{\"id\":\"1\",\"file\":{\"hashes\":{\"quickXor\":\"AA==\"}}}"),
                new Served("page without value", "DeltaPage", "{\"@odata.context\":\"x\",\"items\":[]}"));
        assertThat(NpmConformance.typeCheck(npm, IMPORTS, HELPERS, wrong)).hasValueSatisfying(c -> assertThat(c)
                .contains("'string' is not assignable to type 'number'").contains("quickXor\"' does not exist in type 'Hashes'")
                .contains("items\"' does not exist in type 'DeltaPage'"));
    }

    private static Optional<Served> typed(ServeEvent e) {
        String path = URI.create(e.getRequest().getUrl()).getPath();
        int status = e.getResponse().getStatus();
        String what = status + " " + path;
        String body = e.getResponse().getBodyAsString();
        if (path.equals(OAuthApiFake.TOKEN_PATH) || path.startsWith("/download/") || path.startsWith("/thumbs/")
                || status == 302 || status == 500) {
            return Optional.empty(); // OAuth (not Graph), bytes, redirects
        }
        if (status >= 400) {
            return Optional.of(new Served(what, "GraphError", body));
        }
        if (path.endsWith("/delta")) {
            return Optional.of(new Served(what, "DeltaPage", body));
        }
        if (path.endsWith("/thumbnails")) {
            return Optional.of(new Served(what, "Thumbnails", body));
        }
        return Optional.of(new Served(what, "Item", body));
    }
}
