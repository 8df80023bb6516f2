package io.lumasync.destination.folder;

import io.lumasync.core.DurableFiles;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Writes files into a local folder: {@code <dir>/<name>.<ext>}, atomically (temp file + rename). The id of an
 * asset is its file name; a second, different asset with the same name gets {@code name-2.ext}, and an update
 * of the same asset ({@link #replace}) rewrites its own path, so names never collide and never move.
 */
public final class FolderDestination implements Destination {
    /** Folder levels a file name may carry (from a name template); deeper ones are joined into the last with "_". */
    static final int MAX_LEVELS = 4;
    private final Path root;
    private final Object nameLock = new Object();
    private final Writer writer;

    /** How bytes reach a file; tests put a failing disk in its place. */
    @FunctionalInterface
    interface Writer {
        void write(Path file, byte[] bytes) throws IOException;
    }

    public FolderDestination(Path root) {
        this(root, DurableFiles::writeForced);
    }

    FolderDestination(Path root, Writer writer) {
        this.root = root.toAbsolutePath().normalize();
        this.writer = writer;
    }

    public Path root() {
        return root;
    }

    @Override
    public Capabilities capabilities() throws LumasyncException {
        checkWritable();
        return new Capabilities(EnumSet.of(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG, ImageFormat.PNG,
                ImageFormat.GIF), 0, ReplaceStrategy.SAME_ID_SAME_URL, true, false,
                List.of("Writes to " + root));
    }

    private void checkWritable() throws LumasyncException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, root + " is not a folder. Choose a folder as the destination.");
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw unavailable("cannot create the folder " + root, e);
        }
        if (!Files.isDirectory(root)) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, root + " is not a folder.");
        }
        if (!Files.isWritable(root)) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE,
                    "The folder " + root + " is read-only. Choose another folder or change its permissions.");
        }
    }

    @Override
    public RemoteRef put(Upload upload) throws LumasyncException {
        checkWritable();
        return refFor(publishUnderFreeName(upload.image().fileName(), upload.image().bytes()));
    }

    /**
     * Writes the bytes to a hidden temporary file, then links it under the first free name. Linking fails instead
     * of overwriting when the name is taken, so two assets never share a file, and a kill at any moment leaves
     * either no file or a complete one (never an empty placeholder that a retry would step around).
     */
    private Path publishUnderFreeName(String fileName, byte[] bytes) throws LumasyncException {
        Path tmp = newTempFile();
        try {
            writeFile(tmp, bytes);
            synchronized (nameLock) {
                while (true) {
                    Path target = freeName(fileName);
                    if (!target.getParent().equals(root)) {
                        Files.createDirectories(target.getParent());   // the template's folders, e.g. {date:yyyy}/
                    }
                    try {
                        Files.createLink(target, tmp);
                        DurableFiles.forceFolder(target.getParent());
                        return target;
                    } catch (java.nio.file.FileAlreadyExistsException raced) {
                        // another process took the name between the check and the link: try the next one
                    } catch (UnsupportedOperationException | FileSystemException noLinks) {
                        // file systems without hard links (FAT, some network shares): move without replacing
                        Files.move(tmp, target);
                        DurableFiles.forceFolder(target.getParent());
                        return target;
                    }
                }
            }
        } catch (IOException e) {
            throw failure(root.resolve(fileName), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** A hidden temp file with a unique name, so two processes writing the same image never share one. */
    private Path newTempFile() throws LumasyncException {
        try {
            Path tmp = Files.createTempFile(root, ".", ".lumasync-tmp");
            if (Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                // temp files are private (600); a published image is as readable as any file the user saves
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            return tmp;
        } catch (IOException e) {
            throw failure(root, e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // a hidden leftover is harmless; the failure being reported matters more
        }
    }

    @Override
    public RemoteRef replace(RemoteRef existing, Upload upload) throws LumasyncException {
        checkWritable();
        Path old = resolve(existing.id());
        String wantedExt = upload.image().format().extension();
        Path target = old;
        if (!old.getFileName().toString().endsWith("." + wantedExt)) {
            // A format change (JPEG → AVIF) needs a new name: the id changes with it, the engine records that.
            target = publishUnderFreeName(stripExtension(root.relativize(old).toString()) + "." + wantedExt,
                    upload.image().bytes());
        } else {
            write(target, upload.image().bytes());
        }
        if (!target.equals(old)) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                throw failure(old, e);
            }
        }
        return refFor(target);
    }

    @Override
    public void remove(RemoteRef ref) throws LumasyncException {
        Path p = resolve(ref.id());
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw failure(p, e);
        }
    }

    @Override
    public Optional<RemoteRef> reconcile(Upload upload) throws LumasyncException {
        // A put whose answer was lost left a file with exactly these bytes under the wanted name or a -N variant.
        String name = sanitize(upload.image().fileName());
        String base = stripExtension(name);
        String ext = name.substring(base.length());
        for (int i = 1; i < 1000; i++) {
            Path candidate = root.resolve(i == 1 ? name : base + "-" + i + ext);
            if (!Files.exists(candidate)) {
                return Optional.empty();
            }
            try {
                if (Files.size(candidate) == upload.image().size()
                        && java.util.Arrays.equals(Files.readAllBytes(candidate), upload.image().bytes())) {
                    return Optional.of(refFor(candidate));
                }
            } catch (IOException e) {
                throw failure(candidate, e);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<RemoteAsset> list(int page, int perPage) throws LumasyncException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(root)) {
            for (Path p : dir) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && !n.startsWith(".") && ImageFormat.looksLikeImage(n)) {
                    files.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw unavailable("cannot list " + root, e);
        }
        files.sort(null);
        int from = (page - 1) * perPage;
        List<RemoteAsset> out = new ArrayList<>();
        for (int i = from; i < Math.min(files.size(), from + perPage); i++) {
            Path p = files.get(i);
            String n = p.getFileName().toString();
            try {
                out.add(new RemoteAsset(refFor(p), n,
                        ImageFormat.fromExtension(n).map(ImageFormat::mimeType).orElse("application/octet-stream"),
                        Files.size(p), 0, 0, ""));
            } catch (IOException e) {
                throw failure(p, e);
            }
        }
        return out;
    }

    @Override
    public InputStream download(RemoteRef ref) throws LumasyncException {
        Path p = resolve(ref.id());
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw failure(p, e);
        }
    }

    /**
     * A name safe under the root. The folders a file-name template puts in front ({@code 2019/harbour.jpg}) are
     * kept, up to {@link #MAX_LEVELS} of them; empty, "." and ".." levels are dropped, so a name never climbs out of
     * the root; a hidden level is made visible, and a colon (a drive on Windows) becomes "_".
     */
    static String sanitize(String fileName) {
        List<String> parts = new ArrayList<>();
        for (String p : fileName.split("[/\\\\]")) {
            String s = p.strip().replace(':', '_');
            if (!s.isEmpty() && !s.equals(".") && !s.equals("..")) {
                parts.add(s.startsWith(".") ? "image" + s : s);
            }
        }
        if (parts.isEmpty()) {
            return "image";
        }
        while (parts.size() > MAX_LEVELS + 1) {
            parts.set(parts.size() - 2, parts.get(parts.size() - 2) + "_" + parts.remove(parts.size() - 1));
        }
        return String.join("/", parts);
    }

    private Path freeName(String fileName) throws LumasyncException {
        String safe = sanitize(fileName);
        Path candidate = resolve(safe);
        String base = stripExtension(safe);
        String ext = safe.substring(base.length());
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = root.resolve(base + "-" + i + ext);
        }
        return candidate;
    }

    private void writeFile(Path file, byte[] bytes) throws LumasyncException {
        try {
            writer.write(file, bytes);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private void write(Path target, byte[] bytes) throws LumasyncException {
        Path tmp = newTempFile();
        try {
            writeFile(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            DurableFiles.forceFolder(root);
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private Path resolve(String id) throws LumasyncException {
        Path p = root.resolve(id).normalize();
        if (!p.startsWith(root)) {
            throw LumasyncException.giveUp("Refusing to touch " + id + ": it is outside " + root + ".");
        }
        return p;
    }

    private RemoteRef refFor(Path p) {
        return new RemoteRef(root.relativize(p).toString(), p.toUri().toString());
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static LumasyncException unavailable(String what, IOException e) {
        return new LumasyncException(ErrorKind.UNAVAILABLE, "Lumasync " + what + ": " + reason(e), e);
    }

    private static LumasyncException failure(Path p, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new LumasyncException(ErrorKind.UNAVAILABLE,
                    "Cannot write " + p + ": permission denied. Check the folder's permissions.", e);
        }
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("No space left")) {
            return new LumasyncException(ErrorKind.UNAVAILABLE,
                    "Cannot write " + p + ": the disk is full. Free some space and sync again.", e);
        }
        if (e instanceof FileSystemException && msg.contains("Read-only")) {
            return new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot write " + p + ": the disk is read-only.", e);
        }
        return new LumasyncException(ErrorKind.RETRY, "Cannot write " + p + ": " + reason(e), e);
    }

    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "it does not exist" : String.valueOf(e.getMessage());
    }
}
