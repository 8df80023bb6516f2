package io.lumasync.auth;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The app registrations a build of Lumasync signs in with when a source names none of its own: embedded by the
 * build (Maven properties filtered into {@code oauth-apps.properties}) and overridable by environment variables,
 * e.g. for a packager's own registration. A Google client id only comes with its secret from the same place, so
 * an environment's id is never paired with the build's secret.
 */
public final class OAuthApps {
    public static final String DROPBOX_APP_KEY_ENV = "LUMASYNC_DROPBOX_APP_KEY";
    public static final String GOOGLE_CLIENT_ID_ENV = "LUMASYNC_GOOGLE_CLIENT_ID";
    public static final String GOOGLE_CLIENT_SECRET_ENV = "LUMASYNC_GOOGLE_CLIENT_SECRET";
    public static final String CANVA_CLIENT_ID_ENV = "LUMASYNC_CANVA_CLIENT_ID";
    public static final String CANVA_CLIENT_SECRET_ENV = "LUMASYNC_CANVA_CLIENT_SECRET";
    public static final String MICROSOFT_CLIENT_ID_ENV = "LUMASYNC_MICROSOFT_CLIENT_ID";
    public static final String ADOBE_CLIENT_ID_ENV = "LUMASYNC_ADOBE_CLIENT_ID";
    private static final String RESOURCE = "oauth-apps.properties";

    /** One registered client; the secret is only there for providers whose installed-app clients have one. */
    public record Client(String id, Optional<String> secret) {
        @Override
        public String toString() {
            return "Client[" + id + (secret.isPresent() ? ", secret set" : "") + "]";
        }
    }

    private final Map<String, String> env;
    private final Properties embedded;

    public OAuthApps(Map<String, String> env, Properties embedded) {
        this.env = Map.copyOf(env);
        this.embedded = embedded;
    }

    /** This build's registrations, with the process environment's overrides. */
    public static OAuthApps current() {
        Properties p = new Properties();
        try (InputStream in = OAuthApps.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource is a build without embedded registrations
        }
        return new OAuthApps(System.getenv(), p);
    }

    public Optional<Client> dropbox() {
        return value(env.get(DROPBOX_APP_KEY_ENV)).or(() -> value(embedded.getProperty("dropbox.app_key")))
                .map(id -> new Client(id, Optional.empty()));
    }

    public Optional<Client> google() {
        Optional<String> id = value(env.get(GOOGLE_CLIENT_ID_ENV));
        if (id.isPresent()) {
            return Optional.of(new Client(id.get(), value(env.get(GOOGLE_CLIENT_SECRET_ENV))));
        }
        return value(embedded.getProperty("google.client_id"))
                .map(i -> new Client(i, value(embedded.getProperty("google.client_secret"))));
    }

    /** A Canva integration: its id and secret from the environment or the build, never mixed. */
    public Optional<Client> canva() {
        Optional<String> id = value(env.get(CANVA_CLIENT_ID_ENV));
        if (id.isPresent()) {
            return Optional.of(new Client(id.get(), value(env.get(CANVA_CLIENT_SECRET_ENV))));
        }
        return value(embedded.getProperty("canva.client_id"))
                .map(i -> new Client(i, value(embedded.getProperty("canva.client_secret"))));
    }

    /** The Microsoft identity platform app (public client: an id, no secret) for OneDrive and SharePoint. */
    public Optional<Client> microsoft() {
        return value(env.get(MICROSOFT_CLIENT_ID_ENV)).or(() -> value(embedded.getProperty("microsoft.client_id")))
                .map(id -> new Client(id, Optional.empty()));
    }

    /** The Adobe Developer Console "OAuth Native App" credential (an API key, no secret) for Lightroom. */
    public Optional<Client> adobe() {
        return value(env.get(ADOBE_CLIENT_ID_ENV)).or(() -> value(embedded.getProperty("adobe.client_id")))
                .map(id -> new Client(id, Optional.empty()));
    }

    /** Blank, or a placeholder Maven left unfiltered, means "none". */
    private static Optional<String> value(String s) {
        return Optional.ofNullable(s).map(String::strip).filter(v -> !v.isEmpty() && !v.startsWith("${"));
    }
}
