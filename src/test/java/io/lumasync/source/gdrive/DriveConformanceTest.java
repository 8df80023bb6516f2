package io.lumasync.source.gdrive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Listing;
import io.lumasync.source.NpmConformance;
import io.lumasync.source.NpmConformance.Served;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Keeps {@link FakeDrive} from drifting from Drive: our source runs a full listing, the changes feed, downloads,
 * thumbnails and the usual refusals against it, then every JSON body it served is type-checked against the Drive v3
 * schemas that Google's {@code @googleapis/drive} client ships. Error bodies are checked against Google's documented
 * JSON error format (the schemas do not describe errors).
 */
class DriveConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORTS = "import type { drive_v3 } from '@googleapis/drive';";
    private static final String HELPERS = "type GoogleError = { error: { code: number; message: string; "
            + "status?: string; details?: unknown[]; errors?: { domain: string; reason: string; message: string; "
            + "location?: string; locationType?: string; extendedHelp?: string; sendReport?: string }[] } };";

    @TempDir
    Path work;
    private DriveSourceContractTest.DriveFixture fx;

    @BeforeEach
    void start() {
        fx = new DriveSourceContractTest.DriveFixture(work);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void driveSchemasAcceptEverythingTheFakeServes() throws Exception {
        Path npm = NpmConformance.install();
        fx.fake.put("a.jpg", TestImages.jpeg(1));
        fx.fake.put("album/b.jpg", TestImages.jpeg(2));
        fx.fake.put("album/deeper/c.png", new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        fx.fake.put("Notes", new byte[]{1}, "application/vnd.google-apps.document");
        Source s = fx.source();
        Listing first = s.list(Optional.empty());
        fx.fake.trash("album/b.jpg");
        fx.fake.delete("a.jpg");
        fx.fake.put("album/new.jpg", TestImages.jpeg(3));
        s.list(first.cursor());
        SourceItem png = first.items().stream().filter(i -> i.name().equals("c.png")).findFirst().orElseThrow();
        try (InputStream in = s.open(png)) {
            in.readAllBytes();
        }
        s.thumbnail(png, 256);
        SourceItem gone = first.items().stream().filter(i -> i.name().equals("a.jpg")).findFirst().orElseThrow();
        assertThat(catchThrowable(() -> s.open(gone))).isInstanceOf(LumasyncException.class);
        fx.fake.refuseNext(403, "userRateLimitExceeded", "User Rate Limit Exceeded");
        assertThat(catchThrowable(() -> s.list(Optional.empty()))).isInstanceOf(LumasyncException.class);
        fx.fake.rateLimitNext(1);
        assertThat(catchThrowable(() -> s.list(Optional.empty()))).isInstanceOf(LumasyncException.class);
        fx.fake.expireAccessTokens();
        s.list(Optional.of("not-a-token")); // a 401, a refresh, a refused page token, then a full listing

        List<Served> served = NpmConformance.served(fx.fake, DriveConformanceTest::typed);
        assertThat(served).extracting(Served::what).anyMatch(w -> w.startsWith("200 /drive/v3/changes "))
                .anyMatch(w -> w.startsWith("200 /drive/v3/files "))
                .anyMatch(w -> w.startsWith("401")).anyMatch(w -> w.startsWith("404")).anyMatch(w -> w.startsWith("429"));
        // Rate and quota refusals come from the usageLimits domain, as Drive's do.
        assertThat(served).filteredOn(b -> b.what().startsWith("429") || b.what().startsWith("403"))
                .allSatisfy(b -> assertThat(JSON.readTree(b.json()).at("/error/errors/0/domain").asText())
                        .isEqualTo("usageLimits"));
        assertThat(NpmConformance.typeCheck(npm, IMPORTS, HELPERS, served)).isEmpty();
    }

    @Test
    void theSchemaCheckRefusesWhatDriveWouldNeverSend() throws Exception {
        Path npm = NpmConformance.install();
        List<Served> wrong = List.of(
                new Served("size as a number", "drive_v3.Schema$FileList",
                        "{\"kind\":\"drive#fileList\",\"files\":[{\"id\":\"1\",\"size\":12}]}"),
                new Served("unknown field", "drive_v3.Schema$ChangeList",
                        "{\"kind\":\"drive#changeList\",\"changes\":[],\"nextToken\":\"2\"}"));
        assertThat(NpmConformance.typeCheck(npm, IMPORTS, HELPERS, wrong)).hasValueSatisfying(c -> assertThat(c)
                .contains("'number' is not assignable to type 'string'").contains("nextToken"));
    }

    private static Optional<Served> typed(ServeEvent e) {
        URI url = URI.create(e.getRequest().getUrl());
        String path = url.getPath();
        int status = e.getResponse().getStatus();
        String what = status + " " + path + " " + url.getRawQuery();
        String body = e.getResponse().getBodyAsString();
        if (path.equals(OAuthApiFake.TOKEN_PATH)) {
            return Optional.empty(); // OAuth, not the Drive API
        }
        if (status != 200) {
            return Optional.of(new Served(what, "GoogleError", body));
        }
        if (url.getRawQuery() != null && url.getRawQuery().contains("alt=media")) {
            return Optional.empty(); // the file's bytes
        }
        String type = switch (path) {
            case "/drive/v3/files" -> "drive_v3.Schema$FileList";
            case "/drive/v3/changes" -> "drive_v3.Schema$ChangeList";
            case "/drive/v3/changes/startPageToken" -> "drive_v3.Schema$StartPageToken";
            default -> path.startsWith("/drive/v3/files/") ? "drive_v3.Schema$File" : null;
        };
        if (type == null) {
            throw new AssertionError("The fake served an endpoint this check does not know: " + what);
        }
        return Optional.of(new Served(what, type, body));
    }
}
