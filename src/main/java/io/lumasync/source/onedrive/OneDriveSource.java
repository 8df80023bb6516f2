package io.lumasync.source.onedrive;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BodyLimits;
import io.lumasync.source.Listing;
import io.lumasync.source.ResumableDownload;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.source.StagedDownload;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A OneDrive or SharePoint folder (personal, work or school; one's own or shared), listed with Graph's
 * {@code delta}: the first call without a token enumerates the folder, the {@code @odata.deltaLink} at the end is
 * the Listing cursor and returns only what changed since. A {@code 410 Gone} (resync required) means one full
 * listing again; items keep their ids, so nothing is duplicated. Delta items carry no path, so the source keeps
 * its folder tree in its data folder ({@link DeltaState}). Work accounts only take delta on a drive's root, so
 * there the source follows the root and keeps what lies under its folder.
 */
public final class OneDriveSource implements Source {
    /** Graph's pre-authenticated download URLs last about an hour; an older one is asked for again. */
    private static final Duration LINK_LIFE = Duration.ofMinutes(50);
    /** No folder needs more pages than this; a server that keeps sending links is stopped. */
    private static final int MAX_PAGES = 100_000;

    private record Link(URI url, Instant fetched) {
    }

    private final GraphApi api;
    private final FolderRef folder;
    private final int pageSize;
    private final Path dataDir;
    private final Map<String, Link> links = new ConcurrentHashMap<>();

    OneDriveSource(GraphApi api, FolderRef folder, int pageSize, Path dataDir) {
        this.api = api;
        this.folder = folder;
        this.pageSize = pageSize;
        this.dataDir = dataDir;
    }

    @Override
    public Listing list(Optional<String> cursor) throws LumasyncException {
        Optional<DeltaState> state = DeltaState.load(dataDir);
        if (cursor.isPresent() && state.isPresent()) {
            URI link = URI.create(cursor.get());
            if (api.onGraphHost(link)) {
                try {
                    return walk(link, state.get(), false);
                } catch (GraphApi.GraphError e) {
                    if (e.status != 410) {
                        throw GraphErrors.of(e, "the folder " + folder.label());
                    }
                    // resyncRequired: the token expired; one full listing follows (items keep their ids).
                }
            }
        }
        try {
            DeltaState fresh = folder.resolve(api);
            return walk(fresh.deltaStart(api, pageSize), fresh, true);
        } catch (GraphApi.GraphError e) {
            throw GraphErrors.of(e, "the folder " + folder.label());
        }
    }

    private Listing walk(URI first, DeltaState state, boolean complete) throws LumasyncException, GraphApi.GraphError {
        Map<String, SourceItem> items = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        URI next = first;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode body = api.get(next);
            for (JsonNode item : body.path("value")) {
                apply(item, state, items, removed, problems);
            }
            String nextLink = body.path("@odata.nextLink").asText("");
            String deltaLink = body.path("@odata.deltaLink").asText("");
            if (!nextLink.isEmpty()) {
                next = URI.create(nextLink);
                if (!api.onGraphHost(next)) {
                    throw new LumasyncException(ErrorKind.GIVE_UP, "OneDrive sent a next-page address on another "
                            + "server; Lumasync does not send the sign-in there.");
                }
            } else if (!deltaLink.isEmpty()) {
                state.save(dataDir);
                items.keySet().forEach(removed::remove);
                return new Listing(List.copyOf(items.values()), complete ? List.of() : List.copyOf(removed), complete,
                        Optional.of(deltaLink), problems);
            } else {
                throw new LumasyncException(ErrorKind.RETRY, "OneDrive's change list ended without a link to continue.");
            }
        }
        throw new LumasyncException(ErrorKind.GIVE_UP, "OneDrive kept sending more pages (over " + MAX_PAGES
                + "); the listing was stopped.");
    }

    private void apply(JsonNode item, DeltaState state, Map<String, SourceItem> items, Set<String> removed,
                       List<String> problems) {
        String id = item.path("id").asText();
        if (id.equals(state.folderId())) {
            return; // the synced folder itself
        }
        String parent = item.path("parentReference").path("id").asText("");
        boolean inside = state.folders().containsKey(parent);
        if (item.has("deleted") || (!inside && (state.folders().containsKey(id) || state.files().containsKey(id)))) {
            // Deleted, or moved out of the folder: it (and, for a folder, everything below it) goes.
            for (String gone : state.forget(id)) {
                removed.add(gone);
                items.remove(gone);
            }
            return;
        }
        if (!inside) {
            return; // elsewhere in the drive (a root delta of a work account)
        }
        if (item.has("folder")) {
            state.putFolder(id, parent, item.path("name").asText());
        } else if (item.has("file")) {
            take(item, id, parent, state, items, problems);
        }
        // packages (OneNote notebooks) and shortcuts to other drives have no bytes to download
    }

    private void take(JsonNode item, String id, String parent, DeltaState state, Map<String, SourceItem> items,
                      List<String> problems) {
        String name = item.path("name").asText();
        String mime = item.path("file").path("mimeType").asText("");
        if (!ImageFormat.looksLikeImage(name) && !(mime.startsWith("image/") && ImageFormat.fromMimeType(mime).isPresent())) {
            return;
        }
        String path = state.folders().get(parent);
        long size = item.path("size").asLong(0);
        if (size == 0) {
            problems.add((path.isEmpty() ? "" : path + "/") + name + ": skipped, the file is empty (0 bytes) in OneDrive.");
            return;
        }
        state.files().put(id, parent);
        String link = item.path("@microsoft.graph.downloadUrl").asText("");
        if (!link.isEmpty()) {
            links.put(id, new Link(URI.create(link), Instant.now()));
        }
        long modified = Instant.parse(item.path("lastModifiedDateTime").asText("1970-01-01T00:00:00Z")).toEpochMilli();
        items.put(id, new SourceItem(id, name, path, new Fingerprint(size, modified, hash(item.path("file").path("hashes")))));
    }

    /**
     * The strongest hash Graph gave: sha256Hash, else quickXorHash (every drive type has it), else sha1Hash.
     * Graph sends the SHA hashes in upper-case hex and QuickXorHash in Base64; the fingerprint holds lower-case hex.
     */
    static String hash(JsonNode hashes) {
        String sha256 = hashes.path("sha256Hash").asText("");
        if (sha256.matches("[0-9a-fA-F]{64}")) {
            return "sha256:" + sha256.toLowerCase(Locale.ROOT);
        }
        String qx = hashes.path("quickXorHash").asText("");
        if (!qx.isEmpty()) {
            try {
                byte[] raw = Base64.getDecoder().decode(qx);
                if (raw.length == 20) {
                    return "quickxor:" + HexFormat.of().formatHex(raw);
                }
            } catch (IllegalArgumentException e) {
                // not Base64: no hash rather than a wrong one
            }
        }
        String sha1 = hashes.path("sha1Hash").asText("");
        return sha1.matches("[0-9a-fA-F]{40}") ? "sha1:" + sha1.toLowerCase(Locale.ROOT) : "";
    }

    /**
     * Downloads into a part file that survives a broken connection: the retry layer's next attempt asks only for
     * the missing bytes (Range). The finished file is checked against the listed hash before it is handed out.
     */
    @Override
    public InputStream open(SourceItem item) throws LumasyncException {
        String label = label(item);
        String driveId = driveId();
        Path part = ResumableDownload.partFile(dataDir.resolve("downloads"), item.id());
        ResumableDownload.delete(part);
        try {
            return api.retried(() -> {
                ResumableDownload.attempt(part, item.fingerprint().size(), BodyLimits.FILE.maxBytes(),
                        offset -> fetch(driveId, item, offset), label);
                return StagedDownload.verifyFile(part, item.fingerprint().contentHash(), label);
            });
        } catch (GraphApi.GraphError e) {
            ResumableDownload.delete(part);
            throw GraphErrors.of(e, label);
        } catch (LumasyncException | RuntimeException e) {
            ResumableDownload.delete(part);
            throw e;
        }
    }

    /** The bytes from {@code offset}: through the listing's download URL while fresh, else through a new one. */
    private HttpResponse<InputStream> fetch(String driveId, SourceItem item, long offset)
            throws LumasyncException, GraphApi.GraphError {
        Link cached = links.get(item.id());
        if (cached != null && cached.fetched().plus(LINK_LIFE).isAfter(Instant.now())) {
            try {
                return api.download(cached.url(), offset);
            } catch (GraphApi.GraphError expired) {
                links.remove(item.id()); // expired or withdrawn: Graph says which when asked for a new one
            }
        }
        JsonNode meta = api.getOnce(api.uri("/drives/" + GraphApi.enc(driveId) + "/items/" + GraphApi.enc(item.id()),
                Map.of()));
        String url = meta.path("@microsoft.graph.downloadUrl").asText("");
        if (url.isEmpty()) {
            throw new LumasyncException(ErrorKind.GIVE_UP, label(item) + ": OneDrive offers no download of this file.");
        }
        links.put(item.id(), new Link(URI.create(url), Instant.now()));
        return api.download(URI.create(url), offset);
    }

    /** Graph's thumbnail set: small (96 px), medium (176 px) and large (800 px) on the longest edge. */
    @Override
    public Optional<byte[]> thumbnail(SourceItem item, int size) throws LumasyncException {
        try {
            JsonNode set = api.get(api.uri("/drives/" + GraphApi.enc(driveId()) + "/items/" + GraphApi.enc(item.id())
                    + "/thumbnails", Map.of())).path("value").path(0);
            String name = size <= 96 ? "small" : size <= 176 ? "medium" : "large";
            String url = set.path(name).path("url").asText(set.path("large").path("url").asText(""));
            if (url.isEmpty()) {
                return Optional.empty(); // OneDrive made no preview (e.g. for a RAW file)
            }
            return api.retried(() -> api.thumbnail(URI.create(url)));
        } catch (GraphApi.GraphError e) {
            if (e.status == 404) {
                return Optional.empty();
            }
            throw GraphErrors.of(e, label(item));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a usable address: no preview rather than a failure
        }
    }

    private String driveId() throws LumasyncException {
        Optional<DeltaState> s = DeltaState.load(dataDir);
        if (s.isPresent()) {
            return s.get().driveId();
        }
        try {
            return folder.resolve(api).driveId();
        } catch (GraphApi.GraphError e) {
            throw GraphErrors.of(e, "the folder " + folder.label());
        }
    }

    private static String label(SourceItem item) {
        return item.folder().isEmpty() ? item.name() : item.folder() + "/" + item.name();
    }
}
