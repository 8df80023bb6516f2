package io.lumasync.destination.wordpress;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationType;
import io.lumasync.http.Http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** WordPress Media Library, signed in with an application password (kept in the keychain, never in the database). */
public final class WordPressDestinationType implements DestinationType {
    public static final String ID = "wordpress";
    public static final String URL = "url";
    public static final String USER = "user";
    public static final String PASSWORD = "password";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "WordPress";
    }

    @Override
    public String description() {
        return "Publishes to a WordPress site's Media Library, with alt text; updates images in place with the"
                + " Lumasync Companion plugin.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                ConfigField.url(URL, "Site address",
                        "The address of the WordPress site, e.g. https://example.com (as in Settings → General)."),
                ConfigField.text(USER, "User name", true,
                        "The WordPress user Lumasync uploads as: an Author, Editor or Administrator."),
                ConfigField.secret(PASSWORD, "Application password",
                        "Made in WordPress under Users → Profile → Application Passwords (not your login password)."
                                + " Sites reached over plain http allow them only as a local environment."));
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.CREDENTIALS;
    }

    @Override
    public Destination create(AdapterContext context) throws LumasyncException {
        AdapterConfig config = context.config();
        URI site = siteUri(config.require(URL));
        String user = config.require(USER);
        String password = context.secrets().require(PASSWORD, config.name());
        var http = context.http() != null ? context.http() : Http.newClient();
        return new WordPressDestination(new WordPressApi(http, site, user, password));
    }

    /** Reads the address the user typed: "example.com" means https; a path (a site in a folder) is kept. */
    public static URI siteUri(String typed) throws LumasyncException {
        String s = typed.strip();
        if (!s.contains("://")) {
            s = "https://" + s;
        }
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null) {
                throw new URISyntaxException(s, "not a web address");
            }
            return WordPressApi.normalise(new URI(scheme, u.getUserInfo(), u.getHost(), u.getPort(), u.getPath(), null, null));
        } catch (URISyntaxException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "'" + typed + "' is not a web address. Enter the"
                    + " site's address, e.g. https://example.com.", e);
        }
    }
}
