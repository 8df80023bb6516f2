package io.lumasync.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writing files that must survive a power cut: a rename only publishes bytes that are on the disk, so the bytes
 * are forced before it and the folder entry after it. Without that, a crash right after the rename can leave a
 * complete-looking name over an empty or partial file.
 */
public final class DurableFiles {
    private DurableFiles() {
    }

    /** Replaces the content of {@code file} with {@code bytes} and waits until they are on the disk. */
    public static void writeForced(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** Forces a folder's entries (a new name, a rename) to the disk, where the system can open a folder. */
    public static void forceFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a folder as a file; NTFS journals its renames itself
        }
    }
}
