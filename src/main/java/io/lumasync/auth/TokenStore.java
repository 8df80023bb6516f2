package io.lumasync.auth;

import io.lumasync.core.Secrets;

import java.time.Instant;
import java.util.Optional;

/**
 * Where one account's tokens live: in its slice of the vault (access, refresh, expiry), never in the database.
 * The "needs reconnect" mark (a plain reason, no secret) lives there too, so the app, the daemon and
 * {@code lumasync doctor} all see it.
 */
public record TokenStore(Secrets secrets) {
    public static final String ACCESS = "access_token";
    public static final String REFRESH = "refresh_token";
    public static final String EXPIRES_AT = "expires_at";
    public static final String NEEDS_RECONNECT = "needs_reconnect";
    public static final String REFRESH_EXPIRES_AT = "refresh_expires_at";

    public Optional<TokenSet> load() {
        Optional<String> access = secrets.get(ACCESS);
        if (access.isEmpty()) {
            return Optional.empty();
        }
        Instant expires = secrets.get(EXPIRES_AT).map(Instant::parse).orElse(Instant.MAX);
        Instant refreshExpires = secrets.get(REFRESH_EXPIRES_AT).map(Instant::parse).orElse(Instant.MAX);
        return Optional.of(new TokenSet(access.get(), secrets.get(REFRESH), expires, "", refreshExpires));
    }

    public void save(TokenSet tokens) {
        if (!tokens.refreshExpiresAt().equals(Instant.MAX)) {
            secrets.put(REFRESH_EXPIRES_AT, tokens.refreshExpiresAt().toString());
        } else if (!tokens.refreshToken().equals(secrets.get(REFRESH))) {
            secrets.delete(REFRESH_EXPIRES_AT);   // a new refresh token whose end nobody told
        }
        secrets.put(ACCESS, tokens.accessToken());
        tokens.refreshToken().ifPresent(r -> secrets.put(REFRESH, r));
        if (tokens.expiresAt().equals(Instant.MAX)) {
            secrets.delete(EXPIRES_AT);
        } else {
            secrets.put(EXPIRES_AT, tokens.expiresAt().toString());
        }
        secrets.delete(NEEDS_RECONNECT);
    }

    public void markNeedsReconnect(String reason) {
        secrets.put(NEEDS_RECONNECT, reason);
    }

    public Optional<String> needsReconnect() {
        return secrets.get(NEEDS_RECONNECT);
    }

    /** Forgets the tokens (logout). */
    public void clear() {
        secrets.delete(ACCESS);
        secrets.delete(REFRESH);
        secrets.delete(EXPIRES_AT);
        secrets.delete(REFRESH_EXPIRES_AT);
        secrets.delete(NEEDS_RECONNECT);
    }
}
