package io.lumasync.source.folder;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches a folder tree (JDK WatchService) and calls back once changes have settled: a changed file must keep
 * the same size and mtime for the settle delay, so a photo still being exported is not picked up half-written.
 * A periodic rescan (every minute) is the safety net for events the OS drops.
 */
final class FolderWatcher implements AutoCloseable {
    private static final Duration RESCAN = Duration.ofMinutes(1);
    private final Path root;
    private final Duration settle;
    private final Runnable onChange;
    private final WatchService watcher;
    private final ScheduledExecutorService timer;
    private final Map<Path, long[]> pending = new HashMap<>();
    private final Thread loop;

    private FolderWatcher(Path root, Duration settle, Runnable onChange) throws IOException {
        this.root = root;
        this.settle = settle;
        this.onChange = onChange;
        this.watcher = FileSystems.getDefault().newWatchService();
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("lumasync-watch-timer")
                .daemon(true).factory());
        registerTree(root);
        this.loop = Thread.ofPlatform().name("lumasync-watch").daemon(true).start(this::eventLoop);
        long settleMs = Math.max(200, settle.toMillis() / 2);
        timer.scheduleWithFixedDelay(this::checkSettled, settleMs, settleMs, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(onChange, RESCAN.toSeconds(), RESCAN.toSeconds(), TimeUnit.SECONDS);
    }

    static FolderWatcher start(Path root, Duration settle, Runnable onChange) throws IOException {
        return new FolderWatcher(root, settle, onChange);
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                if (d.equals(root) || !FolderSource.isIgnored(d.getFileName().toString())) {
                    d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
    }

    private void eventLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> ev : key.pollEvents()) {
                    if (ev.kind() == StandardWatchEventKinds.OVERFLOW) {
                        timer.execute(onChange);
                        continue;
                    }
                    Path p = dir.resolve((Path) ev.context());
                    if (FolderSource.isIgnored(p.getFileName().toString())) {
                        continue;
                    }
                    if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) {
                        try {
                            registerTree(p);
                        } catch (IOException ignored) {
                            // the rescan picks it up
                        }
                    }
                    synchronized (pending) {
                        pending.put(p, new long[]{-2, -2, System.currentTimeMillis()});
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Fires once every pending path has kept its size and mtime for the settle delay. */
    private void checkSettled() {
        boolean fire = false;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            long now = System.currentTimeMillis();
            boolean allStable = true;
            for (Map.Entry<Path, long[]> e : pending.entrySet()) {
                long[] seen = e.getValue();
                long size = -1;
                long mtime = -1;
                try {
                    BasicFileAttributes a = Files.readAttributes(e.getKey(), BasicFileAttributes.class);
                    size = a.size();
                    mtime = a.lastModifiedTime().toMillis();
                } catch (IOException gone) {
                    // deleted: stable as "gone"
                }
                if (size != seen[0] || mtime != seen[1]) {
                    seen[0] = size;
                    seen[1] = mtime;
                    seen[2] = now;
                }
                if (now - seen[2] < settle.toMillis()) {
                    allStable = false;
                }
            }
            if (allStable) {
                pending.clear();
                fire = true;
            }
        }
        if (fire) {
            onChange.run();
        }
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        watcher.close();
        loop.interrupt();
    }
}
