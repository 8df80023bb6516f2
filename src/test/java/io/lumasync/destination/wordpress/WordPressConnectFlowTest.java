package io.lumasync.destination.wordpress;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * WordPress's authorize-application flow against the real WordPress 6.5.5 (a local-environment site, so it sends
 * the password to the 127.0.0.1 receiver). A cookie-keeping HTTP client plays the user's browser: it signs in to
 * wp-admin and presses "Yes, I approve" (or "No, I do not approve").
 */
class WordPressConnectFlowTest {
    private static final Pattern NONCE = Pattern.compile("name=\"_wpnonce\" value=\"([0-9a-f]+)\"");

    private WordPressTestSite site;
    private HttpClient browser;

    @BeforeEach
    void signIn() throws Exception {
        site = WordPressTestSite.wp65();
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        browser.send(HttpRequest.newBuilder(URI.create(site.url() + "/wp-login.php")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = post(URI.create(site.url() + "/wp-login.php"), Map.of("log", "admin",
                "pwd", site.adminPassword(), "wp-submit", "Log In", "testcookie", "1"));
        assertThat(login.body()).as("signed in to wp-admin").contains("Dashboard");
    }

    @Test
    void approvingInWordPressHandsAWorkingPasswordToLumasync() throws Exception {
        try (WordPressConnectFlow flow = WordPressConnectFlow.begin(WordPressApi.anonymous(Http.newClient(), site.url()))) {
            assertThat(flow.receivesPasswordItself()).isTrue();
            assertThat(flow.browserUrl().toString()).startsWith(site.url() + "/wp-admin/authorize-application.php?")
                    .contains("app_name=Lumasync+on+").contains("success_url=http%3A%2F%2F127.0.0.1%3A");

            HttpResponse<String> done = press(flow, "approve");
            assertThat(done.uri().getHost()).as("redirected to the receiver").isEqualTo("127.0.0.1");
            assertThat(done.body()).contains("Lumasync is connected");

            WordPressConnectFlow.Approved approved = flow.await(Duration.ofSeconds(10));
            assertThat(approved.user()).isEqualTo("admin");
            assertThat(approved.siteUrl()).isEqualTo(site.url());
            assertThat(approved.toString()).doesNotContain(approved.password());
            Map<String, Object> me = new WordPressApi(Http.newClient(), approved.siteUrl(), approved.user(),
                    approved.password()).me();
            assertThat(me.get("username")).isEqualTo("admin");
        }
    }

    @Test
    void connectingTwiceGivesTwoPasswordsWordPressCanTellApart() throws Exception {
        // WordPress refuses a second application password with a name the user already has.
        for (int i = 0; i < 2; i++) {
            try (WordPressConnectFlow flow = WordPressConnectFlow.begin(WordPressApi.anonymous(Http.newClient(), site.url()))) {
                press(flow, "approve");
                assertThat(flow.await(Duration.ofSeconds(10)).password()).isNotBlank();
            }
            Thread.sleep(1100); // names carry the time to the second
        }
    }

    @Test
    void decliningInWordPressSaysSo() throws Exception {
        try (WordPressConnectFlow flow = WordPressConnectFlow.begin(WordPressApi.anonymous(Http.newClient(), site.url()))) {
            press(flow, "reject");
            LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> flow.await(Duration.ofSeconds(10)));
            assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
            assertThat(e.getMessage()).contains("declined");
        }
    }

    /** Opens the authorize page as the signed-in user and submits its form with the given button. */
    private HttpResponse<String> press(WordPressConnectFlow flow, String button) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(flow.browserUrl()).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = NONCE.matcher(page.body());
        assertThat(m.find()).as("the authorize form").isTrue();
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : flow.browserUrl().getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        Map<String, String> form = new LinkedHashMap<>(q);
        form.put("action", "authorize_application_password");
        form.put("_wpnonce", m.group(1));
        form.put(button, "1");
        return post(URI.create(site.url() + "/wp-admin/authorize-application.php"), form);
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
