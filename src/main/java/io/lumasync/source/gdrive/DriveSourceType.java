package io.lumasync.source.gdrive;

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
import io.lumasync.core.Secrets;
import io.lumasync.source.Source;
import io.lumasync.source.SourceType;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Google Drive as a source, read-only scope. Tokens come from {@code lumasync login gdrive}. Unlisted settings
 * {@code api_url}, {@code authorize_url} and {@code token_url} point it at another server (tests). Google's Desktop
 * app clients need their secret in the code exchange and in every refresh: a source with its own client id keeps
 * that client's secret in the vault; the build's client id comes with the build's secret.
 */
public final class DriveSourceType implements SourceType {
    public static final String ID = "gdrive";
    /** The secret of the source's own Desktop app client (not confidential for such clients, kept in the vault). */
    public static final String CLIENT_SECRET_KEY = "client_secret";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Google Drive";
    }

    @Override
    public String description() {
        return "Images in a Google Drive folder or shared drive (sub-folders included), read-only. Google Docs "
                + "files are skipped.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                new ConfigField("folder_id", "Folder ID", ConfigField.Kind.TEXT, false, "root",
                        "The folder's ID (the last part of its address in the browser). 'root' = My Drive.", List.of()),
                ConfigField.text("drive_id", "Shared drive ID", false,
                        "For a folder in a shared drive: that drive's ID. Empty for My Drive."),
                ConfigField.text("client_id", "OAuth client ID", false,
                        "Your own Google Cloud 'Desktop app' client ID (with its secret below). Empty = Lumasync's."),
                new ConfigField(CLIENT_SECRET_KEY, "OAuth client secret", ConfigField.Kind.SECRET, false, "",
                        "The secret Google shows with your own Desktop app client (not confidential for such "
                                + "clients, but kept in the keychain anyway).", List.of()));
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.OAUTH_PKCE;
    }

    public static OAuthProvider provider(AdapterConfig config, Secrets secrets) throws LumasyncException {
        return provider(config, secrets, OAuthApps.current());
    }

    static OAuthProvider provider(AdapterConfig config, Secrets secrets, OAuthApps apps) throws LumasyncException {
        Optional<String> own = config.get("client_id").filter(s -> !s.isBlank());
        OAuthApps.Client client;
        if (own.isPresent()) {
            client = new OAuthApps.Client(own.get(), secrets.get(CLIENT_SECRET_KEY).filter(s -> !s.isBlank()));
        } else {
            client = apps.google().orElseThrow(() -> new LumasyncException(ErrorKind.UNAVAILABLE, "'"
                    + config.name() + "' has no Google OAuth client ID. Create a Desktop app client in Google Cloud "
                    + "and enter its ID and secret in the source."));
        }
        if (client.secret().isEmpty()) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "'" + config.name() + "' has a Google client ID but "
                    + "no client secret. Google's Desktop app clients need both to sign in: enter the secret shown "
                    + "with the client in Google Cloud Console (Credentials).");
        }
        OAuthProvider p = OAuthProvider.google(client.id(), client.secret());
        return p.withEndpoints(config.get("authorize_url").map(URI::create).orElse(p.authorizationUri()),
                config.get("token_url").map(URI::create).orElse(p.tokenUri()));
    }

    @Override
    public Optional<OAuthProvider> oauthProvider(AdapterConfig config, Secrets secrets) throws LumasyncException {
        return Optional.of(provider(config, secrets));
    }

    @Override
    public Source create(AdapterContext context) throws LumasyncException {
        AdapterConfig cfg = context.config();
        OAuthSession session = new OAuthSession(new OAuthClient(context.http(), provider(cfg, context.secrets())),
                new TokenStore(context.secrets()), context.http(), cfg.name());
        DriveApi api = new DriveApi(session, URI.create(cfg.get("api_url").orElse("https://www.googleapis.com")),
                context.http(), context.retrier());
        return new DriveSource(api, cfg.get("folder_id").orElse("root"), cfg.get("drive_id"),
                cfg.intValue("page_size", 1000), context.dataDir());
    }
}
