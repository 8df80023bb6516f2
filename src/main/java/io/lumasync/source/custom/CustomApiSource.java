package io.lumasync.source.custom;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.HttpErrors;
import io.lumasync.http.JsonPaths;
import io.lumasync.source.ContentDigest;
import io.lumasync.source.Listing;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.source.StagedDownload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Any JSON API as a source, through a {@link CustomApiMapping}. Listings are always complete (such APIs rarely
 * have a change feed); an item's fingerprint uses the mapped version field, else a hash of its download address,
 * so a replaced image is seen as changed. The token travels only to the API's own host, never to a CDN.
 */
public final class CustomApiSource implements Source {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 10_000;

    private final CustomApiMapping mapping;
    private final ApiRequests requests;
    private final Path dataDir;

    CustomApiSource(CustomApiMapping mapping, ApiRequests requests, Path dataDir) {
        this.mapping = mapping;
        this.requests = requests;
        this.dataDir = dataDir;
    }

    /** One item as mapped, with where its bytes and preview are. */
    public record Mapped(SourceItem item, String download, String thumbnail) {
    }

    /** What "Verify &amp; connect" shows: the first page as the mapping reads it. */
    public record Verification(String endpoint, int itemsOnFirstPage, List<Mapped> sample, List<String> warnings,
                               String nextPage) {
    }

    @Override
    public Listing list(Optional<String> cursor) throws LumasyncException {
        Map<String, Mapped> all = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI page = requests.firstPage();
        int n = 0;
        while (page != null) {
            if (!seen.add(page) || ++n > MAX_PAGES) {
                problems.add("The API kept pointing to pages already read; the listing stopped there.");
                break;
            }
            Page p = fetch(page, n);
            for (Mapped m : p.items()) {
                all.putIfAbsent(m.item().id(), m); // an item repeated on two pages is listed once
            }
            problems.addAll(p.problems());
            page = p.next();
        }
        saveIndex(all);
        return new Listing(all.values().stream().map(Mapped::item).toList(), List.of(), true, Optional.empty(), problems);
    }

    /** Reads the first page and reports what the mapping makes of it, without saving anything. */
    public Verification verify() throws LumasyncException {
        URI first = requests.firstPage();
        Page p = fetch(first, 1);
        List<String> warnings = new ArrayList<>(p.problems());
        if (p.items().isEmpty() && p.rawCount() > 0) {
            warnings.add("The answer has " + p.rawCount() + " entries at '" + mapping.itemsPath() + "' but none has both '"
                    + mapping.idField() + "' and '" + mapping.downloadField() + "'. Check those two field paths.");
        } else if (p.rawCount() == 0) {
            warnings.add("The first page has no entries at '" + mapping.itemsPath() + "'. Check 'items_path'.");
        }
        return new Verification(requests.redact(first.toString()), p.items().size(),
                p.items().subList(0, Math.min(3, p.items().size())), warnings,
                p.next() == null ? "none" : requests.redact(p.next().toString()));
    }

    private record Page(List<Mapped> items, int rawCount, URI next, List<String> problems) {
    }

    private Page fetch(URI uri, int pageNumber) throws LumasyncException {
        HttpResponse<String> r = requests.getText(uri);
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, requests.what() + " did not answer with JSON. Check the "
                    + "API URL (it should be an API address, not a web page).", e);
        }
        JsonNode arr = JsonPaths.at(body, mapping.itemsPath());
        if (!arr.isArray()) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "In the answer of " + requests.what() + ", '"
                    + mapping.itemsPath() + "' is not a list. Set 'items_path' to where the items are.");
        }
        List<Mapped> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode e : arr) {
            String id = JsonPaths.text(e, mapping.idField()).orElse("");
            String download = JsonPaths.text(e, mapping.downloadField()).orElse("");
            if (id.isEmpty() || download.isEmpty()) {
                continue; // not an image entry (e.g. a Notion text block)
            }
            URI dl = requests.absolute(uri, download);
            String name = JsonPaths.text(e, mapping.nameField()).orElse("");
            if (name.isBlank()) {
                String path = dl.getPath() == null ? "" : dl.getPath();
                name = path.substring(path.lastIndexOf('/') + 1);
            }
            if (name.isBlank()) {
                name = id;
            }
            long size = requests.sizeField().map(f -> JsonPaths.at(e, f).asLong(-1)).orElse(-1L);
            String version = JsonPaths.text(e, mapping.versionField()).orElse("");
            String hash = version.isEmpty() ? "url:" + shortHash(dl.toString()) : "rev:" + version;
            if (size == 0) {
                problems.add(name + ": skipped, the API says the file is empty (0 bytes).");
                continue;
            }
            Fingerprint fp = new Fingerprint(Math.max(size, 0), modified(e), hash);
            String thumb = JsonPaths.text(e, mapping.thumbField()).orElse("");
            items.add(new Mapped(new SourceItem(id, name, "", fp), dl.toString(),
                    thumb.isEmpty() ? "" : requests.absolute(uri, thumb).toString()));
        }
        return new Page(items, arr.size(), requests.next(uri, r, body, arr.size(), pageNumber), problems);
    }

    private long modified(JsonNode e) {
        String v = JsonPaths.text(e, requests.modifiedField().orElse("")).orElse("");
        try {
            return v.isEmpty() ? 0 : OffsetDateTime.parse(v).toInstant().toEpochMilli();
        } catch (RuntimeException ex) {
            try {
                return Instant.parse(v + "Z").toEpochMilli(); // WordPress *_gmt has no zone
            } catch (RuntimeException ignored) {
                return 0;
            }
        }
    }

    private static String shortHash(String s) {
        ContentDigest d = ContentDigest.sha256();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update(b, 0, b.length);
        return d.hex().substring(0, 32); // a download URL may carry a signature: only its hash is kept
    }

    @Override
    public InputStream open(SourceItem item) throws LumasyncException {
        Mapped m = index().get(item.id());
        if (m == null) {
            throw new LumasyncException(ErrorKind.GIVE_UP, item.name() + ": not in the last listing of "
                    + requests.what() + "; it is picked up at the next sync.");
        }
        return requests.retried(() -> {
            HttpResponse<InputStream> r = requests.getBytes(URI.create(m.download()), item.name(), BodyLimits.FILE);
            return StagedDownload.verify(r.body(), dataDir.resolve("downloads"), "", item.name());
        });
    }

    @Override
    public Optional<byte[]> thumbnail(SourceItem item, int size) throws LumasyncException {
        Mapped m = index().get(item.id());
        if (m == null || m.thumbnail().isEmpty()) {
            return Optional.empty();
        }
        return requests.retried(() -> {
            try (InputStream in = requests.getBytes(URI.create(m.thumbnail()), item.name(), BodyLimits.THUMBNAIL).body()) {
                return Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw HttpErrors.fromIo(item.name() + ": the preview from " + requests.what(), e);
            }
        });
    }

    private Path indexFile() {
        return dataDir.resolve("custom-index.json");
    }

    private Map<String, Mapped> index() {
        try {
            return JSON.readValue(indexFile().toFile(), new TypeReference<LinkedHashMap<String, Mapped>>() {
            });
        } catch (IOException e) {
            return Map.of();
        }
    }

    private void saveIndex(Map<String, Mapped> all) throws LumasyncException {
        try {
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve("custom-index.json.tmp");
            JSON.writeValue(tmp.toFile(), all);
            Files.move(tmp, indexFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot save the listing of " + requests.what() + " in "
                    + dataDir + " (" + e.getMessage() + ").", e);
        }
    }
}
