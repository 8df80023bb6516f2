package io.lumasync.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import io.lumasync.core.DurableFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Secrets in one file encrypted with AES-256-GCM, for machines without a usable keychain (a headless server, a
 * locked keyring). The key comes from the user's passphrase through PBKDF2-HMAC-SHA256 with a random salt; the
 * whole map is re-encrypted with a fresh nonce on every change and written atomically, owner-only where the file
 * system allows. The header (format, iterations, salt) is authenticated too, so it cannot be swapped.
 *
 * <p>The app, the daemon and a CLI command may use one file at once. The file is the truth, not this object: a
 * change takes the file's lock ({@link VaultFileLock}), reads the file afresh, applies
 * just that change and writes the result, so one process never writes back another's stale map; a read picks up
 * the file again whenever it was replaced since the last read.
 */
public final class EncryptedFileVault implements SecretVault {
    public static final String FILE_NAME = "secrets.vault";
    static final int DEFAULT_ITERATIONS = 600_000;
    /** A file asking for more iterations than this is refused instead of keeping a core busy for minutes. */
    static final int MAX_ITERATIONS = 10_000_000;
    static final int MIN_ITERATIONS = 1_000;
    private static final long MAX_FILE_BYTES = 8L << 20;
    private static final String FORMAT = "lumasync-vault-1";
    private static final String KDF = "PBKDF2WithHmacSHA256";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    record Envelope(String format, String kdf, int iterations, String salt, String nonce, String data) {
    }

    /** The key for one salt and iteration count (the file's header). */
    private record Keyed(SecretKeySpec key, byte[] salt, int iterations) {
    }

    /** What identifies one version of the file: every write renames a new file over it. */
    private record Stamp(Object fileKey, FileTime modified, long size) {
    }

    private final Path file;
    private final char[] passphrase;
    private final int iterationsForNewFile;
    private Keyed keyed;
    private Map<String, String> values = new TreeMap<>();
    private Stamp stamp;

    private EncryptedFileVault(Path file, char[] passphrase, int iterationsForNewFile) {
        this.file = file.toAbsolutePath().normalize();
        this.passphrase = passphrase.clone();
        this.iterationsForNewFile = iterationsForNewFile;
    }

    /** Opens (or creates) the vault file with a passphrase. A wrong passphrase is a {@link VaultException}. */
    public static EncryptedFileVault open(Path file, char[] passphrase) {
        return open(file, passphrase, DEFAULT_ITERATIONS);
    }

    static EncryptedFileVault open(Path file, char[] passphrase, int iterationsForNewFile) {
        if (passphrase.length == 0) {
            throw new VaultException("The passphrase for the secrets file is empty. Set one (at least 8 characters).");
        }
        EncryptedFileVault v = new EncryptedFileVault(file, passphrase, iterationsForNewFile);
        VaultFileLock.run(v.file, () -> {
            if (!v.reload()) {
                v.write(v.values);
            }
        });
        return v;
    }

    @Override
    public synchronized Optional<String> get(String k) {
        if (!currentStamp().equals(Optional.ofNullable(stamp))) {
            reload();
        }
        return Optional.ofNullable(values.get(k));
    }

    @Override
    public void put(String k, String value) {
        change(m -> !value.equals(m.put(k, value)));
    }

    @Override
    public void delete(String k) {
        change(m -> m.remove(k) != null);
    }

    @Override
    public void deletePrefix(String prefix) {
        change(m -> m.keySet().removeIf(k -> k.startsWith(prefix)));
    }

    @Override
    public synchronized java.util.Set<String> keys(String prefix) {
        if (!currentStamp().equals(Optional.ofNullable(stamp))) {
            reload();
        }
        return values.keySet().stream().filter(k -> k.startsWith(prefix))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Applies one change to the file as it is now, under the lock; writes only when something changed. */
    private synchronized void change(java.util.function.Predicate<Map<String, String>> edit) {
        VaultFileLock.run(file, () -> {
            reload();
            if (edit.test(values)) {
                write(values);
            }
        });
    }

    @Override
    public String backendName() {
        return "encrypted file " + file + " (no usable OS keychain)";
    }

    public Path file() {
        return file;
    }

    /** Reads the file if it exists (true), else starts from an empty map (false). */
    private boolean reload() {
        Optional<Stamp> now = currentStamp();
        if (now.isEmpty()) {
            values = new TreeMap<>();
            stamp = null;
            return false;
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IOException("it is larger than a secrets file can be");
            }
            Envelope env = JSON.readValue(Files.readAllBytes(file), Envelope.class);
            if (!FORMAT.equals(env.format()) || !KDF.equals(env.kdf())) {
                throw new VaultException("The secrets file " + file + " is not a Lumasync vault (or is from a newer version).");
            }
            if (env.iterations() < MIN_ITERATIONS || env.iterations() > MAX_ITERATIONS) {
                throw new IOException("its key strength setting (" + env.iterations() + ") is out of range");
            }
            byte[] salt = Base64.getDecoder().decode(env.salt());
            byte[] nonce = Base64.getDecoder().decode(env.nonce());
            if (salt.length < 16 || salt.length > 64 || nonce.length != 12) {
                throw new IOException("its header is damaged");
            }
            if (keyed == null || keyed.iterations() != env.iterations() || !Arrays.equals(keyed.salt(), salt)) {
                keyed = new Keyed(derive(passphrase, salt, env.iterations()), salt, env.iterations());
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, keyed.key(), new GCMParameterSpec(128, nonce));
            c.updateAAD(header(env.iterations(), salt));
            byte[] plain = c.doFinal(Base64.getDecoder().decode(env.data()));
            values = new TreeMap<>(JSON.readValue(plain, new TypeReference<Map<String, String>>() {
            }));
            Arrays.fill(plain, (byte) 0);
            stamp = now.get();
            return true;
        } catch (AEADBadTagException e) {
            throw new VaultException("The passphrase does not open the secrets file " + file
                    + ". Use the passphrase you set (LUMASYNC_VAULT_PASSPHRASE for the background service), "
                    + "or delete that file and reconnect your accounts.");
        } catch (IOException | IllegalArgumentException e) {
            throw new VaultException("The secrets file " + file + " cannot be read (" + e.getMessage()
                    + "). Restore it from a backup, or delete it and reconnect your accounts.", e);
        } catch (GeneralSecurityException e) {
            throw new VaultException("This Java runtime cannot decrypt the secrets file (" + e.getMessage() + ").", e);
        }
    }

    private Optional<Stamp> currentStamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new Stamp(a.fileKey(), a.lastModifiedTime(), a.size()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Encrypts {@code map} into a uniquely named temp file, forces it to disk, then renames it over the file. */
    private void write(Map<String, String> map) {
        Path tmp = null;
        try {
            if (keyed == null || stamp == null) {
                byte[] salt = new byte[16];
                RANDOM.nextBytes(salt);
                keyed = new Keyed(derive(passphrase, salt, iterationsForNewFile), salt, iterationsForNewFile);
            }
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keyed.key(), new GCMParameterSpec(128, nonce));
            c.updateAAD(header(keyed.iterations(), keyed.salt()));
            byte[] plain = JSON.writeValueAsBytes(map);
            byte[] sealed = c.doFinal(plain);
            Arrays.fill(plain, (byte) 0);
            Base64.Encoder b64 = Base64.getEncoder();
            Envelope env = new Envelope(FORMAT, KDF, keyed.iterations(), b64.encodeToString(keyed.salt()),
                    b64.encodeToString(nonce), b64.encodeToString(sealed));
            Path dir = file.getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, FILE_NAME + ".", ".tmp");
            ownerOnly(tmp);
            DurableFiles.writeForced(tmp, JSON.writeValueAsBytes(env));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            DurableFiles.forceFolder(dir);
            stamp = currentStamp().orElse(null);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new VaultException("The secrets file " + file + " cannot be written (" + e.getMessage()
                    + "). Check the free space and permissions of that folder.", e);
        } catch (GeneralSecurityException e) {
            deleteQuietly(tmp);
            throw new VaultException("This Java runtime cannot encrypt the secrets file (" + e.getMessage() + ").", e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // the failure being reported matters more than a leftover temp file
            }
        }
    }

    private static void ownerOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // Windows: the file inherits the user profile's ACL, which is already private
        }
    }

    private static byte[] header(int iterations, byte[] salt) {
        return (FORMAT + "|" + iterations + "|" + Base64.getEncoder().encodeToString(salt)).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKeySpec derive(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(raw, "AES");
        } finally {
            spec.clearPassword();
        }
    }
}
