package io.lumasync.ui.suggestions;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.Suggestion;
import io.lumasync.ui.EngineServices;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.common.SameThreadTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Sign in again" on a sign-in that ends soon, on the real engine: the suggestion opens the provider's sign-in page
 * through the browser hook, and a declined sign-in is said in plain words (the browser is played by the test: it
 * follows the page's redirect back to the loopback address with {@code error=access_denied}).
 */
class SignInSuggestionTest {
    @TempDir
    Path dir;

    @Test
    void signInAgainOpensTheProvidersPageAndADeclineIsSaidPlainly() throws Exception {
        InMemorySecretVault vault = new InMemorySecretVault();
        try (EngineServices services = FxTestSupport.engine(dir.resolve("data"), vault, new PassThroughPipeline())) {
            services.addDestination("site", "folder", Map.of("path", dir.resolve("site").toString()), Map.of());
            services.addSource(SourceInfo.of("half", "gdrive", Map.of("client_id", "no-secret-client"),
                    List.of("site")), Map.of());   // not set up: must not hide the others' suggestions
            services.addSource(SourceInfo.of("drive", "gdrive", Map.of("client_id", "desktop-client"),
                    List.of("site")), Map.of("client_secret", "GOCSPX-desktop"));
            vault.put("source/drive/access_token", "ya29.SECRET");
            vault.put("source/drive/refresh_token", "1//SECRET");
            vault.put("source/drive/refresh_expires_at", Instant.now().plus(Duration.ofDays(2)).toString());
            List<URI> opened = new ArrayList<>();
            SuggestionsViewModel vm = new SuggestionsViewModel(services, new SameThreadTasks(), uri -> {
                opened.add(uri);
                decline(uri);
            });
            vm.refresh();
            Suggestion s = vm.suggestions.stream().filter(x -> x.kind() == Suggestion.Kind.SIGN_IN_EXPIRING)
                    .findFirst().orElseThrow();
            assertThat(s.title()).isEqualTo("The Google Drive sign-in of 'drive' ends in 2 days");
            assertThat(SuggestionsViewModel.kind(s)).isEqualTo("Sign-in");

            vm.signIn(s);

            assertThat(opened).singleElement().satisfies(u -> assertThat(u.getHost())
                    .isEqualTo("accounts.google.com"));
            assertThat(vm.message.get()).contains("access was not granted");
            assertThat(vm.busy.get()).isFalse();
        }
    }

    /** What a browser does when the user declines: back to the redirect address with the error and the state. */
    private static void decline(URI authorize) {
        Map<String, String> q = new HashMap<>();
        for (String pair : authorize.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        URI back = URI.create(q.get("redirect_uri") + "?error=access_denied&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        Thread.ofVirtual().start(() -> {
            try (HttpClient http = HttpClient.newHttpClient()) {
                http.send(HttpRequest.newBuilder(back).GET().build(), HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                // As a browser would, it only shows an error page: the loopback server may already have closed
                // after reading the answer. What the app made of it is asserted by the test, and an exception
                // thrown here would surface in whichever UI test runs next.
            }
        });
    }
}
