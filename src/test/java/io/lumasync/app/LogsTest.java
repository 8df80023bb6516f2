package io.lumasync.app;

import io.lumasync.core.LogFile;
import io.lumasync.core.Redaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LogsTest {
    private static final Logger LOG = LoggerFactory.getLogger("io.lumasync.test");

    @TempDir
    Path data;

    @AfterEach
    void stopLogging() {
        Logs.stop();
    }

    private String logText() throws Exception {
        return Files.readString(LogFile.of(data));
    }

    @Test
    void secretsInEveryShapeNeverReachTheFileWhileTheirContextDoes() throws Exception {
        String fromVault = "vault-value-" + System.nanoTime();
        Redaction.register(fromVault);
        Logs.start(data, true);
        assertThat(LogFile.current()).hasValue(data.resolve("logs").resolve("lumasync.log"));

        LOG.info("POST /2/files/list_folder with Authorization: Bearer sl.AbCdEf123456-access");
        LOG.info("request headers {}", Map.of("Authorization", "Basic dXNlcjpwYXNzd29yZA=="));
        LOG.info("refresh: grant_type=refresh_token&refresh_token=1//0refresh-secret&client_secret=GOCSPX-abc123");
        LOG.info("token answer {\"access_token\":\"ya29.a0-access\",\"expires_in\":3599}");
        LOG.info("connecting to https://photographer:app-pass-word@blog.example.com/wp-json");
        LOG.info("form password=hunter2-long&user=photographer");
        LOG.info("GET https://bucket.example.com/a.jpg?X-Amz-Credential=AKIAEXAMPLE7&X-Amz-Signature=deadbeefcafe");
        LOG.info("callback http://127.0.0.1:53682/?code=4/0oauth-code&state=xyz");
        LOG.info("the vault gave {}", fromVault);
        LOG.error("upload failed", new IllegalStateException("the server echoed " + fromVault,
                new RuntimeException("Proxy-Authorization: Bearer inner-secret-xyz")));
        Logs.stop();

        String text = logText();
        for (String secret : List.of("sl.AbCdEf123456-access", "dXNlcjpwYXNzd29yZA==", "1//0refresh-secret",
                "GOCSPX-abc123", "ya29.a0-access", "app-pass-word", "hunter2-long", "AKIAEXAMPLE7", "deadbeefcafe",
                "4/0oauth-code", fromVault, "inner-secret-xyz")) {
            assertThat(text).as("the log holds " + secret).doesNotContain(secret);
        }
        assertThat(text).contains("POST /2/files/list_folder").contains("blog.example.com/wp-json")
                .contains("\"expires_in\":3599").contains("user=photographer").contains("state=xyz")
                .contains("upload failed").contains("IllegalStateException: the server echoed " + Redaction.MASK)
                .contains("at io.lumasync.app.LogsTest");
    }

    @Test
    void eachLaunchStartsANewFileAndOnlyAFewEarlierOnesAreKept() throws Exception {
        int launches = Logs.KEPT + 3;
        for (int i = 0; i < launches; i++) {
            Logs.start(data, true);
            LOG.info("launch number {}", i);
            Logs.stop();
        }
        List<String> names = new ArrayList<>();
        try (var files = Files.list(data.resolve("logs"))) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        List<String> expected = new ArrayList<>(List.of("lumasync.log"));
        IntStream.rangeClosed(1, Logs.KEPT).forEach(i -> expected.add("lumasync." + i + ".log"));
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(logText()).contains("launch number " + (launches - 1)).doesNotContain("launch number " + (launches - 2));
        assertThat(Files.readString(data.resolve("logs/lumasync.1.log"))).contains("launch number " + (launches - 2));
    }

    @Test
    void aShortCommandAddsToTheCurrentFile() throws Exception {
        Logs.start(data, true);
        LOG.info("the app was here");
        Logs.stop();
        Logs.start(data, false);
        LOG.info("a command was here");
        Logs.stop();
        assertThat(logText()).contains("the app was here").contains("a command was here");
        assertThat(data.resolve("logs/lumasync.1.log")).doesNotExist();
    }

    @Test
    void anUncaughtExceptionIsWrittenAsACrashReportWithVersionsAndSystem() throws Exception {
        // The crash report hands the exception on to the handler before it; in this JVM that may be the GUI test
        // framework's, which would fail the next GUI test with it. Hand it to a silent one instead, then restore.
        Thread.UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> { });
        try {
            Logs.start(data, true);
            Thread t = new Thread(() -> {
                throw new IllegalStateException("boom in a worker");
            }, "lumasync-test-crash");
            t.start();
            t.join();
            Logs.stop();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(original);
        }
        assertThat(logText()).contains("Crash report").contains("'lumasync-test-crash'")
                .contains("IllegalStateException: boom in a worker").contains("at io.lumasync.app.LogsTest")
                .contains("Java " + System.getProperty("java.version")).contains(System.getProperty("os.name"));
    }

    @Test
    void withoutStartNothingIsWrittenAnywhere() {
        LOG.error("before start", new IllegalStateException("x"));
        assertThat(data.resolve("logs")).doesNotExist();
        assertThat(LogFile.current()).isEmpty();
    }
}
