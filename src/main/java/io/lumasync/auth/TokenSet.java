package io.lumasync.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Tokens from a token endpoint. {@link #toString} never shows them.
 *
 * @param expiresAt        when the access token stops working ({@link Instant#MAX} when the provider gave no lifetime)
 * @param refreshExpiresAt when the refresh token stops working, so the user must sign in again
 *                         ({@link Instant#MAX} when the provider does not say, as most do not)
 */
public record TokenSet(String accessToken, Optional<String> refreshToken, Instant expiresAt, String scope,
                       Instant refreshExpiresAt) {
    public TokenSet(String accessToken, Optional<String> refreshToken, Instant expiresAt, String scope) {
        this(accessToken, refreshToken, expiresAt, scope, Instant.MAX);
    }

    /**
     * When the sign-in itself ends: the refresh token's end when there is one (the access is renewed until then),
     * else the access token's. {@link Instant#MAX} when unknown.
     */
    public Instant signInEndsAt() {
        return refreshToken.isPresent() ? refreshExpiresAt : expiresAt;
    }

    public boolean expiresWithin(java.time.Duration margin, Instant now) {
        return !expiresAt.equals(Instant.MAX) && now.plus(margin).isAfter(expiresAt);
    }

    @Override
    public String toString() {
        return "TokenSet[access ***, refresh " + (refreshToken.isPresent() ? "***" : "none") + ", expires " + expiresAt
                + ", scope " + scope + "]";
    }
}
