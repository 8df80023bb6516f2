package io.lumasync.source.shutterstock;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.PlainHttp;
import io.lumasync.source.Source;
import io.lumasync.source.SourceType;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shutterstock licences as a source, with the account's API token (a SECRET field, in the vault): Shutterstock's
 * OAuth needs a client secret in the code exchange and a registered web callback, so a desktop app takes the token
 * the developer account generates. {@code api_url} ("API address") points it at a proxy (or a test server); the
 * token goes there over https, or plain http to this computer only.
 */
public final class ShutterstockSourceType implements SourceType {
    public static final String ID = "shutterstock";
    static final String DEFAULT_API = "https://api.shutterstock.com";
    private static final List<String> SIZES = List.of("huge", "medium", "small");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Shutterstock";
    }

    @Override
    public String description() {
        return "The images this Shutterstock account has licensed (never previews), with their descriptions, "
                + "keywords and contributor credit.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                ConfigField.secret("token", "API token", "Shutterstock developer account → your app → Generate "
                        + "token, with the scopes licenses.view and licenses.create. Stays in the keychain."),
                ConfigField.choice("size", "Size", "huge", SIZES, "Which licensed size to download: huge is the "
                        + "full-resolution file."),
                new ConfigField("api_url", "API address", ConfigField.Kind.URL, false, DEFAULT_API, "Leave as it is"
                        + " unless you reach Shutterstock through a proxy.", List.of()),
                PlainHttp.field());
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.CREDENTIALS;
    }

    @Override
    public void validate(AdapterConfig config, Map<String, String> secrets) throws LumasyncException {
        PlainHttp.apiAddress(config.get("api_url"), DEFAULT_API, config.flag(PlainHttp.FIELD),
                "The Shutterstock source '" + config.name() + "'");
    }

    @Override
    public Source create(AdapterContext context) throws LumasyncException {
        AdapterConfig cfg = context.config();
        URI api = PlainHttp.apiAddress(cfg.get("api_url"), DEFAULT_API, cfg.flag(PlainHttp.FIELD),
                "The Shutterstock source '" + cfg.name() + "'");
        String size = cfg.get("size").map(s -> s.toLowerCase(Locale.ROOT)).filter(SIZES::contains).orElse("huge");
        return new ShutterstockSource(new ShutterstockApi(context.http(),
                api,
                context.secrets().require("token", cfg.name()), context.retrier()), size, context.dataDir());
    }
}
