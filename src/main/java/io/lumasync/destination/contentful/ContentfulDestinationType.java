package io.lumasync.destination.contentful;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationType;
import io.lumasync.http.BearerApi;
import io.lumasync.http.Http;
import io.lumasync.http.PlainHttp;
import io.lumasync.http.RateBudgets;
import io.lumasync.http.WindowBudget;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Contentful assets, through the Content Management API with a personal access (CMA) token from the keychain. */
public final class ContentfulDestinationType implements DestinationType {
    public static final String ID = "contentful";
    public static final String SPACE = "space";
    public static final String ENVIRONMENT = "environment";
    public static final String LOCALE = "locale";
    public static final String TOKEN = "token";
    public static final String API_URL = "api_url";
    static final String DEFAULT_API = "https://api.contentful.com";
    /** Contentful's ids: 1 to 64 of letters, digits, dots, dashes and underscores (CMA reference, Resource IDs). */
    private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern LOCALE_CODE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    /** The CMA allows 7 requests a second per space by default (API rate limits); the answers' headers correct it. */
    private static final int REQUESTS_PER_SECOND = 7;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Contentful";
    }

    @Override
    public String description() {
        return "Publishes images as assets in a Contentful space, with title and description; updated photos keep"
                + " their asset, so entries stay linked.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                ConfigField.text(SPACE, "Space ID", true, "In Contentful under Settings → General settings."),
                new ConfigField(ENVIRONMENT, "Environment", ConfigField.Kind.TEXT, false, "master",
                        "The environment the assets go into (Settings → Environments).", List.of()),
                new ConfigField(LOCALE, "Locale", ConfigField.Kind.TEXT, false, "en-US",
                        "The locale whose title, description and file Lumasync sets (Settings → Locales).", List.of()),
                ConfigField.secret(TOKEN, "Content management token", "A personal access token: in Contentful"
                        + " under Settings → CMA tokens → Create personal access token. Kept in the keychain."),
                new ConfigField(API_URL, "API address", ConfigField.Kind.URL, false, DEFAULT_API,
                        "https://api.contentful.com, or https://api.eu.contentful.com for spaces in the EU data"
                                + " region.", List.of()),
                PlainHttp.field());
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.CREDENTIALS;
    }

    @Override
    public void validate(AdapterConfig config, Map<String, String> secrets) throws LumasyncException {
        String space = config.require(SPACE);
        if (!RESOURCE_ID.matcher(space).matches()) {
            throw new ConfigurationException("'" + space + "' is not a Contentful space ID: it is up to 64 letters"
                    + " and digits, shown under Settings → General settings.");
        }
        String env = config.get(ENVIRONMENT).orElse("master");
        if (!RESOURCE_ID.matcher(env).matches()) {
            throw new ConfigurationException("'" + env + "' is not a Contentful environment ID.");
        }
        String locale = config.get(LOCALE).orElse("en-US");
        if (!LOCALE_CODE.matcher(locale).matches()) {
            throw new ConfigurationException("'" + locale + "' is not a locale code, e.g. en-US or de.");
        }
        PlainHttp.requireSafe(apiUri(config), config.flag(PlainHttp.FIELD),
                "The Contentful destination '" + config.name() + "'");
    }

    @Override
    public Destination create(AdapterContext context) throws LumasyncException {
        AdapterConfig config = context.config();
        validate(config, Map.of());
        String space = config.require(SPACE);
        String token = context.secrets().require(TOKEN, config.name());
        URI api = apiUri(config);
        var budget = RateBudgets.shared("contentful:" + space, WindowBudget.class,
                () -> new WindowBudget(REQUESTS_PER_SECOND, Duration.ofSeconds(1),
                        "X-Contentful-RateLimit-Second-Remaining", "X-Contentful-RateLimit-Reset", false));
        var http = context.http() != null ? context.http() : Http.newClient();
        return new ContentfulDestination(new ContentfulApi(http, api, uploadUri(api), space,
                config.get(ENVIRONMENT).orElse("master"), token, budget, config.flag(PlainHttp.FIELD)),
                config.get(LOCALE).orElse("en-US"));
    }

    static URI apiUri(AdapterConfig config) throws ConfigurationException {
        URI u = BearerApi.address(config.get(API_URL).orElse(DEFAULT_API), "Contentful", DEFAULT_API);
        return URI.create(u.getScheme() + "://" + u.getRawAuthority());
    }

    /** Contentful takes file bytes on its upload host: api.… → upload.… (also in the EU region); else the same. */
    static URI uploadUri(URI api) {
        String host = api.getHost();
        return host.startsWith("api.") ? URI.create(api.getScheme() + "://upload." + host.substring(4)
                + (api.getPort() >= 0 ? ":" + api.getPort() : "")) : api;
    }
}
