package io.lumasync.source.figma;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Listing;
import io.lumasync.source.NpmConformance;
import io.lumasync.source.NpmConformance.Served;
import io.lumasync.source.SignedLinks;
import io.lumasync.source.Source;
import io.lumasync.source.SourceContract;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Keeps {@link FakeFigma} from drifting from Figma: our source lists, renders, previews and meets a 429 and a revoked
 * token against the fake, then every JSON body the fake served is type-checked against the types Figma generates
 * from its OpenAPI description ({@code @figma/rest-api-spec}): GetFileResponse, GetFileNodesResponse,
 * GetImagesResponse and ErrorResponsePayloadWithErrMessage.
 */
class FigmaConformanceTest {
    private static final String IMPORTS = "import type { GetFileResponse, GetFileNodesResponse, GetImagesResponse, "
            + "ErrorResponsePayloadWithErrMessage } from '@figma/rest-api-spec';";

    @TempDir
    Path work;
    private FigmaSourceContractTest.FigmaFixture fx;

    @BeforeEach
    void start() {
        fx = new FigmaSourceContractTest.FigmaFixture(work);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void figmasTypesAcceptEverythingTheFakeServes() throws Exception {
        Path npm = NpmConformance.install("figma");
        fx.fake.put(FigmaSourceContractTest.FILE, "Web", "Hero", TestImages.png(1));
        fx.fake.put(FigmaSourceContractTest.FILE, "Print", "Poster", TestImages.png(2));
        Source s = fx.sourceAt(fx.fake.baseUri(), SourceContract.NO_RETRY);
        Listing l = s.list(Optional.empty());
        try (InputStream in = s.open(l.items().getFirst())) {
            in.readAllBytes();
        }
        s.thumbnail(l.items().getLast(), 128);
        fx.fake.rateLimitNext(3);
        assertThat(catchThrowable(() -> s.list(Optional.empty()))).isInstanceOf(LumasyncException.class);
        fx.fake.revoke();
        assertThat(catchThrowable(() -> s.list(Optional.empty()))).isInstanceOf(LumasyncException.class);

        List<Served> served = new ArrayList<>();
        for (ServeEvent e : fx.fake.wireMock().getAllServeEvents()) {
            typed(e).ifPresent(served::add);
        }
        assertThat(served).extracting(Served::type).contains("GetFileResponse", "GetFileNodesResponse",
                "GetImagesResponse", "ErrorResponsePayloadWithErrMessage");
        assertThat(NpmConformance.typeCheck(npm, IMPORTS, "", served)).isEmpty();
    }

    @Test
    void theTypeCheckRefusesWhatFigmaWouldNeverSend() throws Exception {
        Path npm = NpmConformance.install("figma");
        List<Served> wrong = List.of(
                new Served("version as a number", "GetImagesResponse", "{\"err\":null,\"images\":{\"1:2\":5}}"),
                new Served("error without status", "ErrorResponsePayloadWithErrMessage", "{\"err\":\"Invalid token\"}"));
        assertThat(NpmConformance.typeCheck(npm, IMPORTS, "", wrong)).hasValueSatisfying(c -> assertThat(c)
                .contains("'number' is not assignable").contains("status"));
    }

    private static Optional<Served> typed(ServeEvent e) {
        URI url = URI.create(e.getRequest().getUrl());
        String path = url.getPath();
        int status = e.getResponse().getStatus();
        String what = status + " " + path + " " + url.getRawQuery();
        String body = e.getResponse().getBodyAsString();
        if (path.startsWith(SignedLinks.PREFIX)) {
            return Optional.empty(); // rendered bytes on storage, not the API
        }
        if (status != 200) {
            return Optional.of(new Served(what, "ErrorResponsePayloadWithErrMessage", body));
        }
        if (path.startsWith("/v1/images/")) {
            return Optional.of(new Served(what, "GetImagesResponse", body));
        }
        if (path.startsWith("/v1/files/") && path.endsWith("/nodes")) {
            return Optional.of(new Served(what, "GetFileNodesResponse", body));
        }
        if (path.startsWith("/v1/files/")) {
            return Optional.of(new Served(what, "GetFileResponse", body));
        }
        throw new AssertionError("The fake served an endpoint this check does not know: " + what);
    }
}
