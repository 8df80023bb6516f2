package io.lumasync.source.dropbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.lumasync.auth.TokenStore;
import io.lumasync.source.Listing;
import io.lumasync.source.NpmConformance;
import io.lumasync.source.NpmConformance.Served;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.SourceContract;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@link FakeDropbox} from drifting from Dropbox: Dropbox's own JavaScript SDK drives it (and parses every
 * answer), our source runs against it too, and then every JSON body the fake served, and every
 * {@code Dropbox-API-Result} header, is type-checked against the Stone types the SDK ships (generated from
 * Dropbox's API specification).
 */
class DropboxConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORTS = "import type { files, auth } from 'dropbox';";
    private static final String HELPERS = "type Envelope<T> = { error_summary: string; error: T; "
            + "user_message?: { text: string; locale: string } };";
    /** Endpoint → [type of a 200 body or result header, type of its 409 error]. */
    private static final Map<String, List<String>> TYPES = Map.of(
            "/2/files/list_folder", List.of("files.ListFolderResult", "files.ListFolderError"),
            "/2/files/list_folder/continue", List.of("files.ListFolderResult", "files.ListFolderContinueError"),
            "/2/files/list_folder/get_latest_cursor", List.of("files.ListFolderGetLatestCursorResult", "files.ListFolderError"),
            "/2/files/list_folder/longpoll", List.of("files.ListFolderLongpollResult", "files.ListFolderLongpollError"),
            "/2/files/download", List.of("files.FileMetadata", "files.DownloadError"),
            "/2/files/get_thumbnail_v2", List.of("files.PreviewResult", "files.ThumbnailV2Error"));

    @TempDir
    Path work;
    private DropboxSourceContractTest.DropboxFixture fx;

    @BeforeEach
    void start() {
        fx = new DropboxSourceContractTest.DropboxFixture(work);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void dropboxsOwnClientAndSpecAcceptEverythingTheFakeServes() throws Exception {
        Path npm = NpmConformance.install();
        byte[] jpeg = TestImages.jpeg(1);
        fx.put("Été/Café Noir.jpg", jpeg);
        fx.put("raw/DSC_0001.NEF", TestImages.jpeg(2));
        fx.put("Gone Soon.JPG", TestImages.jpeg(3));
        fx.fake.mkdir("Empty Album");
        var source = fx.source();
        Listing first = source.list(Optional.empty());
        fx.delete("Gone Soon.JPG");
        source.list(first.cursor()); // the changes, as our source reads them

        String result = NpmConformance.node(npm, "dropbox-client.mjs", fx.fake.baseUri().toString(),
                fx.secrets.get(TokenStore.ACCESS).orElseThrow(), "/Photos", first.cursor().orElseThrow());
        JsonNode sdk = JSON.readTree(result);

        assertThat(sdk.path("files").findValuesAsText("name")).containsExactlyInAnyOrder("Café Noir.jpg", "DSC_0001.NEF");
        JsonNode cafe = find(sdk.path("files"), "Café Noir.jpg");
        assertThat(cafe.path("size").asLong()).isEqualTo(jpeg.length);
        assertThat("dropbox:" + cafe.path("content_hash").asText()).isEqualTo(SourceContract.expectedHash("dropbox:", jpeg));
        assertThat(texts(sdk.path("folders"))).contains("/Photos/Empty Album", "/Photos/Été", "/Photos/raw");
        assertThat(texts(sdk.path("latestCursorKeys"))).containsExactly("cursor");
        assertThat(texts(sdk.path("deleted"))).containsExactly("/Photos/Gone Soon.JPG");
        assertThat(sdk.path("longpoll").path("changes").asBoolean()).isTrue();
        assertThat(sdk.path("download").path("bytes").asInt()).isEqualTo(jpeg.length);
        assertThat(sdk.path("thumbnail").path("bytes").asInt()).isPositive();
        assertThat(sdk.path("thumbnail").path("of").asText()).isEqualTo("Café Noir.jpg");
        assertThat(sdk.path("rawThumbnail").path("status").asInt()).isEqualTo(409);
        assertThat(sdk.path("rawThumbnail").path("tag").asText()).isEqualTo("unsupported_extension");
        assertThat(sdk.path("missingDownload").path("summary").asText()).startsWith("path/not_found");
        assertThat(sdk.path("missingFolder").path("summary").asText()).startsWith("path/not_found");

        fx.fake.rateLimitNext(1);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> source.list(Optional.empty())))
                .isInstanceOf(io.lumasync.core.LumasyncException.class);
        fx.fake.expireAccessTokens();
        source.list(Optional.empty()); // a 401 and a refresh: the bodies of these refusals are checked too

        List<Served> served = NpmConformance.served(fx.fake, DropboxConformanceTest::typed);
        assertThat(served).extracting(Served::what).anyMatch(w -> w.startsWith("429"))
                .anyMatch(w -> w.startsWith("401")).anyMatch(w -> w.contains("get_thumbnail_v2"));
        assertThat(NpmConformance.typeCheck(npm, IMPORTS, HELPERS, served)).isEmpty();
    }

    @Test
    void theSpecCheckRefusesWhatDropboxWouldNeverSend() throws Exception {
        Path npm = NpmConformance.install();
        // What the fake once answered get_latest_cursor with, and a file entry with a made-up field.
        List<Served> wrong = List.of(
                new Served("get_latest_cursor", "files.ListFolderGetLatestCursorResult",
                        "{\"entries\":[],\"cursor\":\"AAG1\",\"has_more\":false}"),
                new Served("download", "files.FileMetadata", "{\"name\":\"a.jpg\",\"id\":\"id:1\",\"size\":\"12\","
                        + "\"client_modified\":\"2026-01-01T00:00:00Z\",\"server_modified\":\"2026-01-01T00:00:00Z\","
                        + "\"rev\":\"0123456789\"}"),
                new Served("download error", "Envelope<files.DownloadError>",
                        "{\"error_summary\":\"x\",\"error\":{\".tag\":\"path\",\"path\":{\".tag\":\"unsupported_file\"}}}"));
        Optional<String> complaints = NpmConformance.typeCheck(npm, IMPORTS, HELPERS, wrong);
        assertThat(complaints).hasValueSatisfying(c -> assertThat(c)
                .contains("\"entries\"' does not exist").contains("'string' is not assignable to type 'number'")
                .contains("'\"unsupported_file\"' is not assignable"));
    }

    private static Optional<Served> typed(ServeEvent e) {
        String path = URI.create(e.getRequest().getUrl()).getPath();
        int status = e.getResponse().getStatus();
        String what = status + " " + path;
        if (path.equals(OAuthApiFake.TOKEN_PATH) || status == 400 || status == 404 || status == 500) {
            return Optional.empty(); // OAuth (not in the Stone spec) and plain-text answers
        }
        if (status == 401) {
            return Optional.of(new Served(what, "Envelope<auth.AuthError>", e.getResponse().getBodyAsString()));
        }
        if (status == 429) {
            return Optional.of(new Served(what, "Envelope<auth.RateLimitError>", e.getResponse().getBodyAsString()));
        }
        List<String> types = TYPES.get(path);
        if (types == null) {
            throw new AssertionError("The fake served an endpoint this check does not know: " + what);
        }
        if (status == 409) {
            return Optional.of(new Served(what, "Envelope<" + types.get(1) + ">", e.getResponse().getBodyAsString()));
        }
        boolean content = path.equals("/2/files/download") || path.equals("/2/files/get_thumbnail_v2");
        String json = content ? e.getResponse().getHeaders().getHeader("Dropbox-API-Result").firstValue()
                : e.getResponse().getBodyAsString();
        return Optional.of(new Served(what, types.get(0), json));
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.path("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
