package io.lumasync.auth;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link VaultFallbackTest}: opens the vault the way the app does, in an environment the
 * test chose (no session bus, a bus without Secret Service), round-trips one value and returns from main without
 * System.exit, so a stray non-daemon thread would keep the JVM alive and fail the test.
 */
public final class VaultProbe {
    private VaultProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createDirectories(Path.of(args[0]));
        SecretVault vault = SecretVaults.open(dataDir);
        vault.put("probe/key", "probe-value");
        System.out.println("backend=" + vault.backendName());
        System.out.println("roundtrip=" + vault.get("probe/key").orElse("<missing>"));
        if (vault instanceof KeychainSecretVault k) {
            k.delete("probe/key");
            k.close();
        }
    }
}
