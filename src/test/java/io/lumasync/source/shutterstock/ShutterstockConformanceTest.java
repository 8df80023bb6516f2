package io.lumasync.source.shutterstock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.source.NpmConformance;
import io.lumasync.source.SignedLinks;
import io.lumasync.source.SourceContract;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@link FakeShutterstock} from drifting from Shutterstock: Shutterstock's own JavaScript client
 * ({@code shutterstock-api} on npm, generated from its API description) lists the licence history, asks for a
 * licence's download, reads image details and contributor names from the fake and must parse every answer; and the
 * requests our source makes are the ones the client makes.
 */
class ShutterstockConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    private ShutterstockSourceContractTest.ShutterstockFixture fx;

    @BeforeEach
    void start() {
        fx = new ShutterstockSourceContractTest.ShutterstockFixture(work);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void shutterstocksOwnClientReadsTheFakeAndOurSourceAsksWhatItAsks() throws Exception {
        Path npm = NpmConformance.install("shutterstock");
        FakeShutterstock fake = fx.fake;
        String older = fake.addImage("Dunes", TestImages.jpeg(1), List.of("desert"));
        String newer = fake.addImage("Harbour at night", TestImages.jpeg(2), List.of("sea", "night"));
        String forest = fake.addImage("Forest", TestImages.jpeg(3), List.of());
        fake.license(older, TestImages.jpeg(1));
        fake.license(forest, TestImages.jpeg(3));
        String licence = fake.license(newer, TestImages.jpeg(2)); // the newest: first in the history

        JsonNode parsed = JSON.readTree(NpmConformance.node(npm, "shutterstock-client.mjs", fake.baseUri().toString(),
                FakeShutterstock.TOKEN).strip());
        assertThat(parsed.path("total").asInt()).isEqualTo(3);
        assertThat(parsed.path("licenceId").asText()).isEqualTo(licence);
        assertThat(parsed.path("imageId").asText()).isEqualTo(newer);
        assertThat(parsed.path("url").asText()).contains(SignedLinks.PREFIX);
        assertThat(parsed.path("description").asText()).isEqualTo("Harbour at night");
        assertThat(parsed.path("keywords")).extracting(JsonNode::asText).containsExactly("sea", "night");
        assertThat(parsed.path("contributor").asText()).isEqualTo("Kai Berg");
        Set<String> clientAsked = asked(fake);

        fake.wireMock().resetRequests();
        ShutterstockSource s = fx.sourceAt(fake.baseUri(), SourceContract.NO_RETRY);
        try (InputStream in = s.open(s.list(Optional.empty()).items().getFirst())) {
            in.readAllBytes();
        }
        assertThat(asked(fake)).isEqualTo(clientAsked);
    }

    /** Method, path and query parameter names of every API request (licence ids and image ids made generic). */
    private static Set<String> asked(FakeShutterstock fake) {
        Set<String> out = new TreeSet<>();
        fake.wireMock().getAllServeEvents().forEach(e -> {
            String url = e.getRequest().getUrl();
            if (url.startsWith(SignedLinks.PREFIX)) {
                return;
            }
            String path = url.replaceAll("\\?.*", "").replaceAll("/licenses/[^/]+/downloads", "/licenses/{id}/downloads");
            Set<String> params = new TreeSet<>();
            e.getRequest().getQueryParams().keySet().forEach(params::add);
            out.add(e.getRequest().getMethod().getName() + " " + path + " " + params);
        });
        return out;
    }
}
