package io.lumasync.auth;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One workspace's view of the vault. The OS keychain (or the encrypted file) is one for the whole machine, so each
 * workspace's keys are put under {@code workspace/<id>/}, except the default workspace's, which keep the names
 * they had before workspaces existed (nothing to move on upgrade). An account marked shared ({@code source/<name>}
 * or {@code destination/<name>}) lives under {@code shared/} and is seen by every workspace that has an account of
 * that name. A caller cannot name a key outside its own view: keys starting with {@code workspace/} or
 * {@code shared/} are refused, and listing never shows them.
 */
public final class WorkspaceVault implements PassphraseVault {
    static final String WORKSPACE = "workspace/";
    static final String SHARED = "shared/";

    private final SecretVault base;
    private final String ownPrefix;
    private final Supplier<Set<String>> sharedAccounts;

    /**
     * @param base           the machine's vault
     * @param workspaceId    a workspace id (letters, digits, dashes); {@code default} keeps the unprefixed names
     * @param isDefault      true for the default workspace
     * @param sharedAccounts the accounts shared by every workspace, read when a key is used (another process may
     *                       change them)
     */
    public WorkspaceVault(SecretVault base, String workspaceId, boolean isDefault, Supplier<Set<String>> sharedAccounts) {
        if (!workspaceId.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("not a workspace id: " + workspaceId);
        }
        this.base = base;
        this.ownPrefix = isDefault ? "" : WORKSPACE + workspaceId + "/";
        this.sharedAccounts = sharedAccounts;
    }

    /** The account a key belongs to: {@code source/blog/access_token} → {@code source/blog}. */
    public static Optional<String> accountOf(String key) {
        String[] parts = key.split("/", 3);
        return parts.length == 3 && (parts[0].equals("source") || parts[0].equals("destination"))
                ? Optional.of(parts[0] + "/" + parts[1]) : Optional.empty();
    }

    private static void checkOwn(String key) {
        if (key.startsWith(WORKSPACE) || key.startsWith(SHARED)) {
            throw new IllegalArgumentException("a workspace cannot name another workspace's secrets");
        }
    }

    private String stored(String key) {
        checkOwn(key);
        Optional<String> account = accountOf(key);
        if (account.isPresent() && sharedAccounts.get().contains(account.get())) {
            return SHARED + key;
        }
        return ownPrefix + key;
    }

    @Override
    public Optional<String> get(String key) {
        return base.get(stored(key));
    }

    @Override
    public void put(String key, String value) {
        base.put(stored(key), value);
    }

    @Override
    public void delete(String key) {
        base.delete(stored(key));
    }

    /**
     * Deletes this workspace's own keys under the prefix. A shared account's sign-in stays: removing a source from
     * one workspace must not sign the others out.
     */
    @Override
    public void deletePrefix(String prefix) {
        checkOwn(prefix);
        keys(prefix).forEach(k -> base.delete(ownPrefix + k));
    }

    /** This workspace's own keys under the prefix (shared accounts' keys are not listed). */
    @Override
    public Set<String> keys(String prefix) {
        checkOwn(prefix);
        return base.keys(ownPrefix + prefix).stream().map(k -> k.substring(ownPrefix.length()))
                .filter(k -> !k.startsWith(WORKSPACE) && !k.startsWith(SHARED)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Moves an account's secrets between this workspace's own keys and the shared ones, before the account is
     * marked shared (or after it is unmarked), so its sign-in survives the change.
     */
    public void moveAccount(String account, boolean toShared) {
        checkOwn(account);
        if (accountOf(account + "/x").isEmpty()) {
            throw new IllegalArgumentException("not an account: " + account);
        }
        String from = toShared ? ownPrefix : SHARED;
        String to = toShared ? SHARED : ownPrefix;
        for (String key : base.keys(from + account + "/")) {
            String name = key.substring(from.length());
            base.get(key).ifPresent(v -> base.put(to + name, v));
            base.delete(key);
        }
    }

    @Override
    public String backendName() {
        return base.backendName();
    }

    @Override
    public boolean durable() {
        return base.durable();
    }

    @Override
    public boolean needsPassphrase() {
        return base instanceof PassphraseVault p && p.needsPassphrase();
    }

    @Override
    public void usePassphrase(char[] passphrase) {
        if (!(base instanceof PassphraseVault p)) {
            throw new VaultException("Passwords are kept in " + base.backendName() + ", which takes no passphrase.");
        }
        p.usePassphrase(passphrase);
    }
}
