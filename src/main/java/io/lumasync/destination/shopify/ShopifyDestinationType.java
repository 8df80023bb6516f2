package io.lumasync.destination.shopify;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationType;
import io.lumasync.http.CostBucketBudget;
import io.lumasync.http.Http;
import io.lumasync.http.PlainHttp;
import io.lumasync.http.RateBudgets;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shopify Files, through a custom app's Admin API access token (kept in the keychain, never in the database). */
public final class ShopifyDestinationType implements DestinationType {
    public static final String ID = "shopify";
    public static final String STORE = "store";
    public static final String TOKEN = "token";
    private static final Pattern ADMIN_URL = Pattern.compile("admin\\.shopify\\.com/store/([a-z0-9][a-z0-9-]*)");
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Shopify";
    }

    @Override
    public String description() {
        return "Publishes to a Shopify store's Files (Content → Files) with alt text, replacing images in place"
                + " (Admin API " + ShopifyApi.API_VERSION + ").";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                ConfigField.text(STORE, "Store", true, "The store's myshopify.com address, e.g. my-shop.myshopify.com"
                        + " (or just my-shop). Shown in Shopify admin under Settings → Domains."),
                ConfigField.secret(TOKEN, "Admin API access token", "From a custom app: Settings → Apps and sales"
                        + " channels → Develop apps → Create an app, give it the Admin API scopes write_files and"
                        + " read_files (read_online_store_pages to name pages that link a changed image), install it"
                        + " and copy the token (shpat_…)."),
                PlainHttp.field());
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.CREDENTIALS;
    }

    @Override
    public void validate(AdapterConfig config, Map<String, String> secrets) throws LumasyncException {
        PlainHttp.requireSafe(storeUri(config.require(STORE)), config.flag(PlainHttp.FIELD),
                "The Shopify destination '" + config.name() + "'");
    }

    @Override
    public Destination create(AdapterContext context) throws LumasyncException {
        AdapterConfig config = context.config();
        URI store = storeUri(config.require(STORE));
        String token = context.secrets().require(TOKEN, config.name());
        // One bucket per shop, shared by every run in the process, as Shopify meters the app on that shop.
        CostBucketBudget budget = RateBudgets.shared("shopify:" + store.getAuthority(), CostBucketBudget.class,
                () -> new CostBucketBudget(1000, 50));
        var http = context.http() != null ? context.http() : Http.newClient();
        return new ShopifyDestination(new ShopifyApi(http, store, token, budget, config.flag(PlainHttp.FIELD)),
                d -> Thread.sleep(d));
    }

    /**
     * The store's API address from what the user typed: "my-shop", "my-shop.myshopify.com", the admin's address
     * (admin.shopify.com/store/my-shop) or, for a local test server, a full http://localhost address.
     */
    public static URI storeUri(String typed) throws LumasyncException {
        String s = typed.strip().toLowerCase(Locale.ROOT);
        Matcher admin = ADMIN_URL.matcher(s);
        if (admin.find()) {
            return URI.create("https://" + admin.group(1) + ".myshopify.com");
        }
        if (HANDLE.matcher(s).matches()) {
            return URI.create("https://" + s + ".myshopify.com");
        }
        try {
            URI u = new URI(s.contains("://") ? s : "https://" + s);
            if (u.getHost() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
                throw new URISyntaxException(s, "no host");
            }
            boolean local = PlainHttp.isLoopback(u.getHost());
            if (!local && !u.getHost().endsWith(".myshopify.com")) {
                throw new ConfigurationException("'" + typed + "' is not a myshopify.com address. The Admin API"
                        + " answers only there: use the store's my-shop.myshopify.com name (Settings → Domains).");
            }
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new ConfigurationException("'" + typed + "' is not a store address. Enter the store's myshopify.com"
                    + " name, e.g. my-shop.myshopify.com.");
        }
    }
}
