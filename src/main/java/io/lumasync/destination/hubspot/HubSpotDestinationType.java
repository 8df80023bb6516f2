package io.lumasync.destination.hubspot;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationType;
import io.lumasync.http.Http;
import io.lumasync.http.PlainHttp;
import io.lumasync.http.RateBudgets;
import io.lumasync.http.WindowBudget;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HubSpot's file manager, through a private app's access token (kept in the keychain, never in the database). */
public final class HubSpotDestinationType implements DestinationType {
    public static final String ID = "hubspot";
    public static final String TOKEN = "token";
    public static final String FOLDER = "folder";
    public static final String ACCESS = "access";
    public static final String API_URL = "api_url";
    static final String DEFAULT_API = "https://api.hubapi.com";
    private static final List<String> ACCESS_LEVELS = List.of("PUBLIC_INDEXABLE", "PUBLIC_NOT_INDEXABLE", "PRIVATE");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "HubSpot";
    }

    @Override
    public String description() {
        return "Publishes to HubSpot's file manager (Files API v3), replacing images in place with the same ID and"
                + " address.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                new ConfigField(FOLDER, "Folder", ConfigField.Kind.TEXT, false, "/Lumasync", "The file manager"
                        + " folder to publish into, e.g. /Lumasync/Portfolio; made on the first upload.", List.of()),
                ConfigField.secret(TOKEN, "Private app access token", "In HubSpot: Settings → Integrations → Private"
                        + " Apps → Create a private app, give it the 'files' scope, create it and copy the access"
                        + " token (pat-…)."),
                ConfigField.choice(ACCESS, "Who may see the files", "PUBLIC_NOT_INDEXABLE", ACCESS_LEVELS,
                        "PUBLIC_INDEXABLE: public, search engines may list them; PUBLIC_NOT_INDEXABLE: public by"
                                + " address only; PRIVATE: only signed-in HubSpot users."),
                new ConfigField(API_URL, "API address", ConfigField.Kind.URL, false, DEFAULT_API, "Leave as it is"
                        + " unless HubSpot gave your account another API address.", List.of()),
                PlainHttp.field());
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.CREDENTIALS;
    }

    @Override
    public void validate(AdapterConfig config, Map<String, String> secrets) throws LumasyncException {
        PlainHttp.requireSafe(apiUri(config), config.flag(PlainHttp.FIELD),
                "The HubSpot destination '" + config.name() + "'");
        folder(config);
    }

    @Override
    public Destination create(AdapterContext context) throws LumasyncException {
        AdapterConfig config = context.config();
        String token = context.secrets().require(TOKEN, config.name());
        URI api = apiUri(config);
        // HubSpot counts requests per account in 10-second windows; one budget per token, shared by every run.
        WindowBudget budget = RateBudgets.shared("hubspot:" + api.getAuthority() + ":" + fingerprint(token),
                WindowBudget.class, () -> new WindowBudget(100, Duration.ofSeconds(10),
                        "X-HubSpot-RateLimit-Remaining", null, false));
        String access = config.get(ACCESS).map(a -> a.toUpperCase(Locale.ROOT)).filter(ACCESS_LEVELS::contains)
                .orElse("PUBLIC_NOT_INDEXABLE");
        var http = context.http() != null ? context.http() : Http.newClient();
        return new HubSpotDestination(new HubSpotApi(http, api, token, budget, config.flag(PlainHttp.FIELD)),
                folder(config), access);
    }

    static URI apiUri(AdapterConfig config) throws LumasyncException {
        String s = config.get(API_URL).filter(v -> !v.isBlank()).orElse(DEFAULT_API).strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            URI u = URI.create(s.contains("://") ? s : "https://" + s);
            if (u.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("'" + s + "' is not an API address. Leave the API address as "
                    + DEFAULT_API + ".");
        }
    }

    /** A folder path: starts with "/", no empty or dot segments. */
    static String folder(AdapterConfig config) throws LumasyncException {
        String f = config.get(FOLDER).filter(v -> !v.isBlank()).orElse("/Lumasync").strip().replace('\\', '/');
        if (!f.startsWith("/")) {
            f = "/" + f;
        }
        while (f.length() > 1 && f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        for (String part : f.substring(1).split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.chars().anyMatch(c -> c < 0x20)) {
                throw new ConfigurationException("'" + f + "' is not a folder path for HubSpot: use names separated"
                        + " by '/', e.g. /Lumasync/Portfolio.");
            }
        }
        return f;
    }

    private static String fingerprint(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
