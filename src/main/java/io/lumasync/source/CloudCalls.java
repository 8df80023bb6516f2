package io.lumasync.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.auth.OAuthApps;
import io.lumasync.auth.OAuthClient;
import io.lumasync.auth.OAuthProvider;
import io.lumasync.auth.OAuthSession;
import io.lumasync.auth.TokenStore;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;
import io.lumasync.http.PlainHttp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the cloud sources' HTTP classes share: the OAuth session over the vault's tokens, the unlisted settings that
 * move a provider's sign-in endpoints (tests, proxies), lenient JSON reading of answers, short server messages,
 * transport failures in plain words, and the rule for pre-authenticated links.
 */
public final class CloudCalls {
    public static final ObjectMapper JSON = new ObjectMapper();

    private CloudCalls() {
    }

    /** The provider with {@code authorize_url} and {@code token_url} from the settings when they are given. */
    public static OAuthProvider atConfiguredEndpoints(AdapterConfig config, OAuthProvider p) {
        return p.withEndpoints(config.get("authorize_url").map(URI::create).orElse(p.authorizationUri()),
                config.get("token_url").map(URI::create).orElse(p.tokenUri()));
    }

    /**
     * The app registration a source signs in with: its own {@code client_id} setting, else the build's; without
     * either, an UNAVAILABLE saying {@code whatToDo}.
     */
    public static String clientId(AdapterConfig config, Optional<OAuthApps.Client> build, String whatToDo)
            throws LumasyncException {
        return config.get("client_id").filter(s -> !s.isBlank()).or(() -> build.map(OAuthApps.Client::id))
                .orElseThrow(() -> new LumasyncException(ErrorKind.UNAVAILABLE, "'" + config.name() + "' has no "
                        + whatToDo));
    }

    /** The source's signed-in session: its tokens in the vault under its name, refreshed through {@code provider}. */
    public static OAuthSession session(AdapterContext context, OAuthProvider provider) {
        return new OAuthSession(new OAuthClient(context.http(), provider), new TokenStore(context.secrets()),
                context.http(), context.config().name());
    }

    /** An answer's JSON; anything unreadable is an empty object (its fields then read as absent). */
    public static JsonNode read(String s) {
        try {
            return JSON.readTree(s == null || s.isBlank() ? "{}" : s);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** A server's message on one line, at most 200 characters. */
    public static String trim(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    /** The first 64 KB of an error answer's body, as text. */
    public static String errorText(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Sends a request that carries no token, failures classified under {@code what}. */
    public static <T> HttpResponse<T> send(HttpClient http, HttpRequest req, HttpResponse.BodyHandler<T> handler,
                                           String what) throws LumasyncException {
        try {
            return Http.send(http, req, handler);
        } catch (IOException e) {
            throw HttpErrors.fromIo(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, what + " was interrupted.", e);
        }
    }

    /**
     * A pre-authenticated link (download or preview URL with its credential in the query) must not travel in clear
     * text off this machine: https, or http to a loopback address only.
     */
    public static boolean safeLink(URI url) {
        String scheme = String.valueOf(url.getScheme());
        return scheme.equals("https") || (scheme.equals("http") && url.getHost() != null
                && PlainHttp.isLoopback(url.getHost()));
    }
}
