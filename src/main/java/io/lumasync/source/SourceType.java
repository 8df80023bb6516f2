package io.lumasync.source;

import io.lumasync.auth.OAuthProvider;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterType;
import io.lumasync.core.AuthKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Secrets;

import java.util.Optional;

/** Describes one kind of source, with what only sources offer: signing in to an account over OAuth. */
public interface SourceType extends AdapterType<Source> {

    /**
     * For {@link AuthKind#OAUTH_PKCE} sources: the OAuth provider a configured source signs in with (its own client
     * id, or the packaged one). Sign-in stores the tokens under the source's name in the vault.
     */
    default Optional<OAuthProvider> oauthProvider(AdapterConfig config, Secrets secrets) throws LumasyncException {
        return Optional.empty();
    }
}
