package io.lumasync.source;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.lumasync.source.OAuthApiFake.Reply;

import java.util.function.Function;

/**
 * A started WireMock server on 127.0.0.1 whose one catch-all stub is answered by code: the vendor fakes write the
 * vendor's behaviour as a function of the request, and WireMock's journal still records every exchange.
 */
public final class FakeServer {
    private FakeServer() {
    }

    /** {@code answer} is called for every request once the server runs (never during this call). */
    public static WireMockServer start(String name, Function<Request, Reply> answer) {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new ResponseDefinitionTransformerV2() {
                    @Override
                    public ResponseDefinition transform(ServeEvent e) {
                        Reply reply = answer.apply(e.getRequest());
                        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition()
                                .withStatus(reply.status());
                        reply.headers().forEach(b::withHeader);
                        return b.withBody(reply.body()).build();
                    }

                    @Override
                    public String getName() {
                        return name;
                    }
                }));
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(500)));
        return server;
    }
}
