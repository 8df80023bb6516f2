package io.lumasync.source.dropbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Listing;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.source.StagedDownload;
import io.lumasync.source.Watchable;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A Dropbox folder, listed recursively with {@code files/list_folder} and followed with
 * {@code files/list_folder/continue}: the returned cursor is the Listing cursor, so the next sync fetches only
 * changes and deletions. Deleted entries carry a path but no id, so the source keeps a small path → id index in
 * its data folder to report removals by id. A {@code reset} answer (cursor expired) means a full rescan.
 */
public final class DropboxSource implements Source, Watchable {
    private static final int PAGE_LIMIT = 2000; // the API's maximum "limit" for list_folder

    private final DropboxApi api;
    private final String root;       // "" for the whole Dropbox, else "/Photos" (as typed, no trailing slash)
    private final Path dataDir;

    DropboxSource(DropboxApi api, String folder, Path dataDir) {
        this.api = api;
        String f = folder == null ? "" : folder.strip();
        if (f.equals("/")) {
            f = "";
        }
        if (!f.isEmpty() && !f.startsWith("/")) {
            f = "/" + f;
        }
        this.root = f.endsWith("/") ? f.substring(0, f.length() - 1) : f;
        this.dataDir = dataDir;
    }

    @Override
    public Listing list(Optional<String> cursor) throws LumasyncException {
        Map<String, String> index = loadIndex();
        if (cursor.isPresent() && !index.isEmpty()) {
            try {
                return changesSince(cursor.get(), index);
            } catch (DropboxApi.EndpointError e) {
                if (!e.summary.startsWith("reset")) {
                    throw DropboxErrors.of(e, "the folder " + displayRoot());
                }
                // The cursor expired: a full listing follows; the engine matches items by id, so no duplicates.
            }
        }
        return fullListing();
    }

    private Listing fullListing() throws LumasyncException {
        Map<String, Object> arg = new LinkedHashMap<>();
        arg.put("path", root);
        arg.put("recursive", true);
        arg.put("include_deleted", false);
        arg.put("limit", PAGE_LIMIT);
        Map<String, String> index = new LinkedHashMap<>();
        Pages pages = new Pages();
        try {
            JsonNode page = api.rpc("files/list_folder", arg);
            while (true) {
                pages.take(page, index);
                if (!page.path("has_more").asBoolean(false)) {
                    break;
                }
                page = api.rpc("files/list_folder/continue", Map.of("cursor", page.path("cursor").asText()));
            }
        } catch (DropboxApi.EndpointError e) {
            throw DropboxErrors.of(e, "the folder " + displayRoot());
        }
        saveIndex(index);
        return new Listing(List.copyOf(pages.items.values()), List.of(), true, Optional.of(pages.cursor), pages.problems);
    }

    private Listing changesSince(String cursor, Map<String, String> index) throws LumasyncException, DropboxApi.EndpointError {
        Pages pages = new Pages();
        String next = cursor;
        while (true) {
            JsonNode page = api.rpc("files/list_folder/continue", Map.of("cursor", next));
            pages.take(page, index);
            next = page.path("cursor").asText();
            if (!page.path("has_more").asBoolean(false)) {
                break;
            }
        }
        Set<String> removed = new LinkedHashSet<>(pages.removedIds);
        pages.items.values().forEach(i -> removed.remove(i.id())); // moved or re-added: not removed
        saveIndex(index);
        return new Listing(List.copyOf(pages.items.values()), List.copyOf(removed), false, Optional.of(next),
                pages.problems);
    }

    /** Accumulates the pages of one listing. Later entries for the same id win (a file changed twice). */
    private final class Pages {
        final Map<String, SourceItem> items = new LinkedHashMap<>();
        final List<String> removedIds = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        String cursor = "";

        void take(JsonNode page, Map<String, String> index) {
            cursor = page.path("cursor").asText(cursor);
            for (JsonNode e : page.path("entries")) {
                String tag = e.path(".tag").asText();
                String pathLower = e.path("path_lower").asText();
                if (tag.equals("deleted")) {
                    // A deleted folder removes everything under it.
                    index.entrySet().removeIf(x -> {
                        boolean gone = x.getKey().equals(pathLower) || x.getKey().startsWith(pathLower + "/");
                        if (gone) {
                            removedIds.add(x.getValue());
                            items.remove(x.getValue());
                        }
                        return gone;
                    });
                } else if (tag.equals("file")) {
                    file(e, pathLower, index);
                }
            }
        }

        private void file(JsonNode e, String pathLower, Map<String, String> index) {
            String name = e.path("name").asText();
            String id = e.path("id").asText();
            if (!ImageFormat.looksLikeImage(name) || !e.path("is_downloadable").asBoolean(true)) {
                return;
            }
            index.values().remove(id); // a move: the id's old path goes
            index.put(pathLower, id);
            long size = e.path("size").asLong();
            String display = relative(e.path("path_display").asText());
            if (size == 0) {
                problems.add(display + ": skipped, the file is empty (0 bytes) in Dropbox.");
                items.remove(id);
                return;
            }
            int slash = display.lastIndexOf('/');
            String folder = slash < 0 ? "" : display.substring(0, slash);
            long modified = Instant.parse(e.path("server_modified").asText("1970-01-01T00:00:00Z")).toEpochMilli();
            String hash = e.path("content_hash").asText("");
            items.put(id, new SourceItem(id, name, folder,
                    new Fingerprint(size, modified, hash.isEmpty() ? "" : "dropbox:" + hash)));
        }
    }

    /**
     * Near-instant pick-up with files/list_folder/longpoll on a background thread: when Dropbox says something
     * changed, waits {@code settle} (uploads of a batch come in a burst), calls {@code onChange} and waits again
     * from a fresh cursor. The engine then lists with its own stored cursor. Honours the server's {@code backoff};
     * after a failure it waits a minute and tries again. Closing the handle stops it.
     */
    @Override
    public AutoCloseable watch(java.time.Duration settle, Runnable onChange) {
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread t = Thread.ofVirtual().name("dropbox-longpoll").start(() -> {
            while (running.get()) {
                try {
                    String cursor = api.rpc("files/list_folder/get_latest_cursor",
                            Map.of("path", root, "recursive", true)).path("cursor").asText();
                    boolean changed = false;
                    while (running.get() && !changed) {
                        JsonNode r = api.longpoll(cursor, 30);
                        changed = r.path("changes").asBoolean(false);
                        long backoff = r.path("backoff").asLong(0);
                        if (backoff > 0) {
                            Thread.sleep(backoff * 1000);
                        }
                    }
                    if (changed && running.get()) {
                        Thread.sleep(settle.toMillis());
                        onChange.run();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (LumasyncException | DropboxApi.EndpointError | RuntimeException e) {
                    try {
                        Thread.sleep(60_000); // offline or signed out: the scheduled sync reports it; retry later
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        });
        return () -> {
            running.set(false);
            t.interrupt();
        };
    }

    @Override
    public InputStream open(SourceItem item) throws LumasyncException {
        try {
            return api.retried(() -> {
                HttpResponse<InputStream> r = api.content("files/download", Map.of("path", item.id()));
                String expected = item.fingerprint().contentHash();
                if (expected.isEmpty()) {
                    String fromHeader = DropboxApi.read(r.headers().firstValue("Dropbox-API-Result").orElse(""))
                            .path("content_hash").asText("");
                    expected = fromHeader.isEmpty() ? "" : "dropbox:" + fromHeader;
                }
                return StagedDownload.verify(r.body(), dataDir.resolve("downloads"), expected, label(item));
            });
        } catch (DropboxApi.EndpointError e) {
            throw DropboxErrors.of(e, label(item));
        }
    }

    @Override
    public Optional<byte[]> thumbnail(SourceItem item, int size) throws LumasyncException {
        Map<String, Object> arg = new LinkedHashMap<>();
        arg.put("resource", Map.of(".tag", "path", "path", item.id()));
        arg.put("format", "jpeg");
        arg.put("size", thumbnailSize(size));
        arg.put("mode", "fitone_bestfit");
        try {
            return api.retried(() -> {
                try (InputStream in = api.content("files/get_thumbnail_v2", arg).body()) {
                    return Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new LumasyncException(ErrorKind.RETRY, label(item) + ": the preview download broke off.", e);
                }
            });
        } catch (DropboxApi.EndpointError e) {
            if (e.summary.startsWith("unsupported_extension") || e.summary.startsWith("unsupported_image")
                    || e.summary.startsWith("conversion_error")) {
                return Optional.empty(); // Dropbox makes no preview for this file (e.g. a large RAW)
            }
            throw DropboxErrors.of(e, label(item));
        }
    }

    /** The smallest of Dropbox's fixed thumbnail sizes (ThumbnailSize in the docs) that covers {@code px}. */
    static String thumbnailSize(int px) {
        int[][] sizes = {{32, 32}, {64, 64}, {128, 128}, {256, 256}, {480, 320}, {640, 480}, {960, 640},
                {1024, 768}, {2048, 1536}};
        for (int[] s : sizes) {
            if (s[0] >= px) {
                return "w" + s[0] + "h" + s[1];
            }
        }
        return "w2048h1536";
    }

    private String label(SourceItem item) {
        return item.folder().isEmpty() ? item.name() : item.folder() + "/" + item.name();
    }

    private String displayRoot() {
        return root.isEmpty() ? "(whole Dropbox)" : root;
    }

    private String relative(String pathDisplay) {
        String p = pathDisplay;
        if (!root.isEmpty() && p.toLowerCase(Locale.ROOT).startsWith(root.toLowerCase(Locale.ROOT) + "/")) {
            p = p.substring(root.length() + 1);
        } else if (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    private Path indexFile() {
        return dataDir.resolve("dropbox-index.properties");
    }

    private Map<String, String> loadIndex() {
        Map<String, String> index = new LinkedHashMap<>();
        Path f = indexFile();
        if (Files.exists(f)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f)) {
                p.load(r);
            } catch (IOException e) {
                return index; // unreadable: a full listing rebuilds it
            }
            p.forEach((k, v) -> index.put((String) k, (String) v));
        }
        return index;
    }

    private void saveIndex(Map<String, String> index) throws LumasyncException {
        Properties p = new Properties();
        p.putAll(index);
        try {
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve("dropbox-index.properties.tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                p.store(w, "Dropbox path -> file id, to report deletions by id");
            }
            Files.move(tmp, indexFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot save the Dropbox listing state in " + dataDir
                    + " (" + e.getMessage() + "). Check the free disk space.", e);
        }
    }
}
