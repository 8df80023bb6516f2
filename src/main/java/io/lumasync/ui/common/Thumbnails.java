package io.lumasync.ui.common;

import io.lumasync.core.LumasyncException;
import io.lumasync.image.ImagePipeline;
import io.lumasync.image.ImagePipelines;
import javafx.scene.image.Image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Small previews of local images, made on two background threads and kept on disk (keyed by path, size and
 * modification time) and in a small memory cache, so scrolling never waits for decoding. Newest requests run
 * first: the cells on screen now matter more than the ones scrolled past. The files are anyone's (a shared folder
 * can hold anything), so they are decoded only by the image engine, under the limits of a conversion (format by
 * content, pixel limit from the header, deadline) and shrunk while loading; JavaFX only ever reads the engine's
 * small PNG.
 */
public final class Thumbnails implements AutoCloseable {
    public static final int SIZE = 160;
    /**
     * Previews kept in memory (~70 KB each on the heap): several screens of the grid; scrolling further back reads
     * the disk cache. Part of the heap the app keeps for itself beside the conversions' (WorkerSizing).
     */
    private static final int MEMORY_ENTRIES = 300;

    private final Path cacheDir;
    private final Tasks tasks;
    private final ImagePipeline engine;
    private final ExecutorService pool;
    private final Map<String, Image> memory = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > MEMORY_ENTRIES;
        }
    };

    /** A 64-pixel preview in a fixed frame, as the rows of a list show it (an upload, an image awaiting review). */
    public static javafx.scene.layout.StackPane rowFrame(javafx.scene.image.ImageView thumb) {
        thumb.setFitWidth(64);
        thumb.setFitHeight(64);
        thumb.setPreserveRatio(true);
        javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane(thumb);
        frame.getStyleClass().add("thumb-placeholder");
        frame.setMinSize(68, 68);
        frame.setMaxSize(68, 68);
        return frame;
    }

    public Thumbnails(Path cacheDir, Tasks tasks) {
        this(cacheDir, tasks, ImagePipelines.best());
    }

    /** @param engine makes the previews ({@link ImagePipeline#preview}); one that makes none shows placeholders */
    public Thumbnails(Path cacheDir, Tasks tasks, ImagePipeline engine) {
        this.cacheDir = cacheDir;
        this.tasks = tasks;
        this.engine = engine;
        LinkedBlockingDeque<Runnable> lifo = new LinkedBlockingDeque<>() {
            @Override
            public boolean offer(Runnable r) {
                return offerFirst(r);
            }
        };
        this.pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, lifo, r -> {
            Thread t = new Thread(r, "lumasync-thumbnails");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** The cached preview if it is already in memory (FX thread). */
    public Optional<Image> cached(Path file) {
        synchronized (memory) {
            return Optional.ofNullable(memory.get(file.toString()));
        }
    }

    /** Makes or loads the preview in the background; {@code onFx} gets it on the FX thread (not on failure). */
    public void load(Path file, Consumer<Image> onFx) {
        Optional<Image> hit = cached(file);
        if (hit.isPresent()) {
            onFx.accept(hit.get());
            return;
        }
        pool.execute(() -> {
            Image img = make(file);
            if (img != null) {
                synchronized (memory) {
                    memory.put(file.toString(), img);
                }
                tasks.onFx(() -> onFx.accept(img));
            }
        });
    }

    /** The preview of {@code file}, from the disk cache or made now; null when there is none (placeholder). */
    Image make(Path file) {
        try {
            Path cached = cacheDir.resolve(key(file) + ".png");
            if (Files.isRegularFile(cached)) {
                return new Image(cached.toUri().toString());
            }
            Optional<byte[]> png = engine.preview(file, SIZE);
            if (png.isEmpty()) {
                return null;
            }
            Image img = new Image(new ByteArrayInputStream(png.get()));
            if (img.isError()) {
                return null;
            }
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, "thumb", ".tmp");
            Files.write(tmp, png.get());
            Files.move(tmp, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return img;
        } catch (LumasyncException | IOException | RuntimeException e) {
            return null;   // not an image, over a limit, unreadable: the cell shows its placeholder
        }
    }

    private static String key(Path file) throws IOException {
        String id = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
