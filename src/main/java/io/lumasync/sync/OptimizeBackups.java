package io.lumasync.sync;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.RemoteAsset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The originals Optimize keeps, one folder per destination: {@code NAME.orig} holds the bytes, {@code
 * NAME.properties} where they came from and what replaced them. The first original is never overwritten, so
 * optimizing twice (or resuming a killed run) cannot back up a recompressed copy in its place.
 */
final class OptimizeBackups {
    private final Path root;

    OptimizeBackups(Path root) {
        this.root = root;
    }

    /** One kept original. {@code current} is the asset that now stands in its place. */
    record Backup(Path manifest, String id, String url, String fileName, String mimeType, RemoteRef current,
                  String optimizedSettings) {
        Path original() {
            return manifest.resolveSibling(manifest.getFileName().toString().replace(".properties", ".orig"));
        }
    }

    Optional<Backup> find(String destination, String id) throws LumasyncException {
        return all(destination).stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** Every backup of a destination, oldest name first. */
    List<Backup> all(String destination) throws LumasyncException {
        Path dir = dir(destination);
        List<Backup> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var files = Files.list(dir)) {
            for (Path m : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                Properties p = load(m);
                String id = p.getProperty("id", "");
                String url = p.getProperty("url", "");
                out.add(new Backup(m, id, url, p.getProperty("name", id), p.getProperty("mime", ""),
                        new RemoteRef(p.getProperty("current.id", id), p.getProperty("current.url", url)),
                        p.getProperty("optimized.settings", "")));
            }
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
        return out;
    }

    /** Keeps the original bytes of an asset unless an earlier original is kept already. */
    void keep(String destination, RemoteAsset a, byte[] original) throws LumasyncException {
        if (find(destination, a.ref().id()).isPresent()) {
            return;
        }
        Path dir = dir(destination);
        // The hash keeps "a/b.jpg" and "a_b.jpg" apart once both are made safe as file names.
        String base = safe(a.ref().id()) + "-" + Hashing.syncId(Optimizer.SOURCE, a.ref().id(), destination).substring(0, 8);
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(base + ".orig"), original);
            Properties p = new Properties();
            p.setProperty("id", a.ref().id());
            p.setProperty("url", a.ref().url());
            p.setProperty("name", a.fileName());
            p.setProperty("mime", a.mimeType());
            p.setProperty("sha256", Hashing.sha256(original));
            store(dir.resolve(base + ".properties"), p);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Could not back up " + a.fileName() + " to " + dir
                    + " (" + e.getMessage() + "); it was not changed. Free some disk space and try again.", e);
        }
    }

    /** Records what now stands in the original's place, so Rollback and the next Optimize know. */
    void replaced(String destination, String id, RemoteRef current, String settingsHash) throws LumasyncException {
        Backup b = find(destination, id).orElseThrow(() -> new LumasyncException(ErrorKind.GIVE_UP,
                "the backup of " + id + " disappeared from " + dir(destination) + "."));
        try {
            Properties p = load(b.manifest());
            p.setProperty("current.id", current.id());
            p.setProperty("current.url", current.url());
            p.setProperty("optimized.settings", settingsHash);
            store(b.manifest(), p);
        } catch (IOException e) {
            throw unreadable(b.manifest(), e);
        }
    }

    byte[] original(Backup b) throws LumasyncException {
        try {
            return Files.readAllBytes(b.original());
        } catch (IOException e) {
            throw unreadable(b.original(), e);
        }
    }

    void forget(Backup b) throws LumasyncException {
        try {
            Files.deleteIfExists(b.manifest());
            Files.deleteIfExists(b.original());
        } catch (IOException e) {
            throw unreadable(b.manifest(), e);
        }
    }

    Path dir(String destination) {
        return root.resolve(safe(destination));
    }

    private static Properties load(Path manifest) throws LumasyncException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(manifest)) {
            p.load(in);
        } catch (IOException e) {
            throw unreadable(manifest, e);
        }
        return p;
    }

    /** Written to a temporary name and moved, so a kill never leaves half a manifest or half an original. */
    private static void store(Path manifest, Properties p) throws IOException {
        Path tmp = manifest.resolveSibling(manifest.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Lumasync optimize backup");
        }
        Files.move(tmp, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static LumasyncException unreadable(Path p, IOException e) {
        return new LumasyncException(ErrorKind.GIVE_UP, "Could not read or write the optimize backups in " + p + ": "
                + e.getMessage(), e);
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
