package io.lumasync.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Tokens from a token endpoint. {@link #toString} never shows them.
 *
 * @param expiresAt when the access token stops working ({@link Instant#MAX} when the provider gave no lifetime)
 */
public record TokenSet(String accessToken, Optional<String> refreshToken, Instant expiresAt, String scope) {
    public boolean expiresWithin(java.time.Duration margin, Instant now) {
        return !expiresAt.equals(Instant.MAX) && now.plus(margin).isAfter(expiresAt);
    }

    @Override
    public String toString() {
        return "TokenSet[access ***, refresh " + (refreshToken.isPresent() ? "***" : "none") + ", expires " + expiresAt
                + ", scope " + scope + "]";
    }
}
