package io.lumasync.cli;

import io.lumasync.auth.SecretVaults;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;

import java.util.List;

/**
 * Refuses to take a secret that would be forgotten when the command ends (no usable keychain, no vault
 * passphrase): saying "Added" and failing at the next push is worse than an honest refusal now.
 */
final class VaultGuard {
    private VaultGuard() {
    }

    /** True when the command would save a secret: one the adapter requires, or one piped in with --…-stdin. */
    static boolean takesSecret(List<ConfigField> fields, List<String> options) {
        return fields.stream().anyMatch(f -> f.isSecret() && f.required())
                || (fields.stream().anyMatch(ConfigField::isSecret) && options.stream().anyMatch(o -> o.endsWith("-stdin")));
    }

    /** Throws (exit 2) when secrets saved now would not outlive this command. */
    static void requireDurable(CliContext ctx, String what) throws LumasyncException {
        if (!ctx.service().vaultDurable()) {
            throw new ConfigurationException("Not saved: " + what + " would be kept in memory only and forgotten "
                    + "when this command ends, because no keychain is usable and " + SecretVaults.PASSPHRASE_ENV
                    + " is not set. " + SecretVaults.WAYS_OUT);
        }
    }
}
