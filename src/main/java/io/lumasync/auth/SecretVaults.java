package io.lumasync.auth;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Chooses where secrets live: the OS keychain when it works, else the encrypted file when a passphrase is known
 * ({@code LUMASYNC_VAULT_PASSPHRASE}, for the headless daemon), else memory only, said out loud because nothing
 * will be remembered. {@code LUMASYNC_VAULT=keychain|file|memory} forces a backend (e.g. a server that has a
 * session bus but should use the file).
 */
public final class SecretVaults {
    public static final String PASSPHRASE_ENV = "LUMASYNC_VAULT_PASSPHRASE";
    public static final String FORCE_ENV = "LUMASYNC_VAULT";
    /** The two ways to make secrets last, said wherever a secret is refused because it would be forgotten. */
    public static final String WAYS_OUT = "Start or unlock a keychain (GNOME Keyring, KWallet or another Secret "
            + "Service) and try again, or set " + PASSPHRASE_ENV + " to keep secrets in an encrypted file in the "
            + "data folder.";

    private SecretVaults() {
    }

    /**
     * The chosen vault and the reasons for the choice, shown by {@code lumasync doctor} and Settings.
     *
     * @param vault   the vault to use
     * @param reasons why other backends were not used (plain sentences, no secrets)
     * @param durable false when secrets vanish at exit (memory)
     */
    public record Selection(SecretVault vault, List<String> reasons, boolean durable) {
        public Selection {
            reasons = List.copyOf(reasons);
        }

        public String backendName() {
            return vault.backendName();
        }
    }

    /**
     * Opens the vault for this machine; warns on standard error when secrets will not be saved. When only memory
     * is usable the vault is a {@link PassphraseVault}, so the desktop app can ask for a passphrase instead.
     */
    public static SecretVault open(Path dataDir) {
        Selection s = select(dataDir, System.getenv(), KeychainSecretVault::open);
        if (!s.durable()) {
            warn(System.err, s);
            return new MemoryUntilPassphrase((InMemorySecretVault) s.vault(), dataDir.resolve(EncryptedFileVault.FILE_NAME));
        }
        return s.vault();
    }

    public static Selection select(Path dataDir, Map<String, String> env,
                                   Supplier<KeychainSecretVault.Availability> keychain) {
        List<String> reasons = new ArrayList<>();
        String forced = env.getOrDefault(FORCE_ENV, "").strip().toLowerCase(Locale.ROOT);
        if (forced.equals("memory")) {
            reasons.add(FORCE_ENV + "=memory asks for memory only");
            return new Selection(InMemorySecretVault.forgetful(), reasons, false);
        }
        if (!forced.equals("file")) {
            KeychainSecretVault.Availability a = keychain.get();
            if (a.vault().isPresent()) {
                return new Selection(a.vault().get(), reasons, true);
            }
            reasons.add("OS keychain not usable: " + a.reason());
        } else {
            reasons.add(FORCE_ENV + "=file asks for the encrypted file");
        }
        String passphrase = env.get(PASSPHRASE_ENV);
        if (passphrase != null && !passphrase.isEmpty()) {
            try {
                EncryptedFileVault v = EncryptedFileVault.open(dataDir.resolve(EncryptedFileVault.FILE_NAME),
                        passphrase.toCharArray());
                return new Selection(v, reasons, true);
            } catch (VaultException e) {
                reasons.add("encrypted file not usable: " + e.getMessage());
            }
        } else {
            reasons.add("encrypted file not usable: " + PASSPHRASE_ENV + " is not set");
        }
        return new Selection(InMemorySecretVault.forgetful(), reasons, false);
    }

    static void warn(PrintStream out, Selection s) {
        out.println("WARNING: secrets are kept in memory only and will be forgotten when Lumasync exits.");
        s.reasons().forEach(r -> out.println("  - " + r));
        out.println("  " + WAYS_OUT);
    }
}
