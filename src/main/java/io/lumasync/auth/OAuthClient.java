package io.lumasync.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The token endpoint side of OAuth 2.0 for one provider: builds the authorization URL (with PKCE S256 and state),
 * exchanges the code (with the verifier) and refreshes tokens. A refused refresh token ({@code invalid_grant}:
 * revoked consent, expired, password changed) is REAUTH, i.e. "needs reconnect".
 */
public final class OAuthClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final OAuthProvider provider;
    private final Clock clock;

    public OAuthClient(HttpClient http, OAuthProvider provider, Clock clock) {
        this.http = http;
        this.provider = provider;
        this.clock = clock;
    }

    public OAuthClient(HttpClient http, OAuthProvider provider) {
        this(http, provider, Clock.systemUTC());
    }

    public OAuthProvider provider() {
        return provider;
    }

    public URI authorizationUrl(URI redirectUri, String state, Pkce pkce) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", provider.clientId());
        p.put("redirect_uri", redirectUri.toString());
        if (!provider.scopes().isEmpty()) {
            p.put("scope", String.join(" ", provider.scopes()));
        }
        p.put("state", state);
        p.put("code_challenge", pkce.challenge());
        p.put("code_challenge_method", Pkce.METHOD);
        p.putAll(provider.extraAuthorizeParams());
        String sep = provider.authorizationUri().getRawQuery() == null ? "?" : "&";
        return URI.create(provider.authorizationUri() + sep + form(p));
    }

    public TokenSet exchangeCode(String code, URI redirectUri, Pkce pkce) throws LumasyncException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("grant_type", "authorization_code");
        p.put("code", code);
        p.put("redirect_uri", redirectUri.toString());
        p.put("code_verifier", pkce.verifier());
        return post(p, Optional.empty(), "finishing the sign-in");
    }

    /** A new access token; the provider may or may not rotate the refresh token (the old one is kept if not). */
    public TokenSet refresh(String refreshToken) throws LumasyncException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("grant_type", "refresh_token");
        p.put("refresh_token", refreshToken);
        return post(p, Optional.of(refreshToken), "renewing the access");
    }

    private TokenSet post(Map<String, String> params, Optional<String> previousRefresh, String doing)
            throws LumasyncException {
        params.put("client_id", provider.clientId());
        provider.clientSecret().ifPresent(s -> params.put("client_secret", s));
        HttpRequest request = HttpRequest.newBuilder(provider.tokenUri())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("User-Agent", Http.USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                .build();
        String what = provider.displayName() + " (" + doing + ")";
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw HttpErrors.fromIo(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, what + " was interrupted.", e);
        }
        JsonNode body = parse(r.body());
        if (r.statusCode() / 100 != 2) {
            String error = body.path("error").asText("");
            if ("invalid_grant".equals(error) || "invalid_client".equals(error) || "unauthorized_client".equals(error)) {
                // The provider's own description is safe to show (it never echoes the token).
                String desc = body.path("error_description").asText(error);
                throw new LumasyncException(ErrorKind.REAUTH, provider.displayName() + " needs reconnect: it no longer "
                        + "accepts Lumasync's access (" + desc + "). Reconnect the account to continue.");
            }
            throw HttpErrors.fromResponse(what, r, error);
        }
        String access = body.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new LumasyncException(ErrorKind.RETRY, what + ": the answer had no access token.");
        }
        Optional<String> refresh = Optional.of(body.path("refresh_token").asText("")).filter(s -> !s.isEmpty())
                .or(() -> previousRefresh);
        long expiresIn = body.path("expires_in").asLong(-1);
        Instant expiresAt = expiresIn < 0 ? Instant.MAX : clock.instant().plusSeconds(expiresIn);
        return new TokenSet(access, refresh, expiresAt, body.path("scope").asText(""));
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s == null || s.isBlank() ? "{}" : s);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
