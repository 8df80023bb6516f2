package io.lumasync.auth;

/**
 * A vault left with memory only (no usable keychain, no {@code LUMASYNC_VAULT_PASSPHRASE}) that can still keep
 * secrets once the user gives a passphrase: from then on they live in the encrypted file in the data folder.
 * The desktop app asks for the passphrase instead of saving a secret that would be forgotten.
 */
public interface PassphraseVault extends SecretVault {
    /** True while secrets saved now would be forgotten at exit, and a passphrase would keep them. */
    boolean needsPassphrase();

    /**
     * Opens (or creates) the encrypted file with {@code passphrase} and moves there what memory held so far.
     * Blocks (key derivation). The caller wipes the array.
     *
     * @throws VaultException when the passphrase does not open the existing file, or the file cannot be written
     */
    void usePassphrase(char[] passphrase);
}
