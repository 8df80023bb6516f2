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

    /**
     * Checks the settings when they are saved, so a value that can never work is refused at once with its reason
     * instead of by every later run. {@code config} holds the non-secret fields (each already checked for its kind:
     * address, number, choice), {@code secrets} the secret fields given now (a secret kept from before is absent).
     */
    default void validate(io.lumasync.core.AdapterConfig config, java.util.Map<String, String> secrets)
            throws LumasyncException {
    }
}
