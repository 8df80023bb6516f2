package io.lumasync.auth;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Secrets in the operating system's keychain (macOS Keychain, Windows Credential Manager, Linux Secret Service)
 * through java-keyring. Every call runs on one private daemon thread with a timeout: a locked keyring may prompt
 * and hang, and the library can throw unchecked exceptions from deep inside (a locked Secret Service answers with a
 * {@code NullPointerException}). Failures become {@link VaultException}s that never contain the secret.
 *
 * <p>The keychain has no "list keys" call, so the keys written through this vault are remembered in a small
 * index entry in the keychain itself; {@link #deletePrefix} uses it.
 */
public final class KeychainSecretVault implements SecretVault, AutoCloseable {
    static final String SERVICE = "Lumasync";
    private static final String INDEX_KEY = "lumasync/index";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** One keychain per operating system, tried in order; each says whether it applies here. */
    public enum Provider {
        MACOS("macOS Keychain", KeyringStorageType.OSX_KEYCHAIN, "mac"),
        WINDOWS("Windows Credential Manager", KeyringStorageType.WINDOWS_CREDENTIAL_STORE, "windows"),
        SECRET_SERVICE("Secret Service (GNOME Keyring / KWallet) over D-Bus", KeyringStorageType.GNOME_KEYRING, "linux");

        private final String displayName;
        private final KeyringStorageType storage;
        private final String osPrefix;

        Provider(String displayName, KeyringStorageType storage, String osPrefix) {
            this.displayName = displayName;
            this.storage = storage;
            this.osPrefix = osPrefix;
        }

        public String displayName() {
            return displayName;
        }

        public boolean appliesTo(String osName) {
            return osName.toLowerCase(Locale.ROOT).startsWith(osPrefix);
        }

        /** The provider for this operating system, if it has one. */
        public static Optional<Provider> forThisOs() {
            String os = System.getProperty("os.name", "");
            for (Provider p : values()) {
                if (p.appliesTo(os)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    private final Provider provider;
    private final Keyring keyring;
    private final ExecutorService worker;
    private final Duration timeout;
    private final Set<String> index = Collections.newSetFromMap(new ConcurrentHashMap<>());

    private KeychainSecretVault(Provider provider, Keyring keyring, ExecutorService worker, Duration timeout) {
        this.provider = provider;
        this.keyring = keyring;
        this.worker = worker;
        this.timeout = timeout;
    }

    /**
     * Opens this OS's keychain and proves it works with a write/read/delete round trip. Empty (with the reason)
     * when it is not usable: no keychain on this OS, no session bus, no Secret Service, locked, or too slow.
     */
    public static Availability open() {
        return open(DEFAULT_TIMEOUT);
    }

    public static Availability open(Duration timeout) {
        Optional<Provider> provider = Provider.forThisOs();
        if (provider.isEmpty()) {
            return Availability.unusable("no keychain is known for " + System.getProperty("os.name"));
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "keychain");
            t.setDaemon(true);
            return t;
        });
        Keyring keyring = null;
        try {
            Keyring created = call(worker, timeout, () -> Keyring.create(provider.get().storage));
            keyring = created;
            String probe = "lumasync/probe/" + Long.toHexString(System.nanoTime());
            String value = Long.toHexString(Double.doubleToLongBits(Math.random()));
            call(worker, timeout, () -> {
                created.setPassword(SERVICE, probe, value);
                return null;
            });
            String back = call(worker, timeout, () -> created.getPassword(SERVICE, probe));
            call(worker, timeout, () -> {
                created.deletePassword(SERVICE, probe);
                return null;
            });
            if (!value.equals(back)) {
                throw new VaultException("the keychain did not give back what was stored");
            }
            KeychainSecretVault vault = new KeychainSecretVault(provider.get(), created, worker, timeout);
            vault.loadIndex();
            return new Availability(Optional.of(vault), provider.get().displayName() + " is usable");
        } catch (VaultException e) {
            closeQuietly(keyring, worker);
            return Availability.unusable(provider.get().displayName() + ": " + e.getMessage());
        }
    }

    /** The outcome of {@link #open}: the vault, or why the keychain cannot be used. */
    public record Availability(Optional<KeychainSecretVault> vault, String reason) {
        static Availability unusable(String reason) {
            return new Availability(Optional.empty(), reason);
        }
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(call(worker, timeout, () -> readOrNull(key)));
    }

    @Override
    public void put(String key, String value) {
        call(worker, timeout, () -> {
            keyring.setPassword(SERVICE, key, value);
            return null;
        });
        if (index.add(key)) {
            saveIndex();
        }
    }

    @Override
    public void delete(String key) {
        call(worker, timeout, () -> {
            if (readOrNull(key) != null) {
                keyring.deletePassword(SERVICE, key);
            }
            return null;
        });
        if (index.remove(key)) {
            saveIndex();
        }
    }

    @Override
    public java.util.Set<String> keys(String prefix) {
        return index.stream().filter(k -> k.startsWith(prefix))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public void deletePrefix(String prefix) {
        for (String key : List.copyOf(index)) {
            if (key.startsWith(prefix)) {
                delete(key);
            }
        }
    }

    @Override
    public String backendName() {
        return "OS keychain: " + provider.displayName();
    }

    public Provider provider() {
        return provider;
    }

    /** Closes the D-Bus connection: its threads are not daemons and would keep the JVM alive. */
    @Override
    public void close() {
        closeQuietly(keyring, worker);
    }

    private String readOrNull(String key) {
        try {
            return keyring.getPassword(SERVICE, key);
        } catch (com.github.javakeyring.PasswordAccessException e) {
            return null; // "not found" comes as this exception on every backend
        }
    }

    private void loadIndex() {
        get(INDEX_KEY).ifPresent(s -> s.lines().filter(l -> !l.isBlank()).forEach(index::add));
    }

    private void saveIndex() {
        String joined = String.join("\n", index);
        call(worker, timeout, () -> {
            keyring.setPassword(SERVICE, INDEX_KEY, joined);
            return null;
        });
    }

    private static <T> T call(ExecutorService worker, Duration timeout, Callable<T> action) {
        Future<T> f = worker.submit(action);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new VaultException("the keychain did not answer within " + timeout.toSeconds()
                    + " s (it may be locked and waiting for a password)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaultException("interrupted while waiting for the keychain");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            // Messages from the library name the service and account at most, never the value.
            String why = c instanceof NullPointerException
                    ? "the keychain is locked or refused access"
                    : c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
            throw new VaultException(why);
        } catch (RuntimeException e) {
            throw new VaultException("the keychain is not available (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void closeQuietly(Keyring keyring, ExecutorService worker) {
        if (keyring != null) {
            try {
                worker.submit(() -> {
                    keyring.close();
                    return null;
                }).get(2, TimeUnit.SECONDS);
            } catch (Exception | LinkageError ignored) {
                // closing is best effort: the vault is being abandoned anyway
            }
        }
        worker.shutdownNow();
    }
}
