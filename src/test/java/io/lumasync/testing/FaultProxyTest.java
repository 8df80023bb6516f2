package io.lumasync.testing;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultProxyTest {
    private HttpServer upstream;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + body);
            byte[] answer = ("echo:" + body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("X-Host-Seen", ex.getRequestHeaders().getFirst("Host"));
            ex.sendResponseHeaders(201, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        upstream.start();
    }

    @AfterEach
    void stop() {
        upstream.stop(0);
    }

    private URI upstreamUri() {
        return URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/items?x=1");
    }

    private HttpResponse<String> post(URI uri, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void forwardsUnchangedKeepingTheHostHeader() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(upstreamUri())) {
            URI via = proxy.rewrite(upstreamUri());
            HttpResponse<String> r = post(via, "hello");
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.body()).isEqualTo("echo:hello");
            assertThat(r.headers().firstValue("X-Host-Seen")).hasValue(via.getAuthority());
            assertThat(received).containsExactly("POST /items?x=1 hello");
            assertThat(proxy.requests()).containsExactly("POST /items?x=1");
        }
    }

    @Test
    void cannedErrorsNeverReachTheServerAndStopAfterN() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(upstreamUri())) {
            proxy.failNext(2, 429, Map.of("Retry-After", "3"), "slow down");
            URI via = proxy.rewrite(upstreamUri());
            HttpResponse<String> first = post(via, "a");
            assertThat(first.statusCode()).isEqualTo(429);
            assertThat(first.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(post(via, "b").statusCode()).isEqualTo(429);
            assertThat(post(via, "c").statusCode()).isEqualTo(201);
            assertThat(received).containsExactly("POST /items?x=1 c");
            assertThat(proxy.requestCount()).isEqualTo(3);
        }
    }

    @Test
    void droppedBodyFailsTheClientAndNeverReachesTheServer() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(upstreamUri())) {
            proxy.dropMidBodyNext(1);
            assertThatThrownBy(() -> post(proxy.rewrite(upstreamUri()), "x".repeat(10_000)))
                    .isInstanceOf(IOException.class);
            assertThat(received).isEmpty();
        }
    }

    @Test
    void lostAnswerReachesTheServerButFailsTheClient() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(upstreamUri())) {
            proxy.loseAnswerNext(1);
            assertThatThrownBy(() -> post(proxy.rewrite(upstreamUri()), "kept")).isInstanceOf(IOException.class);
            assertThat(received).containsExactly("POST /items?x=1 kept");
        }
    }

    @Test
    void aDroppedRequestWithoutBodyGetsNoAnswerAndNeverReachesTheServer() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(upstreamUri())) {
            proxy.dropNext(2); // the JDK client sends a GET that got no answer once more by itself
            URI via = proxy.rewrite(upstreamUri());
            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(via).GET().build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            assertThat(received).isEmpty();
            assertThat(client.send(HttpRequest.newBuilder(via).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(201);
        }
    }

    @Test
    void aCutAnswerReachesTheServerButItsBodyEndsEarly() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(upstreamUri())) {
            proxy.cutAnswerNext(1);
            URI via = proxy.rewrite(upstreamUri());
            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(via).GET().build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            assertThat(received).containsExactly("GET /items?x=1 ");
        }
    }
}
