package io.lumasync.cli;

import io.lumasync.testing.LiveServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `lumasync doctor` with the real keyring of the test session, and without any session bus. */
class DoctorIT {
    @TempDir
    Path tmp;

    @Test
    void withoutAKeychainDoctorSaysSecretsGoToTheEncryptedFileAndWhy() throws Exception {
        Files.createDirectories(tmp.resolve("home"));
        Dist.Result r = new Dist(tmp.resolve("home"), Map.of()).run("doctor");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Secrets:  encrypted file").contains("OS keychain not usable")
                .contains("Accounts: none connected").contains("Destination: local (folder)");
        Path log = tmp.resolve("home").toAbsolutePath().resolve("logs").resolve("lumasync.log");
        assertThat(r.out()).contains("Log:      " + log);
        assertThat(Files.readString(log)).contains("Started: Lumasync");
        System.out.println("--- lumasync doctor, no session bus ---\n" + r.out());
    }

    @Test
    void withTheSessionKeyringDoctorUsesTheOsKeychainAndSecretsStayOutOfTheDatabase() throws Exception {
        String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        LiveServers.requireKeyring();
        LiveServers.require(bus != null, "no session bus for the keychain (DBUS_SESSION_BUS_ADDRESS is not set)",
                "Run the tests with scripts/run-tests, which runs them inside dbus-run-session.");
        Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = new HashMap<>();
        env.put("DBUS_SESSION_BUS_ADDRESS", bus);
        Dist cli = new Dist(tmp.resolve("home"), env) {
            @Override
            ProcessBuilder builder(String... args) {
                ProcessBuilder pb = super.builder(args);
                pb.environment().put("DBUS_SESSION_BUS_ADDRESS", bus);
                pb.environment().remove("LUMASYNC_VAULT_PASSPHRASE");
                return pb;
            }
        };
        Dist.Result r = cli.run("doctor");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Secrets:  OS keychain");
        System.out.println("--- lumasync doctor, real Secret Service ---\n" + r.out());

        String secret = "whsec_" + "c2VjcmV0LWZvci10aGUtZG9jdG9yLXRlc3Q=";
        Dist.Result add = cli.runWithInput(secret + "\n", "destinations", "add", "webhook", "hook", "--url",
                "http://127.0.0.1:9/hook", "--secret-stdin");
        assertThat(add.exit()).as(add.out() + add.err()).isZero();
        byte[] db = Files.readAllBytes(tmp.resolve("home/lumasync.db"));
        assertThat(new String(db, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(cli.run("destinations", "list", "--json").out()).doesNotContain(secret);
        assertThat(Files.readString(tmp.resolve("home/logs/lumasync.log"))).doesNotContain(secret);
    }
}
