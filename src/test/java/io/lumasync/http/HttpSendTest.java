package io.lumasync.http;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials never ride a redirect to another origin, and a signed POST is not redirected at all. */
class HttpSendTest {

    @Test
    void aRedirectToAnotherOriginLosesTheCredentialsButKeepsTheUserAgent() throws Exception {
        List<String> seenByOther = new CopyOnWriteArrayList<>();
        try (HostileServer api = new HostileServer(); HostileServer other = new HostileServer()) {
            other.handle("/file", ex -> {
                seenByOther.add("auth=" + ex.getRequestHeaders().getFirst("Authorization")
                        + " key=" + ex.getRequestHeaders().getFirst("X-Api-Key")
                        + " ua=" + ex.getRequestHeaders().getFirst("User-Agent"));
                ex.sendResponseHeaders(200, 2);
                ex.getResponseBody().write("ok".getBytes());
                ex.close();
            });
            URI target = other.uri("/file");
            api.handle("/download", ex -> {
                ex.getResponseHeaders().add("Location", target.toString());
                ex.sendResponseHeaders(302, -1);
                ex.close();
            });
            HttpResponse<String> r = Http.send(Http.newClient(), HttpRequest.newBuilder(api.uri("/download"))
                    .header("Authorization", "Bearer s3cr3t").header("X-Api-Key", "k3y")
                    .header("User-Agent", Http.USER_AGENT).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("ok");
        }
        assertThat(seenByOther).containsExactly("auth=null key=null ua=" + Http.USER_AGENT);
    }

    @Test
    void aRedirectWithinTheSameOriginKeepsTheCredentials() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (HostileServer api = new HostileServer()) {
            api.handle("/moved", ex -> {
                ex.getResponseHeaders().add("Location", "/here");
                ex.sendResponseHeaders(301, -1);
                ex.close();
            });
            api.handle("/here", ex -> {
                seen.add(ex.getRequestHeaders().getFirst("Authorization"));
                ex.sendResponseHeaders(204, -1);
                ex.close();
            });
            Http.send(Http.newClient(), HttpRequest.newBuilder(api.uri("/moved")).header("Authorization", "Basic x")
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        assertThat(seen).containsExactly("Basic x");
    }

    @Test
    void aSignedPostIsNeverRedirectedEvenByAClientThatFollowsRedirects() throws Exception {
        List<String> followed = new CopyOnWriteArrayList<>();
        try (HostileServer hook = new HostileServer()) {
            hook.handle("/elsewhere", ex -> {
                followed.add(ex.getRequestMethod());
                ex.sendResponseHeaders(200, -1);
                ex.close();
            });
            hook.handle("/hook", ex -> {
                ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().add("Location", "/elsewhere");
                ex.sendResponseHeaders(307, -1);
                ex.close();
            });
            HttpClient follows = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
            HttpResponse<String> r = Http.send(follows, HttpRequest.newBuilder(hook.uri("/hook"))
                    .header("webhook-signature", "v1,abc").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(307);
            assertThat(HttpErrors.fromResponse("The webhook", r, "").getMessage()).contains("redirect");
        }
        assertThat(followed).isEmpty();
    }

    @Test
    void originsCompareSchemeHostAndPort() {
        assertThat(Http.sameOrigin(URI.create("https://a.example/x"), URI.create("https://A.example:443/y"))).isTrue();
        assertThat(Http.sameOrigin(URI.create("https://a.example/x"), URI.create("http://a.example/x"))).isFalse();
        assertThat(Http.sameOrigin(URI.create("https://a.example/x"), URI.create("https://a.example:8443/x"))).isFalse();
        assertThat(Http.sameOrigin(URI.create("https://a.example/x"), URI.create("https://b.example/x"))).isFalse();
    }
}
