package io.lumasync.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.Map;

/**
 * What a test needs from outside the JVM: a real server (S3, WordPress, the OS keychain) or a tool it drives.
 * On a developer's machine a missing one skips the test with the reason; under CI ({@code CI} set, as every CI
 * service does) it fails, so a build can never pass by skipping what it was meant to check.
 */
public final class LiveServers {
    private LiveServers() {
    }

    /** True when the tests run under CI: the {@code CI} variable is set to anything but "false". */
    public static boolean underCi() {
        return underCi(System.getenv());
    }

    static boolean underCi(Map<String, String> env) {
        String ci = env.get("CI");
        return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci.strip());
    }

    /**
     * Goes on when {@code present}; otherwise skips the test (or fails it under CI) saying what is missing and how
     * to start it.
     *
     * @param missing    what is absent, e.g. "no S3 server (LUMASYNC_S3_ENDPOINT is not set)"
     * @param howToStart the script or package that provides it
     */
    public static void require(boolean present, String missing, String howToStart) {
        require(present, missing, howToStart, underCi());
    }

    static void require(boolean present, String missing, String howToStart, boolean ci) {
        if (present) {
            return;
        }
        String why = missing + ". " + howToStart;
        if (ci) {
            Assertions.fail("CI must run every live test: " + why);
        }
        System.err.println("SKIPPED: " + why);
        Assumptions.abort(why);
    }

    /** The test keychain that scripts/services.d/keyring.sh starts on the test session bus. */
    public static void requireKeyring() {
        require("1".equals(System.getenv("LUMASYNC_TEST_KEYRING")),
                "no test Secret Service (LUMASYNC_TEST_KEYRING is not 1)",
                "Run the tests with scripts/run-tests, which starts gnome-keyring through scripts/services.d/keyring.sh.");
    }
}
