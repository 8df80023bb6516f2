package io.lumasync.source.dropbox;

import io.lumasync.auth.OAuthApps;
import io.lumasync.auth.OAuthClient;
import io.lumasync.auth.OAuthProvider;
import io.lumasync.auth.OAuthSession;
import io.lumasync.auth.TokenStore;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Source;
import io.lumasync.source.SourceType;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Dropbox as a source. Signing in ({@code lumasync login dropbox}) stores the tokens in the vault under the
 * source's name; this type only reads them. {@code api_url}, {@code content_url}, {@code notify_url},
 * {@code authorize_url} and {@code token_url} are unlisted settings that point the adapter at another server (tests,
 * a corporate proxy); {@code redirect_port} is the loopback port of the redirect registered with the app.
 */
public final class DropboxSourceType implements SourceType {
    public static final String ID = "dropbox";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Dropbox";
    }

    @Override
    public String description() {
        return "Images in a Dropbox folder (sub-folders included). Read-only access; changes are picked up "
                + "incrementally.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                new ConfigField("folder", "Folder", ConfigField.Kind.TEXT, false, "",
                        "The Dropbox folder to sync, e.g. /Photos/Portfolio. Empty = the whole Dropbox.", List.of()),
                ConfigField.text("client_id", "App key", false,
                        "Your own Dropbox app key (App Console: scopes account_info.read, files.metadata.read and "
                                + "files.content.read; redirect URI http://127.0.0.1:" + OAuthProvider.DROPBOX_LOOPBACK_PORT
                                + "/callback). Empty = Lumasync's app key."));
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.OAUTH_PKCE;
    }

    /** The OAuth provider for a configured source (its own app key, or the build's). */
    public static OAuthProvider provider(AdapterConfig config) throws LumasyncException {
        return provider(config, OAuthApps.current());
    }

    static OAuthProvider provider(AdapterConfig config, OAuthApps apps) throws LumasyncException {
        String clientId = config.get("client_id").filter(s -> !s.isBlank())
                .or(() -> apps.dropbox().map(OAuthApps.Client::id))
                .orElseThrow(() -> new LumasyncException(ErrorKind.UNAVAILABLE, "'" + config.name() + "' has no "
                        + "Dropbox app key. Create an app in the Dropbox App Console and enter its key in the source."));
        OAuthProvider p = OAuthProvider.dropbox(clientId);
        p = p.withEndpoints(config.get("authorize_url").map(URI::create).orElse(p.authorizationUri()),
                config.get("token_url").map(URI::create).orElse(p.tokenUri()));
        return p.withLoopbackPort(config.intValue("redirect_port", OAuthProvider.DROPBOX_LOOPBACK_PORT));
    }

    @Override
    public Optional<OAuthProvider> oauthProvider(AdapterConfig config, io.lumasync.core.Secrets secrets)
            throws LumasyncException {
        return Optional.of(provider(config));
    }

    @Override
    public Source create(AdapterContext context) throws LumasyncException {
        AdapterConfig cfg = context.config();
        OAuthSession session = new OAuthSession(new OAuthClient(context.http(), provider(cfg)),
                new TokenStore(context.secrets()), context.http(), cfg.name());
        DropboxApi api = new DropboxApi(session,
                URI.create(cfg.get("api_url").orElse("https://api.dropboxapi.com")),
                URI.create(cfg.get("content_url").orElse("https://content.dropboxapi.com")),
                URI.create(cfg.get("notify_url").orElse("https://notify.dropboxapi.com")), context.http(),
                context.retrier());
        return new DropboxSource(api, cfg.get("folder").orElse(""), context.dataDir());
    }
}
