package io.lumasync.source.custom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A hostile API fills neither heap nor disk, gets no token over plain http, and cannot inject headers. */
class CustomApiHardeningTest {
    @TempDir
    Path work;
    private HttpServer server;
    private final List<Map<String, List<String>>> seen = new CopyOnWriteArrayList<>();
    private final Map<String, String> settings = new HashMap<>();
    private final VaultSecrets secrets = VaultSecrets.forSource(new InMemorySecretVault(), "feed");

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/endless", CustomApiHardeningTest::endless);
        server.createContext("/list", ex -> {
            seen.add(Map.copyOf(ex.getRequestHeaders()));
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            byte[] body = ("[{\"id\":\"1\",\"title\":\"a.jpg\",\"thumb\":\"" + base + "/endless\",\"full\":\"" + base
                    + "/endless\"}]").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        settings.putAll(Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/list",
                "id_field", "id", "name_field", "title", "thumb_field", "thumb", "download_field", "full"));
        secrets.put("token", "tok-secret");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anEndlessListingPageStopsAtTheCap() {
        settings.put("url", settings.get("url").replace("/list", "/endless"));
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> source().list(Optional.empty()));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("more than 32 MB");
    }

    @Test
    void anEndlessPreviewStopsAtItsCap() throws Exception {
        Source s = source();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> s.thumbnail(item, 256));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("a.jpg").contains("more than 16 MB");
    }

    @Test
    void settingsInHeadersLoseControlCharacters() throws Exception {
        settings.put("username", "me\u2028X-Evil: 1\u000bx\u0000y");
        settings.put("headers", "X-User: {username}\nAuthorization: Bearer {token}");
        source().list(Optional.empty());
        Map<String, List<String>> headers = seen.getLast();
        assertThat(headers.get("X-user").getFirst()).isEqualTo("me X-Evil: 1 x y");
        assertThat(headers).doesNotContainKey("X-evil");
        assertThat(headers.get("Authorization")).containsExactly("Bearer tok-secret");
    }

    @Test
    void theTokenGoesOverPlainHttpOnlyToThisComputerUnlessAllowed() {
        settings.put("url", "http://photos.example.invalid/list");
        settings.put("headers", "Authorization: Bearer {token}");
        assertThatThrownBy(() -> source().list(Optional.empty())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Allow plain http").hasMessageNotContaining("tok-secret");
        settings.put("allow_plain_http", "true");
        assertThatThrownBy(() -> source().list(Optional.empty())).isInstanceOf(LumasyncException.class)
                .isNotInstanceOf(ConfigurationException.class);
    }

    @Test
    void mappingsThatCouldNeverWorkAreRefusedWhenSaved() {
        CustomApiSourceType type = new CustomApiSourceType();
        assertThatThrownBy(() -> type.validate(config(Map.of("url", "https://api.example.com/p",
                "headers", "Bad Name: x")), Map.of())).hasMessageContaining("Bad Name");
        assertThatThrownBy(() -> type.validate(config(Map.of("url", "https://api.example.com/p",
                "next", "sideways")), Map.of())).hasMessageContaining("sideways");
        assertThatThrownBy(() -> type.validate(config(Map.of("url", "http://api.example.com/p")),
                Map.of("token", "t"))).hasMessageContaining("Allow plain http");
        assertThatCode(() -> type.validate(config(Map.of("url", "http://api.example.com/p")), Map.of()))
                .as("no credential, no objection").doesNotThrowAnyException();
        assertThatCode(() -> type.validate(config(Map.of("preset", "unsplash", "username", "me")),
                Map.of("token", "t"))).doesNotThrowAnyException();
    }

    private static AdapterConfig config(Map<String, String> s) {
        return new AdapterConfig("feed", CustomApiSourceType.ID, s);
    }

    private Source source() throws LumasyncException {
        return new CustomApiSourceType().create(new AdapterContext(config(new HashMap<>(settings)), secrets,
                Http.newClient(), work.resolve("adapter")));
    }

    private static void endless(HttpExchange ex) throws IOException {
        ex.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = ex.getResponseBody()) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException stopped) {
            // the client hung up, as it should
        }
    }
}
