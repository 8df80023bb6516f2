package io.lumasync.source.folder;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Listing;
import io.lumasync.source.LocalFiles;
import io.lumasync.source.Watchable;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A local folder, walked recursively. Directory symlinks are followed, loops are detected and reported once;
 * hidden and temporary files are skipped. Listing reads only file attributes (no content), so listing 100,000
 * unchanged files is cheap; the engine hashes content only for new or changed files.
 */
public final class FolderSource implements Source, LocalFiles, Watchable {
    private final Path root;

    public FolderSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public Listing list(Optional<String> cursor) throws LumasyncException {
        if (!Files.isDirectory(root)) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE,
                    "The folder " + root + " does not exist (or is not mounted). Check the source's folder.");
        }
        List<SourceItem> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(root) && isIgnored(dir.getFileName().toString())
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String name = file.getFileName().toString();
                            if (attrs.isRegularFile() && !isIgnored(name) && ImageFormat.looksLikeImage(name)) {
                                items.add(item(file, attrs));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            if (exc instanceof FileSystemLoopException) {
                                problems.add(root.relativize(file) + ": skipped, this folder link points back to a "
                                        + "folder above it (a loop).");
                            } else if (exc instanceof AccessDeniedException) {
                                problems.add(root.relativize(file) + ": skipped, permission denied.");
                            } else if (!(exc instanceof NoSuchFileException)) {
                                problems.add(root.relativize(file) + ": skipped, " + exc.getMessage());
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot read the folder " + root + ": " + e.getMessage(), e);
        }
        return new Listing(items, List.of(), true, Optional.empty(), problems);
    }

    private SourceItem item(Path file, BasicFileAttributes attrs) {
        Path rel = root.relativize(file);
        Path parent = rel.getParent();
        String folder = parent == null ? "" : parent.toString().replace('\\', '/');
        String id = rel.toString().replace('\\', '/');
        return new SourceItem(id, file.getFileName().toString(), folder,
                new Fingerprint(attrs.size(), attrs.lastModifiedTime().toMillis(), ""));
    }

    @Override
    public InputStream open(SourceItem item) throws LumasyncException {
        Path p = path(item);
        try {
            return Files.newInputStream(p);
        } catch (NoSuchFileException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, item.id() + ": the file was moved or deleted during the sync.", e);
        } catch (AccessDeniedException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, item.id() + ": permission denied, Lumasync cannot read it.", e);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, item.id() + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }

    @Override
    public Path path(SourceItem item) {
        return root.resolve(item.id());
    }

    @Override
    public AutoCloseable watch(java.time.Duration settle, Runnable onChange) throws IOException {
        return FolderWatcher.start(root, settle, onChange);
    }

    /**
     * Hidden files, partial downloads and editors' temporary files: never synced.
     * Covers {@code .part}, {@code .tmp}, {@code .crdownload}, Office's {@code ~$x}, macOS {@code .DS_Store} and
     * {@code ._x}, Lightroom's {@code .lrprev}/journal names and Capture One's {@code .cos}/{@code CaptureOne} folders.
     */
    public static boolean isIgnored(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith(".") || n.startsWith("~$") || n.startsWith("~")
                || n.endsWith(".part") || n.endsWith(".tmp") || n.endsWith(".temp") || n.endsWith(".crdownload")
                || n.endsWith(".download") || n.endsWith(".partial") || n.endsWith("~")
                || n.endsWith(".lrprev") || n.endsWith(".lrdata") || n.endsWith(".lrcat-journal")
                || n.endsWith(".cos") || n.equals("captureone") || n.equals("thumbs.db") || n.equals("desktop.ini")
                || n.equals("@eadir") || n.equals("$recycle.bin");
    }
}
