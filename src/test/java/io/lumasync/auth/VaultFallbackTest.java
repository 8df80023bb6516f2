package io.lumasync.auth;

import io.lumasync.testing.LiveServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The fallback path for real: a child JVM whose environment has no usable keychain. */
class VaultFallbackTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private Run probe(List<String> prefix, Map<String, String> env, boolean removeBus) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), VaultProbe.class.getName(),
                tmp.resolve("data").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        if (removeBus) {
            pb.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        }
        pb.environment().remove(SecretVaults.PASSPHRASE_ENV);
        pb.environment().remove(SecretVaults.FORCE_ENV);
        pb.environment().put("XDG_DATA_HOME", tmp.resolve("xdg").toString()); // never the user's own keyring
        pb.environment().putAll(env);
        Process p = pb.start();
        // A JVM that does not end here is held by a non-daemon thread (the D-Bus sender): that is the bug.
        boolean ended = p.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
        System.out.println("child " + cmd.getFirst() + " -> exit " + (ended ? p.exitValue() : "HUNG") + "\n" + out + err);
        assertThat(ended).as("child JVM ended by itself; stderr: %s", err).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void withNoSessionBusAndAPassphraseSecretsGoToTheEncryptedFile() throws Exception {
        Run r = probe(List.of(), Map.of(SecretVaults.PASSPHRASE_ENV, "headless daemon passphrase"), true);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("backend=encrypted file " + tmp.resolve("data").resolve("secrets.vault"))
                .contains("roundtrip=probe-value");
        assertThat(Files.readString(tmp.resolve("data/secrets.vault"))).doesNotContain("probe-value");
    }

    @Test
    void withNoSessionBusAndNoPassphraseItWarnsThatNothingIsSaved() throws Exception {
        Run r = probe(List.of(), Map.of(), true);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("backend=memory (not saved)").contains("roundtrip=probe-value");
        assertThat(r.err()).contains("WARNING: secrets are kept in memory only")
                .contains("OS keychain not usable");
    }

    @Test
    void aBusWithoutAnUnlockedSecretServiceFallsBackAndTheJvmStillEnds() throws Exception {
        LiveServers.require(onPath("dbus-run-session"), "dbus-run-session is not installed",
                "Install the Debian package dbus (scripts/apt.d/base.txt; scripts/run-tests installs it).");
        // A fresh private bus: no Secret Service is running on it (D-Bus may start one that has no unlocked
        // keyring). The library's D-Bus threads are not daemons; the vault must close them after the failed probe.
        Run r = probe(List.of("dbus-run-session", "--"),
                Map.of(SecretVaults.PASSPHRASE_ENV, "p", "GNOME_KEYRING_CONTROL", tmp.resolve("none").toString()), false);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("roundtrip=probe-value");
        // Measured on Debian 12: D-Bus starts gnome-keyring on demand, but with no unlocked keyring the probe fails.
        assertThat(r.out()).contains("backend=encrypted file");
    }

    private static boolean onPath(String tool) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
