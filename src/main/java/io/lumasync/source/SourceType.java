package io.lumasync.source;

import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.LumasyncException;

import java.util.List;

/** Describes one kind of source: the GUI and CLI build forms from it; the registry lists it. */
public interface SourceType {
    String id();

    String displayName();

    String description();

    List<ConfigField> fields();

    AuthKind authKind();

    Source create(AdapterContext context) throws LumasyncException;

    /**
     * For {@link AuthKind#OAUTH_PKCE} sources: the OAuth provider a configured source signs in with (its own client
     * id, or the packaged one). Sign-in stores the tokens under the source's name in the vault.
     */
    default java.util.Optional<io.lumasync.auth.OAuthProvider> oauthProvider(io.lumasync.core.AdapterConfig config,
                                                                             io.lumasync.core.Secrets secrets)
            throws LumasyncException {
        return java.util.Optional.empty();
    }
}
