package io.lumasync.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;

import java.io.IOException;
import java.io.InputStream;
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
 * exchanges the code (with the verifier) and refreshes tokens, both with the client secret when the provider has
 * one. A refused refresh token ({@code invalid_grant}: revoked consent, expired, password changed) is REAUTH, i.e.
 * "needs reconnect"; a refused client or request is UNAVAILABLE, since signing in again cannot fix it.
 */
public final class OAuthClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A token answer is a few hundred bytes; more than this is not one (and is not read further). */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

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
        HttpResponse<InputStream> r;
        JsonNode body;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                body = parse(new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw HttpErrors.fromIo(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, what + " was interrupted.", e);
        }
        if (r.statusCode() / 100 != 2) {
            throw refused(r, body, what);
        }
        String access = body.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new LumasyncException(ErrorKind.RETRY, what + ": the answer had no access token.");
        }
        Optional<String> refresh = Optional.of(body.path("refresh_token").asText("")).filter(s -> !s.isEmpty())
                .or(() -> previousRefresh);
        long expiresIn = body.path("expires_in").asLong(-1);
        Instant expiresAt = expiresIn < 0 ? Instant.MAX : clock.instant().plusSeconds(expiresIn);
        // Some providers say when the refresh token ends too (RFC 6749 leaves it open; e.g. GitHub Apps, Azure AD
        // single-page clients): then the sign-in ends on that day, and Suggestions can warn in time.
        long refreshIn = body.path("refresh_token_expires_in").asLong(-1);
        Instant refreshExpiresAt = refreshIn <= 0 || body.path("refresh_token").asText("").isEmpty() ? Instant.MAX
                : clock.instant().plusSeconds(refreshIn);
        return new TokenSet(access, refresh, expiresAt, body.path("scope").asText(""), refreshExpiresAt);
    }

    /**
     * RFC 6749 §5.2 errors in plain words. Only a refused grant is fixed by signing in again; the others are
     * about the app registration (client id, secret, redirect, scopes), which a new sign-in cannot change.
     * The provider's own description is safe to show: it never echoes a token or the secret.
     */
    private LumasyncException refused(HttpResponse<?> r, JsonNode body, String what) {
        String error = body.path("error").asText("");
        String desc = trim(body.path("error_description").asText(error));
        String name = provider.displayName();
        return switch (error) {
            case "invalid_grant" -> new LumasyncException(ErrorKind.REAUTH, name + " needs reconnect: it no longer "
                    + "accepts Lumasync's access (" + desc + "). Reconnect the account to continue.");
            case "invalid_request" -> new LumasyncException(ErrorKind.UNAVAILABLE, name + " refused Lumasync's "
                    + "sign-in request (" + desc + ")." + (desc.contains("client_secret")
                    ? " Google's Desktop app clients need their client secret as well as the client ID: enter "
                    + "the secret shown with the client in Google Cloud Console."
                    : " The app registration Lumasync uses does not fit this request; see docs/sources.md."));
            case "invalid_client", "unauthorized_client" -> new LumasyncException(ErrorKind.UNAVAILABLE, name
                    + " does not accept the app Lumasync signs in with (" + desc + "). Check the client ID (and, "
                    + "for Google, the client secret) in the source's settings; signing in again will not help "
                    + "until they match the app registration.");
            case "invalid_scope" -> new LumasyncException(ErrorKind.UNAVAILABLE, name + " refused the access "
                    + "Lumasync asks for (" + desc + "). Enable the scopes listed in docs/sources.md for the app.");
            default -> HttpErrors.fromResponse(what, r, error);
        };
    }

    private static String trim(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
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
