package io.lumasync.destination.wordpress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.wordpress.api.WpError;
import io.lumasync.http.HttpErrors;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Words WordPress's answers for a photographer: WordPress's own error codes ({@code incorrect_password},
 * {@code rest_cannot_create}, {@code rest_upload_sideload_error}…) become a sentence saying what happened and what
 * to do; the rest is classified by {@link HttpErrors}. Also recognises a site that answers with a web page where
 * the REST API should answer JSON.
 */
final class WordPressErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI site;
    private final String user;
    private volatile Optional<Boolean> applicationPasswords = Optional.empty();

    WordPressErrors(URI site, String user) {
        this.site = site;
        this.user = user;
    }

    String what() {
        return "WordPress at " + site.getAuthority();
    }

    void noteApplicationPasswords(Optional<Boolean> enabled) {
        applicationPasswords = enabled;
    }

    boolean knowsApplicationPasswords() {
        return applicationPasswords.isPresent();
    }

    static boolean isJson(WordPressApi.Answer a) {
        String type = a.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return true;
        }
        String start = new String(a.body(), 0, Math.min(a.body().length, 64), java.nio.charset.StandardCharsets.UTF_8).strip();
        return type.isEmpty() && (start.startsWith("{") || start.startsWith("["));
    }

    /** WordPress's error code in the answer, or "" when it is not a WordPress error. */
    static String code(WordPressApi.Answer a) {
        return error(a).map(WpError::code).orElse("");
    }

    private static Optional<WpError> error(WordPressApi.Answer a) {
        if (!isJson(a)) {
            return Optional.empty();
        }
        try {
            WpError e = JSON.readValue(a.body(), WpError.class);
            return e.code().isEmpty() ? Optional.empty() : Optional.of(e);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The failure for a non-2xx answer, or for a 2xx answer that is not JSON. */
    LumasyncException fromAnswer(WordPressApi.Answer a, String action) {
        int status = a.status();
        Optional<WpError> err = error(a);
        if (err.isEmpty()) {
            boolean classifiedByStatus = status >= 500 || status == 401 || status == 403 || status == 408
                    || status == 413 || status == 425 || status == 429;
            if (!isJson(a) && !classifiedByStatus) {
                return htmlInsteadOfJson(action);
            }
            if (!isJson(a) && status >= 500) {
                return new LumasyncException(ErrorKind.RETRY, what() + " answered with an error page (HTTP " + status
                        + ") instead of WordPress data while Lumasync tried to " + action + ": the site may be in"
                        + " maintenance mode or have a PHP error. Lumasync will try again later.",
                        HttpErrors.retryAfter(a.headers()).orElse(null), null);
            }
            return HttpErrors.fromStatus(what(), status, a.headers(), "");
        }
        String code = err.get().code();
        String message = plain(err.get().message());
        return switch (code) {
            case "incorrect_password", "invalid_username", "invalid_email", "application_passwords_disabled",
                 "application_passwords_disabled_for_user" -> credentials(code, message);
            case "rest_not_logged_in", "rest_cannot_create", "rest_cannot_edit", "rest_cannot_delete",
                 "rest_forbidden", "rest_cannot_view", "rest_forbidden_context" -> notAllowed(status, action, message);
            case "lumasync_upload_refused" -> LumasyncException.giveUp(
                    what() + " refused the file while trying to " + action + ": " + message);
            case "rest_upload_sideload_error", "lumasync_not_an_image" -> LumasyncException.giveUp(
                    what() + " refused the file while trying to " + action + ": " + message
                            + " The site does not take this kind of file; Lumasync sends another format where the"
                            + " destination's formats allow it, else convert the image first.");
            case "rest_upload_hash_mismatch" -> new LumasyncException(ErrorKind.RETRY,
                    what() + " received a damaged copy of the file while trying to " + action + "; it will be sent again.");
            case "rest_post_invalid_id" -> LumasyncException.giveUp(what() + " has no such attachment (trying to "
                    + action + "). It was probably deleted in WordPress; publish the image again.");
            default -> HttpErrors.fromStatus(what(), status, a.headers(), message.isEmpty() ? code : message + " [" + code + "]");
        };
    }

    private LumasyncException credentials(String code, String message) {
        String fix = " Create a new application password in WordPress (Users → Profile → Application Passwords)"
                + " and reconnect this destination.";
        return switch (code) {
            case "invalid_username", "invalid_email" -> new LumasyncException(ErrorKind.REAUTH,
                    what() + " has no user '" + user + "'. Check the user name." + fix);
            case "application_passwords_disabled", "application_passwords_disabled_for_user" ->
                    new LumasyncException(ErrorKind.REAUTH, what() + " has application passwords turned off ("
                            + message + "). Ask the site's administrator to allow them for '" + user + "'.");
            default -> new LumasyncException(ErrorKind.REAUTH,
                    what() + " did not accept the application password for '" + user + "'." + fix);
        };
    }

    private LumasyncException notAllowed(int status, String action, String message) {
        boolean ignored = applicationPasswords.map(enabled -> !enabled).orElse(false);
        if (status == 401 && ignored) {
            String how = "http".equalsIgnoreCase(site.getScheme())
                    ? " WordPress turns application passwords off on sites reached over plain http, unless the site is"
                    + " marked as a local environment. Use the site's https:// address; on a local test site add"
                    + " define('WP_ENVIRONMENT_TYPE', 'local'); to wp-config.php."
                    : " Application passwords are turned off on this site, often by a security plugin. Ask the"
                    + " site's administrator to allow them.";
            return new LumasyncException(ErrorKind.REAUTH,
                    what() + " ignored the application password, so Lumasync is not signed in." + how);
        }
        if (status == 401) {
            // WordPress often answers a wrong password or an unknown user with a bare "not logged in".
            return new LumasyncException(ErrorKind.REAUTH, what() + " did not accept the user name '" + user
                    + "' with this application password (trying to " + action + "). Check the user name, or create a"
                    + " new application password in WordPress (Users → Profile → Application Passwords) and"
                    + " reconnect this destination.");
        }
        return new LumasyncException(ErrorKind.REAUTH, what() + " does not let '" + user + "' " + action
                + " (" + message + "). Use an account with the Author, Editor or Administrator role.");
    }

    LumasyncException htmlInsteadOfJson(String action) {
        return new LumasyncException(ErrorKind.UNAVAILABLE, "The address " + site + " answered with a web page"
                + " instead of WordPress data while Lumasync tried to " + action + ". Check that it is the address of"
                + " the WordPress site itself (as in Settings → General → Site Address), and that no maintenance mode,"
                + " firewall or security plugin blocks /wp-json/.");
    }

    LumasyncException unreadable(String action, Exception cause) {
        return new LumasyncException(ErrorKind.UNAVAILABLE, what() + " sent an answer Lumasync cannot read while"
                + " trying to " + action + ". A plugin may be printing extra text into the REST API's answers.", cause);
    }

    /** WordPress messages may carry HTML (links, <code>); the user sees plain words. */
    private static String plain(String s) {
        return s.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }
}
