package io.lumasync.source;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part every OAuth-protected cloud API fake shares: a WireMock server on 127.0.0.1 whose one catch-all stub
 * is answered by {@link #api} (the provider's behaviour, written from its API reference), the provider's sign-in
 * as its own documentation states it ({@link OAuthServerRules}: authorize page, code exchange with PKCE, refresh
 * tokens until consent is revoked, the client secret where the vendor demands one), bearer checks, and injectable
 * 429s and damaged downloads. WireMock's request journal lets tests check request shapes.
 */
public abstract class OAuthApiFake implements AutoCloseable {
    public static final String TOKEN_PATH = "/oauth2/token";
    public static final String AUTHORIZE_PATH = "/oauth2/authorize";
    public static final String REFRESH_TOKEN = "refresh-" + Long.toHexString(Double.doubleToLongBits(Math.random()));

    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }
    }

    protected final WireMockServer server;
    private final Set<String> validAccess = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenSeq = new AtomicInteger();
    private final OAuthServerRules oauth;
    private volatile boolean revoked;
    private volatile int rateLimitSeconds = -1;
    protected volatile boolean corruptNext;

    // The transformer calls back into the subclass only when a request arrives, after construction.
    @SuppressWarnings("this-escape")
    protected OAuthApiFake(OAuthServerRules.Registration registration) {
        oauth = new OAuthServerRules(registration, this::issueAccessToken);
        server = FakeServer.start("oauth-api-fake", this::dispatch);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** A fresh access token, as a completed sign-in would have stored. */
    public String issueAccessToken() {
        String t = "access-" + tokenSeq.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        validAccess.add(t);
        return t;
    }

    /** Whether an Authorization header carries an access token this provider handed out and still honours. */
    public boolean validAccessToken(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && validAccess.contains(authorization.substring(7));
    }

    public void expireAccessTokens() {
        validAccess.clear();
    }

    public void revoke() {
        revoked = true;
        validAccess.clear();
    }

    public int refreshes() {
        return oauth.refreshes();
    }

    /** The provider's sign-in: its app registration and the grants it served. */
    public OAuthServerRules oauth() {
        return oauth;
    }

    /** Plays the system browser: opens a sign-in page and follows its redirect to the app's loopback receiver. */
    public static java.net.http.HttpResponse<String> visit(URI url) {
        try (java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build()) {
            return browser.send(java.net.http.HttpRequest.newBuilder(url).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void rateLimitNext(int seconds) {
        rateLimitSeconds = seconds;
    }

    public void corruptNextDownload() {
        corruptNext = true;
    }

    /** The provider's answer to a request with a valid bearer token. */
    protected abstract Reply api(Request request, String path);

    /** An endpoint that needs no token (Dropbox's longpoll), answered outside any lock; null for the others. */
    protected Reply unauthenticated(Request request, String path) {
        return null;
    }

    /** The provider's 401 for a missing, expired or revoked access token. */
    protected abstract Reply unauthorized(boolean expired);

    /** The provider's 429 body. */
    protected abstract Reply tooManyRequests(int seconds);

    private Reply dispatch(Request r) {
        String path = URI.create(r.getUrl()).getPath();
        if (path.equals(TOKEN_PATH)) {
            return oauth.token(form(r.getBodyAsString()), revoked);
        }
        if (path.equals(AUTHORIZE_PATH)) {
            String q = URI.create(r.getUrl()).getRawQuery();
            return oauth.authorize(form(q == null ? "" : q));
        }
        Reply open = unauthenticated(r, path);
        if (open != null) {
            return open;
        }
        if (rateLimitSeconds >= 0) {
            int s = rateLimitSeconds;
            rateLimitSeconds = -1;
            Reply base = tooManyRequests(s);
            Map<String, String> h = new LinkedHashMap<>(base.headers());
            h.put("Retry-After", Integer.toString(s));
            return new Reply(429, h, base.body());
        }
        String auth = r.getHeader("Authorization");
        if (!validAccessToken(auth)) {
            return unauthorized(!revoked && auth != null);
        }
        return api(r, path);
    }

    public static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop();
    }
}
