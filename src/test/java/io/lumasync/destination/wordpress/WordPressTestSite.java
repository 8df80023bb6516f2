package io.lumasync.destination.wordpress;

import io.lumasync.destination.DestinationContract.ErrorBody;
import io.lumasync.http.Http;
import io.lumasync.testing.LiveServers;

import java.net.URI;
import java.nio.file.Path;

/**
 * A real WordPress started by scripts/services.d/wordpress.sh, read from the environment it writes:
 * {@code LUMASYNC_WP_*} (6.5.5 with the companion plugin) and {@code LUMASYNC_WP61_*} (Debian's 6.1, no plugin).
 * Absent: the test is skipped with the reason, except on CI (CI=true), where it fails.
 */
record WordPressTestSite(URI url, String user, String password, String adminPassword, String readerUser,
                         String readerPassword, String authorUser, String authorPassword, Path dir) {

    static WordPressTestSite wp65() {
        return fromEnv("LUMASYNC_WP");
    }

    static WordPressTestSite wp61() {
        return fromEnv("LUMASYNC_WP61");
    }

    static WordPressTestSite fromEnv(String prefix) {
        String url = System.getenv(prefix + "_URL");
        LiveServers.require(url != null && !url.isBlank(),
                "no real WordPress to test against (" + prefix + "_URL is not set)",
                "Run the tests with scripts/run-tests, or start one with `LUMASYNC_TEST_ENV=/tmp/wp.env bash"
                        + " scripts/services.d/wordpress.sh start` and export the lines of /tmp/wp.env.");
        return new WordPressTestSite(URI.create(url), env(prefix + "_USER"), env(prefix + "_PASSWORD"),
                env(prefix + "_ADMIN_PASSWORD"), env(prefix + "_READER_USER"), env(prefix + "_READER_PASSWORD"),
                env(prefix + "_AUTHOR_USER"), env(prefix + "_AUTHOR_PASSWORD"), Path.of(env(prefix + "_DIR")));
    }

    private static String env(String key) {
        String v = System.getenv(key);
        return v == null ? "" : v;
    }

    WordPressDestination destination() {
        return new WordPressDestination(api(user, password));
    }

    WordPressDestination destinationAt(URI at) {
        return new WordPressDestination(new WordPressApi(Http.newClient(), at, user, password));
    }

    /** Injected errors as WordPress words them: {@code {"code":…,"message":…,"data":{"status":…}}}. */
    static ErrorBody errorBody(int status) {
        String code = switch (status) {
            case 413 -> "rest_upload_file_too_big";
            case 429 -> "rest_too_many_requests";
            default -> "internal_server_error";
        };
        return new ErrorBody("application/json; charset=UTF-8", "{\"code\":\"" + code
                + "\",\"message\":\"injected\",\"data\":{\"status\":" + status + "}}");
    }

    WordPressApi api(String asUser, String withPassword) {
        return new WordPressApi(Http.newClient(), url, asUser, withPassword);
    }
}
