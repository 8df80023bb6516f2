package io.lumasync.sync;

import io.lumasync.auth.OAuthClient;
import io.lumasync.auth.OAuthLogin;
import io.lumasync.auth.OAuthProvider;
import io.lumasync.auth.OAuthSession;
import io.lumasync.auth.SecretVault;
import io.lumasync.auth.TokenSet;
import io.lumasync.auth.TokenStore;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.source.SourceType;
import io.lumasync.source.SourceTypes;
import io.lumasync.store.SourceRecord;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static io.lumasync.sync.SyncService.usage;

/**
 * The sign-ins of sources that use OAuth: signing in and out, and the sessions that check and refresh their
 * tokens. Tokens live in the vault under the source's name; an open source is dropped when they change so the
 * next run uses the new ones.
 */
final class Accounts {
    private final AdapterConfiguration configuration;
    private final SecretVault vault;
    private final Adapters adapters;

    Accounts(AdapterConfiguration configuration, SecretVault vault, Adapters adapters) {
        this.configuration = configuration;
        this.vault = vault;
        this.adapters = adapters;
    }

    void login(String sourceName, Consumer<URI> browser) throws LumasyncException {
        SourceRecord rec = configuration.sourceRecord(sourceName);
        OAuthProvider provider = oauthProvider(rec).orElseThrow(() -> usage("'" + sourceName
                + "' is a " + rec.typeId() + " source, which does not sign in with a browser."));
        OAuthLogin.run(provider, vault, sourceName, browser);
        adapters.forget(sourceName);
    }

    void logout(String sourceName) throws LumasyncException {
        configuration.sourceRecord(sourceName);
        OAuthLogin.logout(vault, sourceName);
        adapters.forget(sourceName);
    }

    Map<String, OAuthSession> oauthAccounts() throws LumasyncException {
        Map<String, OAuthSession> out = new LinkedHashMap<>();
        for (SourceRecord rec : configuration.sourceRecords()) {
            Optional<OAuthProvider> p = oauthProvider(rec);
            if (p.isPresent()) {
                HttpClient http = Http.newClient();
                out.put(rec.name(), new OAuthSession(new OAuthClient(http, p.get()),
                        new TokenStore(VaultSecrets.forSource(vault, rec.name())), http, rec.name()));
            }
        }
        return out;
    }

    /**
     * What the vault knows of each browser sign-in, read without calling the provider (no refresh, no network).
     *
     * @param provider its display name ("Dropbox")
     * @param tokens   the stored tokens, empty when never signed in or signed out
     * @param failed   why the last refresh was refused, when it was (a plain reason, no secret)
     */
    record SignIn(String source, String provider, Optional<TokenSet> tokens, Optional<String> failed) {
    }

    List<SignIn> signIns() throws LumasyncException {
        List<SignIn> out = new ArrayList<>();
        for (SourceRecord rec : configuration.sourceRecords()) {
            Optional<OAuthProvider> p;
            try {
                p = oauthProvider(rec);
            } catch (LumasyncException e) {
                continue;   // a sign-in that is not set up (no client secret) shows on the source's card instead
            }
            if (p.isPresent()) {
                TokenStore store = new TokenStore(VaultSecrets.forSource(vault, rec.name()));
                out.add(new SignIn(rec.name(), p.get().displayName(), store.load(), store.needsReconnect()));
            }
        }
        return out;
    }

    private Optional<OAuthProvider> oauthProvider(SourceRecord rec) throws LumasyncException {
        Optional<SourceType> type = SourceTypes.byId(rec.typeId());
        return type.isEmpty() ? Optional.empty()
                : type.get().oauthProvider(rec.config(), VaultSecrets.forSource(vault, rec.name()));
    }
}
