package io.lumasync.ui.upload;

import io.lumasync.core.ImageFormat;
import io.lumasync.ui.common.Messages;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Turns dropped files and folders into the image files to upload; folders are read recursively. */
final class FileCollector {
    private FileCollector() {
    }

    record Collected(List<Path> images, List<String> skipped) {
    }

    static Collected collect(List<Path> dropped) {
        List<Path> images = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path p : dropped) {
            if (Files.isDirectory(p)) {
                try {
                    Files.walkFileTree(p, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                            return dir.getFileName().toString().startsWith(".") && !dir.equals(p)
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                            sort(f, images, skipped);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            skipped.add(Messages.get("upload.skipped.unreadable", f.getFileName()));
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } catch (IOException e) {
                    skipped.add(Messages.get("upload.skipped.unreadable", p.getFileName()));
                }
            } else if (Files.isRegularFile(p)) {
                sort(p, images, skipped);
            } else {
                skipped.add(Messages.get("upload.skipped.notFound", p.getFileName()));
            }
        }
        images.sort(null);
        return new Collected(images, skipped);
    }

    private static void sort(Path f, List<Path> images, List<String> skipped) {
        String n = f.getFileName().toString();
        if (n.startsWith(".")) {
            return;
        }
        if (ImageFormat.looksLikeImage(n)) {
            images.add(f);
        } else {
            skipped.add(n);
        }
    }
}
