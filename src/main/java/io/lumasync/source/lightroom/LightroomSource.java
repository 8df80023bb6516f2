package io.lumasync.source.lightroom;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BodyLimits;
import io.lumasync.source.DescribedSource;
import io.lumasync.source.Listing;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.source.StagedDownload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Lightroom (cloud) catalog or one of its albums. Albums nest in folders (collection sets); an asset's folder is
 * the path of the first album it is in below the chosen one, and the whole catalog also lists the photos in no
 * album at the top. Lightroom has no change feed for albums, so every listing is complete, but it costs only
 * metadata: an asset counts as changed when its {@code updated} time or its develop settings' {@code userUpdated}
 * time moves (an edit in Lightroom), so an unchanged photo is never downloaded again. The bytes are a rendition:
 * the 2048-pixel one, or {@code fullsize} generated on demand where the account allows; when it does not, the 2048
 * rendition is used and the next listing says so.
 */
public final class LightroomSource implements Source, DescribedSource {
    private static final int MAX_PAGES = 10_000;

    /** Which rendition a download uses. */
    enum Rendition { R2048, FULLSIZE }

    private final LightroomApi api;
    private final String albumPath;
    private final Rendition rendition;
    private final Duration renderWait;
    private final int renderPolls;
    private final Path dataDir;
    private final Map<String, JsonNode> assets = new ConcurrentHashMap<>();
    private volatile String catalogId;
    private volatile String fallbackNote;

    LightroomSource(LightroomApi api, String albumPath, Rendition rendition, Duration renderWait, int renderPolls,
                    Path dataDir) {
        this.api = api;
        this.albumPath = albumPath == null ? "" : albumPath.strip().replaceAll("^/+|/+$", "");
        this.rendition = rendition;
        this.renderWait = renderWait;
        this.renderPolls = renderPolls;
        this.dataDir = dataDir;
    }

    private record Album(String id, String name, String parent, boolean set) {
    }

    @Override
    public Listing list(Optional<String> cursor) throws LumasyncException {
        try {
            String cid = catalog();
            Map<String, Album> albums = new LinkedHashMap<>();
            for (JsonNode a : pages(api.uri("/v2/catalogs/" + cid + "/albums?subtype=collection%3Bcollection_set"))) {
                albums.put(a.path("id").asText(), new Album(a.path("id").asText(), a.path("payload").path("name").asText(),
                        a.path("payload").path("parent").path("id").asText(""), a.path("subtype").asText().equals("collection_set")));
            }
            Optional<String> scope = scope(albums);
            Map<String, SourceItem> items = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (Album a : albums.values()) {
                Optional<String> folder = relative(a, scope, albums);
                if (a.set() || folder.isEmpty()) {
                    continue;
                }
                for (JsonNode entry : pages(api.uri("/v2/catalogs/" + cid + "/albums/" + a.id()
                        + "/assets?embed=asset&subtype=image"))) {
                    take(entry.path("asset"), folder.get(), items, problems);
                }
            }
            if (scope.isEmpty()) {
                for (JsonNode asset : pages(api.uri("/v2/catalogs/" + cid + "/assets?subtype=image"))) {
                    take(asset, "", items, problems);
                }
            }
            String note = fallbackNote;
            if (note != null) {
                problems.add(note);
            }
            return new Listing(List.copyOf(items.values()), List.of(), true, Optional.empty(), problems);
        } catch (LightroomApi.LightroomError e) {
            throw plain(e, "the catalog");
        }
    }

    private String catalog() throws LumasyncException, LightroomApi.LightroomError {
        String c = catalogId;
        if (c == null) {
            c = api.get(api.uri("/v2/catalog")).path("id").asText();
            catalogId = c;
        }
        return c;
    }

    private List<JsonNode> pages(URI first) throws LumasyncException, LightroomApi.LightroomError {
        List<JsonNode> out = new ArrayList<>();
        Optional<URI> next = Optional.of(first);
        for (int i = 0; next.isPresent(); i++) {
            if (i == MAX_PAGES) {
                throw new LumasyncException(ErrorKind.GIVE_UP, "Adobe Lightroom kept sending more pages; the listing "
                        + "was stopped.");
            }
            JsonNode page = api.get(next.get());
            page.path("resources").forEach(out::add);
            next = api.next(page, next.get());
        }
        return out;
    }

    /** The chosen album or folder (by its names, "Clients/Smith"); empty = the whole catalog. */
    private Optional<String> scope(Map<String, Album> albums) throws LumasyncException {
        if (albumPath.isEmpty()) {
            return Optional.empty();
        }
        for (Album a : albums.values()) {
            if (path(a, albums).equals(albumPath)) {
                return Optional.of(a.id());
            }
        }
        throw new LumasyncException(ErrorKind.GIVE_UP, "Adobe Lightroom has no album or folder '" + albumPath
                + "' in this catalog. Check the name (folders and albums separated by '/').");
    }

    private static String path(Album a, Map<String, Album> albums) {
        String p = a.name();
        Album at = albums.get(a.parent());
        for (int depth = 0; at != null && depth < 100; depth++) {
            p = at.name() + "/" + p;
            at = albums.get(at.parent());
        }
        return p;
    }

    /** The album's path below the scope ("" for the scope itself); empty when it lies outside. */
    private static Optional<String> relative(Album a, Optional<String> scope, Map<String, Album> albums) {
        if (scope.isEmpty()) {
            return Optional.of(path(a, albums));
        }
        List<String> names = new ArrayList<>();
        Album at = a;
        for (int depth = 0; at != null && depth < 100; depth++) {
            if (at.id().equals(scope.get())) {
                return Optional.of(String.join("/", names.reversed()));
            }
            names.add(at.name());
            at = albums.get(at.parent());
        }
        return Optional.empty();
    }

    private void take(JsonNode asset, String folder, Map<String, SourceItem> items, List<String> problems) {
        String id = asset.path("id").asText();
        JsonNode payload = asset.path("payload");
        if (id.isEmpty() || items.containsKey(id) || !asset.path("subtype").asText("image").equals("image")) {
            return; // an asset in two albums is listed once, in the first
        }
        String name = payload.path("importSource").path("fileName").asText(id + ".jpg");
        long size = payload.path("importSource").path("fileSize").asLong(0);
        if (size == 0) {
            problems.add((folder.isEmpty() ? "" : folder + "/") + name + ": skipped, Lightroom holds no image data for it "
                    + "(0 bytes).");
            return;
        }
        long changed = Math.max(millis(asset.path("updated")), Math.max(millis(payload.path("userUpdated")),
                millis(payload.path("develop").path("userUpdated"))));
        assets.put(id, asset);
        items.put(id, new SourceItem(id, name, folder, new Fingerprint(size, changed, "")));
    }

    private static long millis(JsonNode time) {
        try {
            return time.isTextual() ? Instant.parse(time.asText()).toEpochMilli() : 0;
        } catch (java.time.format.DateTimeParseException e) {
            return 0;
        }
    }

    /**
     * Title, caption and keywords from the asset's XMP (dc:title, dc:description, lr:hierarchicalSubject or
     * dc:subject), as the last listing gave them; the caption doubles as alt text.
     */
    @Override
    public Optional<AssetMetadata> metadata(SourceItem item) {
        JsonNode asset = assets.get(item.id());
        if (asset == null) {
            return Optional.empty();
        }
        JsonNode xmp = asset.path("payload").path("xmp");
        String title = xmp.path("dc").path("title").asText("");
        String caption = xmp.path("dc").path("description").asText("");
        JsonNode subjects = xmp.path("lr").path("hierarchicalSubject");
        if (!subjects.isArray() || subjects.isEmpty()) {
            subjects = xmp.path("dc").path("subject");
        }
        List<String> keywords = new ArrayList<>();
        subjects.forEach(k -> keywords.add(k.asText().replace('|', ' ')));
        AssetMetadata m = new AssetMetadata(caption, title, caption, String.join(", ", keywords));
        return m.equals(AssetMetadata.EMPTY) ? Optional.empty() : Optional.of(m);
    }

    @Override
    public InputStream open(SourceItem item) throws LumasyncException {
        try {
            String cid = catalog();
            URI base = api.uri("/v2/catalogs/" + cid + "/assets/" + item.id() + "/renditions/");
            if (rendition == Rendition.FULLSIZE) {
                Optional<InputStream> full = fullsize(base, item);
                if (full.isPresent()) {
                    return full.get();
                }
            }
            return download(base.resolve("2048"), item);
        } catch (LightroomApi.LightroomError e) {
            throw plain(e, label(item));
        }
    }

    private InputStream download(URI uri, SourceItem item) throws LumasyncException, LightroomApi.LightroomError {
        return api.retried(() -> StagedDownload.verify(api.rendition(uri, BodyLimits.FILE).body(),
                dataDir.resolve("downloads"), "", label(item)));
    }

    /** The full-size rendition, generated first when missing; empty when this account may not have it. */
    private Optional<InputStream> fullsize(URI base, SourceItem item) throws LumasyncException, LightroomApi.LightroomError {
        URI full = base.resolve("fullsize");
        for (int poll = 0; poll <= renderPolls; poll++) {
            try {
                return Optional.of(download(full, item));
            } catch (LightroomApi.LightroomError e) {
                if (e.status != 404) {
                    throw e;
                }
            }
            if (poll == 0) {
                try {
                    api.generate(api.uri(base.getPath().replaceAll("/renditions/$", "/renditions")), "fullsize");
                } catch (LightroomApi.LightroomError refused) {
                    if (refused.status == 403) {
                        fallbackNote = "Adobe Lightroom: this account may not generate full-size renditions ("
                                + refused.getMessage() + "); the 2048-pixel rendition is used instead.";
                        return Optional.empty();
                    }
                    throw refused;
                }
            } else {
                sleep();
            }
        }
        throw new LumasyncException(ErrorKind.RETRY, label(item) + ": Lightroom is still making the full-size "
                + "rendition; it is fetched on the next try.");
    }

    private void sleep() throws LumasyncException {
        try {
            Thread.sleep(renderWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, "Adobe Lightroom: waiting for a rendition was interrupted.", e);
        }
    }

    @Override
    public Optional<byte[]> thumbnail(SourceItem item, int size) throws LumasyncException {
        try {
            URI uri = api.uri("/v2/catalogs/" + catalog() + "/assets/" + item.id() + "/renditions/thumbnail2x");
            return api.retried(() -> {
                try (InputStream in = api.rendition(uri, BodyLimits.THUMBNAIL).body()) {
                    return Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new LumasyncException(ErrorKind.RETRY, label(item) + ": the preview download broke off.", e);
                }
            });
        } catch (LightroomApi.LightroomError e) {
            return Optional.empty(); // no preview made (yet)
        }
    }

    private static LumasyncException plain(LightroomApi.LightroomError e, String what) {
        if (e.status == 404) {
            return new LumasyncException(ErrorKind.GIVE_UP, what + " was not found in Adobe Lightroom: it was deleted "
                    + "or removed from the album since the last listing. It is skipped; the next sync sees the change.");
        }
        return new LumasyncException(ErrorKind.GIVE_UP, "Adobe Lightroom refused access to " + what + " ("
                + e.getMessage() + "). Check that the Adobe account has a Lightroom plan and that the app was "
                + "allowed to read it.");
    }

    private static String label(SourceItem item) {
        return item.folder().isEmpty() ? item.name() : item.folder() + "/" + item.name();
    }
}
