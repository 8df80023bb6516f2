package io.lumasync.source.canva;

import io.lumasync.auth.OAuthApps;
import io.lumasync.auth.OAuthClient;
import io.lumasync.auth.OAuthProvider;
import io.lumasync.auth.OAuthSession;
import io.lumasync.auth.TokenStore;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Secrets;
import io.lumasync.http.PlainHttp;
import io.lumasync.source.Source;
import io.lumasync.source.SourceType;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Canva designs through the Connect API, signed in with OAuth and PKCE in the system browser. Canva integrations
 * have a client secret that the token requests need; it is kept in the keychain (the source's own) or comes with
 * the build's or the environment's client id. {@code api_url} ("API address") points it at a proxy; the token goes
 * there over https, or plain http to this computer only unless allowed; {@code authorize_url}, {@code token_url} and {@code redirect_port} are unlisted
 * settings for tests.
 */
public final class CanvaSourceType implements SourceType {
    public static final String ID = "canva";
    public static final String CLIENT_SECRET_KEY = "client_secret";
    static final String DEFAULT_API = "https://api.canva.com";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Canva";
    }

    @Override
    public String description() {
        return "Canva designs (all, or one folder's), each page exported as its own PNG or JPG image.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                ConfigField.text("folder_id", "Folder ID", false, "A Canva folder's ID (the end of its address in "
                        + "Canva); empty = every design of the account."),
                ConfigField.text("pages", "Pages", false, "Which pages of each design, e.g. 1 or 1,3-5; empty = all."),
                ConfigField.choice("format", "Format", "png", List.of("png", "jpg"), "How Canva exports each page."),
                new ConfigField("quality", "JPG quality", ConfigField.Kind.NUMBER, false, "90",
                        "1 to 100, for JPG exports.", List.of()),
                ConfigField.text("client_id", "Client ID", false, "Your own Canva integration's client ID "
                        + "(Developer Portal; scopes design:meta:read, design:content:read, folder:read; redirect URL "
                        + "http://127.0.0.1:" + OAuthProvider.CANVA_LOOPBACK_PORT + "/callback). Empty = Lumasync's."),
                new ConfigField(CLIENT_SECRET_KEY, "Client secret", ConfigField.Kind.SECRET, false, "",
                        "The secret of your own integration; kept in the keychain.", List.of()),
                new ConfigField("api_url", "API address", ConfigField.Kind.URL, false, DEFAULT_API, "Leave as it is"
                        + " unless you reach Canva through a proxy.", List.of()),
                PlainHttp.field());
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.OAUTH_PKCE;
    }

    @Override
    public void validate(AdapterConfig config, Map<String, String> secrets) throws LumasyncException {
        pages(config);
        int q = config.intValue("quality", 90);
        if (q < 1 || q > 100) {
            throw new ConfigurationException("'" + config.name() + "': the JPG quality must be 1 to 100, not " + q + ".");
        }
        apiUri(config);
    }

    /** The API address; the access token never goes over plain http except to this computer. */
    static URI apiUri(AdapterConfig config) throws ConfigurationException {
        return PlainHttp.apiAddress(config.get("api_url"), DEFAULT_API, config.flag(PlainHttp.FIELD),
                "The Canva source '" + config.name() + "'");
    }

    /** The page numbers of the {@code pages} setting ("1,3-5"); empty = every page. */
    static Set<Integer> pages(AdapterConfig config) throws ConfigurationException {
        Set<Integer> out = new LinkedHashSet<>();
        for (String part : config.get("pages").orElse("").split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (!p.matches("\\d{1,4}(-\\d{1,4})?")) {
                throw new ConfigurationException("'" + config.name() + "': '" + p + "' is not a page number or a range "
                        + "such as 3-5.");
            }
            String[] ends = p.split("-");
            int from = Integer.parseInt(ends[0]);
            int to = Integer.parseInt(ends[ends.length - 1]);
            if (from < 1 || to < from) {
                throw new ConfigurationException("'" + config.name() + "': pages count from 1, and a range goes "
                        + "upwards ('" + p + "').");
            }
            for (int n = from; n <= to; n++) {
                out.add(n);
            }
        }
        return out;
    }

    static OAuthProvider provider(AdapterConfig config, Secrets secrets, OAuthApps apps) throws LumasyncException {
        Optional<String> own = config.get("client_id").filter(s -> !s.isBlank());
        OAuthApps.Client client = own.isPresent()
                ? new OAuthApps.Client(own.get(), secrets.get(CLIENT_SECRET_KEY).filter(s -> !s.isBlank()))
                : apps.canva().orElseThrow(() -> new LumasyncException(ErrorKind.UNAVAILABLE, "'" + config.name()
                + "' has no Canva integration. Create one in Canva's Developer Portal and enter its client ID and "
                + "secret in the source."));
        if (client.secret().isEmpty()) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "'" + config.name() + "' has a Canva client ID but no "
                    + "client secret. Canva needs both to sign in: generate the secret in the Developer Portal.");
        }
        OAuthProvider p = OAuthProvider.canva(client.id(), client.secret());
        p = p.withEndpoints(config.get("authorize_url").map(URI::create).orElse(p.authorizationUri()),
                config.get("token_url").map(URI::create).orElse(p.tokenUri()));
        return p.withLoopbackPort(config.intValue("redirect_port", OAuthProvider.CANVA_LOOPBACK_PORT));
    }

    @Override
    public Optional<OAuthProvider> oauthProvider(AdapterConfig config, Secrets secrets) throws LumasyncException {
        return Optional.of(provider(config, secrets, OAuthApps.current()));
    }

    @Override
    public Source create(AdapterContext context) throws LumasyncException {
        return create(context, Thread::sleep);
    }

    /** The source with its own wait between export-job checks (tests wait for nothing). */
    static CanvaSource create(AdapterContext context, io.lumasync.core.Retrier.Sleeper pollWait) throws LumasyncException {
        AdapterConfig cfg = context.config();
        OAuthSession session = new OAuthSession(new OAuthClient(context.http(),
                provider(cfg, context.secrets(), OAuthApps.current())), new TokenStore(context.secrets()), context.http(),
                cfg.name());
        CanvaApi api = new CanvaApi(session, context.http(), apiUri(cfg),
                context.retrier());
        String format = cfg.get("format").orElse("png").equalsIgnoreCase("jpg") ? "jpg" : "png";
        return new CanvaSource(api, cfg.get("folder_id").orElse(""), pages(cfg), format,
                Math.max(1, Math.min(100, cfg.intValue("quality", 90))), context.dataDir(), pollWait);
    }
}
