package io.lumasync.auth;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * An account's live access for adapters: hands out a valid access token (refreshing shortly before expiry),
 * sends requests with it and, on a 401, refreshes once and repeats the request once. When the provider refuses the
 * refresh token the account is marked "needs reconnect" and the call fails with REAUTH. Thread-safe.
 */
public final class OAuthSession {
    private static final Duration EARLY = Duration.ofMinutes(2);

    /** What the token-health check found. */
    public enum Health { OK, NEEDS_RECONNECT, NOT_CONNECTED, UNKNOWN }

    public record HealthReport(Health health, String detail) {
    }

    private final OAuthClient client;
    private final TokenStore store;
    private final HttpClient http;
    private final Clock clock;
    private final String accountName;

    public OAuthSession(OAuthClient client, TokenStore store, HttpClient http, Clock clock, String accountName) {
        this.client = client;
        this.store = store;
        this.http = http;
        this.clock = clock;
        this.accountName = accountName;
    }

    public OAuthSession(OAuthClient client, TokenStore store, HttpClient http, String accountName) {
        this(client, store, http, Clock.systemUTC(), accountName);
    }

    /** A usable access token, refreshed first when it expires within two minutes. */
    public synchronized String accessToken() throws LumasyncException {
        TokenSet t = tokens();
        if (t.expiresWithin(EARLY, clock.instant())) {
            t = refresh(t);
        }
        return t.accessToken();
    }

    /**
     * Reads a 401 for a cause that no new access token cures (Dropbox's {@code missing_scope}: the app registration
     * lacks a permission). It may consume the body.
     */
    @FunctionalInterface
    public interface Unauthorized<T> {
        Optional<LumasyncException> lasting(HttpResponse<T> response);
    }

    /**
     * Sends a request built around the access token. A 401 leads to one refresh and one repeat; a second 401
     * means the access is gone. Other answers are returned for the adapter to classify.
     */
    public <T> HttpResponse<T> send(Function<String, HttpRequest> build, HttpResponse.BodyHandler<T> handler, String what)
            throws LumasyncException {
        return send(build, handler, what, r -> Optional.empty());
    }

    /** As {@link #send(Function, HttpResponse.BodyHandler, String)}, but a lasting 401 fails at once, unrefreshed. */
    public <T> HttpResponse<T> send(Function<String, HttpRequest> build, HttpResponse.BodyHandler<T> handler, String what,
                                    Unauthorized<T> unauthorized) throws LumasyncException {
        String token = accessToken();
        HttpResponse<T> r = call(build.apply(token), handler, what);
        if (r.statusCode() != 401) {
            return r;
        }
        Optional<LumasyncException> lasting = unauthorized.lasting(r);
        discard(r);
        if (lasting.isPresent()) {
            throw lasting.get();
        }
        String fresh = refreshAfterRejected(token);
        r = call(build.apply(fresh), handler, what);
        if (r.statusCode() == 401) {
            discard(r);
            String reason = client.provider().displayName() + " refused the renewed access for '" + accountName + "'.";
            store.markNeedsReconnect(reason);
            throw new LumasyncException(ErrorKind.REAUTH, reason + " It needs reconnect: sign in again.");
        }
        return r;
    }

    /** Refreshes unless another thread already did since {@code rejected} was handed out. */
    private synchronized String refreshAfterRejected(String rejected) throws LumasyncException {
        TokenSet t = tokens();
        if (!t.accessToken().equals(rejected)) {
            return t.accessToken();
        }
        return refresh(t).accessToken();
    }

    /**
     * The token-health check, run before autosync: refreshes an expiring token now so a revoked consent is found
     * (and the source marked "needs reconnect") before a sync would fail.
     */
    public synchronized HealthReport checkHealth() {
        if (store.load().isEmpty()) {
            return new HealthReport(Health.NOT_CONNECTED, "not signed in");
        }
        if (store.needsReconnect().isPresent()) {
            return new HealthReport(Health.NEEDS_RECONNECT, store.needsReconnect().get());
        }
        try {
            TokenSet t = tokens();
            if (t.expiresWithin(Duration.ofMinutes(15), clock.instant())) {
                t = refresh(t);
            }
            return new HealthReport(Health.OK, t.expiresAt().equals(java.time.Instant.MAX)
                    ? "connected (access does not expire)" : "connected, access valid until " + t.expiresAt());
        } catch (LumasyncException e) {
            return e.kind() == ErrorKind.REAUTH
                    ? new HealthReport(Health.NEEDS_RECONNECT, e.getMessage())
                    : new HealthReport(Health.UNKNOWN, "could not check: " + e.getMessage());
        }
    }

    private TokenSet tokens() throws LumasyncException {
        if (store.needsReconnect().isPresent()) {
            throw new LumasyncException(ErrorKind.REAUTH, "'" + accountName + "' needs reconnect: "
                    + store.needsReconnect().get() + " Sign in again to continue.");
        }
        return store.load().orElseThrow(() -> new LumasyncException(ErrorKind.REAUTH,
                "'" + accountName + "' is not signed in to " + client.provider().displayName() + ". Connect it first."));
    }

    private TokenSet refresh(TokenSet current) throws LumasyncException {
        if (current.refreshToken().isEmpty()) {
            String reason = "the access for '" + accountName + "' expired and there is no refresh token.";
            store.markNeedsReconnect(reason);
            throw new LumasyncException(ErrorKind.REAUTH, client.provider().displayName() + ": " + reason
                    + " It needs reconnect: sign in again.");
        }
        try {
            TokenSet fresh = client.refresh(current.refreshToken().get());
            store.save(fresh);
            return fresh;
        } catch (LumasyncException e) {
            if (e.kind() == ErrorKind.REAUTH) {
                store.markNeedsReconnect(e.getMessage());
            }
            throw e;
        }
    }

    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what)
            throws LumasyncException {
        try {
            return Http.send(http, request, handler); // the bearer token stays off other origins
        } catch (IOException e) {
            throw HttpErrors.fromIo(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, what + " was interrupted.", e);
        }
    }

    private static void discard(HttpResponse<?> r) {
        if (r.body() instanceof java.io.InputStream in) {
            try (in) {
                in.readAllBytes();
            } catch (IOException ignored) {
                // the connection is dropped instead of reused: harmless
            }
        }
    }
}
