package io.lumasync.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 */
public final class EncryptedFileVault implements SecretVault {
    public static final String FILE_NAME = "secrets.vault";
    static final int DEFAULT_ITERATIONS = 600_000;
    private static final String FORMAT = "lumasync-vault-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    record Envelope(String format, String kdf, int iterations, String salt, String nonce, String data) {
    }

    private final Path file;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final int iterations;
    private final Map<String, String> values;

    private EncryptedFileVault(Path file, SecretKeySpec key, byte[] salt, int iterations, Map<String, String> values) {
        this.file = file;
        this.key = key;
        this.salt = salt;
        this.iterations = iterations;
        this.values = values;
    }

    /** Opens (or creates) the vault file with a passphrase. A wrong passphrase is a {@link VaultException}. */
    public static EncryptedFileVault open(Path file, char[] passphrase) {
        return open(file, passphrase, DEFAULT_ITERATIONS);
    }

    static EncryptedFileVault open(Path file, char[] passphrase, int iterationsForNewFile) {
        if (passphrase.length == 0) {
            throw new VaultException("The passphrase for the secrets file is empty. Set one (at least 8 characters).");
        }
        try {
            if (!Files.exists(file)) {
                byte[] salt = new byte[16];
                RANDOM.nextBytes(salt);
                EncryptedFileVault v = new EncryptedFileVault(file, derive(passphrase, salt, iterationsForNewFile), salt,
                        iterationsForNewFile, new TreeMap<>());
                v.save();
                return v;
            }
            Envelope env = JSON.readValue(file.toFile(), Envelope.class);
            if (!FORMAT.equals(env.format())) {
                throw new VaultException("The secrets file " + file + " is not a Lumasync vault (or is from a newer version).");
            }
            byte[] salt = Base64.getDecoder().decode(env.salt());
            SecretKeySpec key = derive(passphrase, salt, env.iterations());
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Base64.getDecoder().decode(env.nonce())));
            c.updateAAD(header(env.iterations(), salt));
            byte[] plain = c.doFinal(Base64.getDecoder().decode(env.data()));
            Map<String, String> values = new TreeMap<>(JSON.readValue(plain, new TypeReference<Map<String, String>>() {
            }));
            Arrays.fill(plain, (byte) 0);
            return new EncryptedFileVault(file, key, salt, env.iterations(), values);
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

    @Override
    public synchronized Optional<String> get(String k) {
        return Optional.ofNullable(values.get(k));
    }

    @Override
    public synchronized void put(String k, String value) {
        values.put(k, value);
        save();
    }

    @Override
    public synchronized void delete(String k) {
        if (values.remove(k) != null) {
            save();
        }
    }

    @Override
    public synchronized void deletePrefix(String prefix) {
        if (values.keySet().removeIf(k -> k.startsWith(prefix))) {
            save();
        }
    }

    @Override
    public String backendName() {
        return "encrypted file " + file + " (no usable OS keychain)";
    }

    public Path file() {
        return file;
    }

    private void save() {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(header(iterations, salt));
            byte[] plain = JSON.writeValueAsBytes(values);
            byte[] sealed = c.doFinal(plain);
            Arrays.fill(plain, (byte) 0);
            Base64.Encoder b64 = Base64.getEncoder();
            Envelope env = new Envelope(FORMAT, "PBKDF2WithHmacSHA256", iterations, b64.encodeToString(salt),
                    b64.encodeToString(nonce), b64.encodeToString(sealed));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(env));
            ownerOnly(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new VaultException("The secrets file " + file + " cannot be written (" + e.getMessage()
                    + "). Check the free space and permissions of that folder.", e);
        } catch (GeneralSecurityException e) {
            throw new VaultException("This Java runtime cannot encrypt the secrets file (" + e.getMessage() + ").", e);
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
