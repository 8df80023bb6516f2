package io.lumasync.destination;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A vendor API written from its reference, served by WireMock on 127.0.0.1: one catch-all stub answered by
 * {@link #answer} (the vendor's behaviour), so tests can read WireMock's request journal for request shapes. No
 * OAuth: these vendors take a long-lived token the user pastes.
 */
public abstract class VendorFake implements AutoCloseable {

    /** One answer. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                    json.getBytes(StandardCharsets.UTF_8));
        }

        public Reply with(String header, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(header, value);
            return new Reply(status, h, body);
        }
    }

    protected final WireMockServer server;

    // The transformer calls back into the subclass only when a request arrives, after construction.
    @SuppressWarnings("this-escape")
    protected VendorFake(String name) {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new ResponseDefinitionTransformerV2() {
                    @Override
                    public ResponseDefinition transform(ServeEvent e) {
                        Reply r;
                        try {
                            r = answer(e.getRequest());
                        } catch (RuntimeException ex) {
                            r = Reply.json(500, "{\"error\":\"fake failed: " + ex.getClass().getSimpleName() + "\"}");
                        }
                        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(r.status());
                        r.headers().forEach(b::withHeader);
                        return b.withBody(r.body()).build();
                    }

                    @Override
                    public String getName() {
                        return name;
                    }
                }));
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(500)));
    }

    /** The vendor's answer to one request. Called on WireMock's threads: implementations synchronise. */
    protected abstract Reply answer(Request request);

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public WireMockServer wireMock() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
