package io.lumasync.destination.webflow;

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

/** A Webflow site's Assets, through the Data API v2 with a site token from the keychain. */
public final class WebflowDestinationType implements DestinationType {
    public static final String ID = "webflow";
    public static final String SITE = "site";
    public static final String TOKEN = "token";
    public static final String COLLECTIONS = "collections";
    public static final String PUBLISH = "publish";
    public static final String RATE = "requests_per_minute";
    public static final String API_URL = "api_url";
    static final String DEFAULT_API = "https://api.webflow.com/v2";
    private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Webflow";
    }

    @Override
    public String description() {
        return "Publishes images to a Webflow site's Assets with alt text; an updated photo becomes a new asset and"
                + " the CMS items that showed the old one are pointed at it.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                ConfigField.text(SITE, "Site ID", true, "In Webflow under Site settings → General → Overview."),
                ConfigField.secret(TOKEN, "Site API token", "Site settings → Apps & integrations → API access →"
                        + " Generate API token, with Assets, CMS and Sites read and write access. Kept in the keychain."),
                ConfigField.text(COLLECTIONS, "CMS fields to update", false, "Where updated photos are re-pointed:"
                        + " collections, optionally with one image field each, e.g. 'blog-posts, team:photo'. Empty:"
                        + " every image field of every collection."),
                ConfigField.bool(PUBLISH, "Publish updated CMS items", false,
                        "Publish the items whose image Lumasync re-pointed, so the live site shows the new photo."),
                ConfigField.choice(RATE, "Requests per minute", "60", List.of("60", "120"),
                        "Webflow allows 60 requests a minute on Starter and Basic site plans, 120 on CMS, Business"
                                + " and eCommerce."),
                new ConfigField(API_URL, "API address", ConfigField.Kind.URL, false, DEFAULT_API,
                        "Webflow's Data API; leave as it is.", List.of()),
                PlainHttp.field());
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.CREDENTIALS;
    }

    @Override
    public void validate(AdapterConfig config, Map<String, String> secrets) throws LumasyncException {
        String site = config.require(SITE);
        if (!SITE_ID.matcher(site).matches()) {
            throw new ConfigurationException("'" + site + "' is not a Webflow site ID: a string of letters and"
                    + " digits shown under Site settings → General → Overview.");
        }
        PlainHttp.requireSafe(apiUri(config), config.flag(PlainHttp.FIELD),
                "The Webflow destination '" + config.name() + "'");
    }

    @Override
    public Destination create(AdapterContext context) throws LumasyncException {
        AdapterConfig config = context.config();
        validate(config, Map.of());
        String token = context.secrets().require(TOKEN, config.name());
        int rpm = config.intValue(RATE, 60) >= 120 ? 120 : 60;
        var budget = RateBudgets.shared(BearerApi.accountKey("webflow", token), WindowBudget.class,
                () -> new WindowBudget(rpm, Duration.ofMinutes(1), "X-RateLimit-Remaining", null, false));
        var http = context.http() != null ? context.http() : Http.newClient();
        return new WebflowDestination(new WebflowApi(http, apiUri(config), config.require(SITE), token, budget,
                config.flag(PlainHttp.FIELD)), config.get(COLLECTIONS).orElse(""), config.flag(PUBLISH));
    }

    static URI apiUri(AdapterConfig config) throws ConfigurationException {
        return BearerApi.address(config.get(API_URL).orElse(DEFAULT_API), "Webflow", DEFAULT_API);
    }
}
