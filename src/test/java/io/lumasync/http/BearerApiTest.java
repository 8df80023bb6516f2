package io.lumasync.http;

import com.sun.net.httpserver.HttpServer;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The token goes only to the API's own origin and never in clear to another machine; every call is paced. */
class BearerApiTest {
    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            try (x) {
                authorizations.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("X-Remaining", "0");
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Counts what the budget is asked and told. */
    private static final class Recording implements RateBudget {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void acquire(double cost) {
            events.add("acquire");
        }

        @Override
        public void observe(int status, HttpHeaders headers) {
            events.add("observe " + status + " " + headers.firstValue("X-Remaining").orElse(""));
        }
    }

    @Test
    void everyCallWithTheTokenIsPacedAndTheBudgetSeesTheAnswer() throws Exception {
        Recording budget = new Recording();
        BearerApi api = new BearerApi(java.net.http.HttpClient.newHttpClient(), base(), "s3cret", budget, false, "the API");
        BearerApi.Answer a = api.send(HttpRequest.newBuilder(base().resolve("/x")).GET(), "read x");
        assertThat(a.json().path("ok").asBoolean()).isTrue();
        assertThat(budget.events).containsExactly("acquire", "observe 200 0");
        assertThat(authorizations).containsExactly("Bearer s3cret");

        api.sendAnonymous(HttpRequest.newBuilder(base().resolve("/form")).GET(), "send a form");
        assertThat(authorizations).as("a pre-signed form goes without the token").endsWith("null");
    }

    @Test
    void theTokenGoesNowhereButTheApisOwnOrigin() {
        BearerApi api = new BearerApi(java.net.http.HttpClient.newHttpClient(), base(), "s3cret", RateBudget.UNLIMITED,
                false, "the API");
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getAddress().getPort()
                        + "/x")).GET(), "read x"));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("not its own address").doesNotContain("s3cret");
        assertThat(authorizations).isEmpty();
    }

    @Test
    void theTokenIsNotSentInClearToAnotherMachine() {
        URI remote = URI.create("http://192.0.2.10:8080");
        BearerApi api = new BearerApi(java.net.http.HttpClient.newHttpClient(), remote, "s3cret", RateBudget.UNLIMITED,
                false, "the API");
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> api.send(HttpRequest.newBuilder(remote.resolve("/x")).GET(), "read x"));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("unencrypted").doesNotContain("s3cret");
    }
}
