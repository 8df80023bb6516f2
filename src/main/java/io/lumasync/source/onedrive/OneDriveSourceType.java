package io.lumasync.source.onedrive;

import io.lumasync.auth.OAuthApps;
import io.lumasync.auth.OAuthProvider;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Secrets;
import io.lumasync.source.CloudCalls;
import io.lumasync.source.Source;
import io.lumasync.source.SourceType;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * OneDrive and SharePoint (Microsoft Graph) as a source, read-only. Tokens come from {@code lumasync login NAME}
 * through the Microsoft identity platform (public client, PKCE, loopback redirect). Unlisted settings
 * {@code api_url}, {@code authorize_url}, {@code token_url} and {@code page_size} point it at another server (tests,
 * a national cloud).
 */
public final class OneDriveSourceType implements SourceType {
    public static final String ID = "onedrive";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "OneDrive / SharePoint";
    }

    @Override
    public String description() {
        return "Images in a OneDrive or SharePoint folder (personal, work or school; sub-folders included), "
                + "read-only; changes are picked up incrementally.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                new ConfigField("folder", "Folder", ConfigField.Kind.TEXT, false, "",
                        "The folder's path in your OneDrive, e.g. /Pictures/Deliveries. A folder shared with you "
                                + "works once added to My files. Empty = the whole OneDrive.", List.of()),
                ConfigField.text("drive_id", "Drive ID", false,
                        "For a SharePoint library or a folder in someone else's drive: that drive's ID. Empty = "
                                + "your own OneDrive."),
                ConfigField.text("folder_id", "Folder ID", false,
                        "Instead of a path: the folder's item ID in that drive (with the drive ID)."),
                new ConfigField("tenant", "Accounts", ConfigField.Kind.TEXT, false, "common",
                        "'common' = personal and work accounts; 'consumers', 'organizations', or your organisation's "
                                + "tenant ID.", List.of()),
                ConfigField.text("client_id", "Application (client) ID", false,
                        "Your own Microsoft Entra app registration (public client, 'Mobile and desktop' redirect "
                                + "http://127.0.0.1/callback, delegated permission Files.Read.All). Empty = Lumasync's."));
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.OAUTH_PKCE;
    }

    public static OAuthProvider provider(AdapterConfig config) throws LumasyncException {
        return provider(config, OAuthApps.current());
    }

    static OAuthProvider provider(AdapterConfig config, OAuthApps apps) throws LumasyncException {
        String clientId = CloudCalls.clientId(config, apps.microsoft(), "Microsoft application ID. Register an app in "
                + "the Microsoft Entra admin center (see docs/sources.md) and enter its Application (client) ID in the "
                + "source.");
        return CloudCalls.atConfiguredEndpoints(config,
                OAuthProvider.microsoft(clientId, config.get("tenant").orElse("common")));
    }

    @Override
    public Optional<OAuthProvider> oauthProvider(AdapterConfig config, Secrets secrets) throws LumasyncException {
        return Optional.of(provider(config));
    }

    @Override
    public Source create(AdapterContext context) throws LumasyncException {
        AdapterConfig cfg = context.config();
        GraphApi api = new GraphApi(CloudCalls.session(context, provider(cfg)), URI.create(cfg.get("api_url").orElse("https://graph.microsoft.com")),
                context.http(), context.retrier());
        FolderRef folder = new FolderRef(cfg.get("drive_id").filter(s -> !s.isBlank()),
                cfg.get("folder_id").filter(s -> !s.isBlank()), cfg.get("folder").orElse(""));
        return new OneDriveSource(api, folder, Math.max(1, Math.min(cfg.intValue("page_size", 200), 1000)),
                context.dataDir());
    }
}
