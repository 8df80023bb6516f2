package io.lumasync.destination.wordpress;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Destination;
import io.lumasync.destination.CompanionFile;
import io.lumasync.destination.DestinationType;
import io.lumasync.http.Http;
import io.lumasync.http.PlainHttp;

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
    public static final String ALLOW_PLAIN_HTTP = PlainHttp.FIELD;

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
                                + " Sites reached over plain http allow them only as a local environment."),
                PlainHttp.field());
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.CREDENTIALS;
    }

    /** Refused when saved rather than at the first push: a password that would cross the network in clear. */
    @Override
    public void validate(AdapterConfig config, java.util.Map<String, String> secrets) throws LumasyncException {
        PlainHttp.requireSafe(siteUri(config.require(URL)), config.flag(ALLOW_PLAIN_HTTP),
                "The WordPress destination '" + config.name() + "'");
    }

    @Override
    public Destination create(AdapterContext context) throws LumasyncException {
        AdapterConfig config = context.config();
        URI site = siteUri(config.require(URL));
        String user = config.require(USER);
        String password = context.secrets().require(PASSWORD, config.name());
        var http = context.http() != null ? context.http() : Http.newClient();
        return new WordPressDestination(new WordPressApi(http, site, user, password, config.flag(ALLOW_PLAIN_HTTP)));
    }

    @Override
    public boolean showsCaptions() {
        return true;   // the attachment's caption, shown under the image in posts and galleries
    }

    @Override
    public boolean canConnectInBrowser() {
        return true;
    }

    /** WordPress's own "Authorize application" page; on local http sites WordPress hands the password back itself. */
    @Override
    public java.util.Map<String, String> connectInBrowser(java.util.Map<String, String> known,
                                                          java.util.function.Consumer<URI> browser,
                                                          java.time.Duration timeout) throws LumasyncException {
        String typed = known.get(URL);
        if (typed == null || typed.isBlank()) {
            throw new io.lumasync.core.ConfigurationException("Give the site's address (--url) to connect to WordPress.");
        }
        try (WordPressConnectFlow flow = WordPressConnectFlow.begin(WordPressApi.anonymous(Http.newClient(), siteUri(typed)))) {
            browser.accept(flow.browserUrl());
            if (!flow.receivesPasswordItself()) {
                throw new io.lumasync.core.ConfigurationException("WordPress shows the new application password on"
                        + " the page that just opened: copy it, then add the site with --url, --user and"
                        + " --password-stdin (or paste it into the Password field in the app).");
            }
            WordPressConnectFlow.Approved ok = flow.await(timeout);
            return java.util.Map.of(URL, ok.siteUrl().toString(), USER, ok.user(), PASSWORD, ok.password());
        }
    }

    @Override
    public java.util.Optional<CompanionFile> saveCompanion(java.nio.file.Path dir) throws LumasyncException {
        return java.util.Optional.of(new CompanionFile(CompanionPlugin.saveTo(dir.resolve(CompanionPlugin.FILE_NAME)),
                "Install it in WordPress: Plugins → Add New → Upload Plugin, then activate it."));
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
