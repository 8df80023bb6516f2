package io.lumasync.source.lightroom;

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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Adobe Lightroom (cloud) as a source, read-only. Tokens come from {@code lumasync login NAME} through Adobe IMS
 * (OAuth Native App credential, PKCE, loopback redirect). Unlisted settings {@code api_url}, {@code authorize_url},
 * {@code token_url}, {@code render_wait_ms} and {@code render_polls} point it at another server (tests).
 */
public final class LightroomSourceType implements SourceType {
    public static final String ID = "lightroom";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Adobe Lightroom";
    }

    @Override
    public String description() {
        return "Photos in your Lightroom (cloud) catalog or one album or folder of it, as edited in Lightroom "
                + "(the 2048-pixel or the full-size rendition); an edit republishes the photo in place.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                ConfigField.text("album", "Album or folder", false,
                        "Its name as Lightroom shows it, folders first: e.g. Clients/Smith Wedding. Empty = every "
                                + "photo in the catalog."),
                ConfigField.choice("rendition", "Size", "2048", List.of("2048", "fullsize"),
                        "2048 = the 2048-pixel rendition Lightroom keeps ready; fullsize = generated at full "
                                + "resolution where the account allows (else 2048 is used, and the sync says so)."),
                ConfigField.text("client_id", "API key (client ID)", false,
                        "Your own Adobe Developer Console 'OAuth Native App' credential with the Lightroom API "
                                + "(redirect http://127.0.0.1:" + OAuthProvider.ADOBE_LOOPBACK_PORT + "/callback). "
                                + "Empty = Lumasync's."));
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.OAUTH_PKCE;
    }

    public static OAuthProvider provider(AdapterConfig config) throws LumasyncException {
        return provider(config, OAuthApps.current());
    }

    static OAuthProvider provider(AdapterConfig config, OAuthApps apps) throws LumasyncException {
        String clientId = CloudCalls.clientId(config, apps.adobe(), "Adobe API key. Create an 'OAuth Native App' "
                + "credential with the Lightroom API in the Adobe Developer Console (see docs/sources.md) and enter its "
                + "client ID in the source.");
        return CloudCalls.atConfiguredEndpoints(config, OAuthProvider.adobe(clientId))
                .withLoopbackPort(config.intValue("redirect_port", OAuthProvider.ADOBE_LOOPBACK_PORT));
    }

    @Override
    public Optional<OAuthProvider> oauthProvider(AdapterConfig config, Secrets secrets) throws LumasyncException {
        return Optional.of(provider(config));
    }

    @Override
    public Source create(AdapterContext context) throws LumasyncException {
        AdapterConfig cfg = context.config();
        OAuthProvider provider = provider(cfg);
        LightroomApi api = new LightroomApi(CloudCalls.session(context, provider),
                URI.create(cfg.get("api_url").orElse("https://lr.adobe.io")), provider.clientId(), context.retrier());
        LightroomSource.Rendition rendition = cfg.get("rendition").orElse("2048").toLowerCase(Locale.ROOT)
                .equals("fullsize") ? LightroomSource.Rendition.FULLSIZE : LightroomSource.Rendition.R2048;
        return new LightroomSource(api, cfg.get("album").orElse(""), rendition,
                Duration.ofMillis(cfg.intValue("render_wait_ms", 3000)), cfg.intValue("render_polls", 10),
                context.dataDir());
    }
}
