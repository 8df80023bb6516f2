package io.lumasync.source.gdrive;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Listing;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.source.StagedDownload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Google Drive folder (in My Drive or a shared drive), walked folder by folder with {@code files.list}, then
 * followed with the changes feed: {@code changes.getStartPageToken} is taken before the walk (so nothing changed
 * during it is missed) and {@code changes.list} returns what changed since. The feed is drive-wide, so the source
 * remembers its folder tree and file ids in its data folder to keep only its own changes. Google Docs, Sheets and
 * other native types have no bytes to download and are skipped.
 */
public final class DriveSource implements Source {
    static final String FOLDER = "application/vnd.google-apps.folder";
    private static final String FILE_FIELDS = "id,name,mimeType,md5Checksum,size,modifiedTime,parents,trashed";

    /** What the source remembers between runs: folder id → relative path, file id → parent folder id. */
    record State(Map<String, String> folders, Map<String, String> files) {
    }

    private final DriveApi api;
    private final String rootId;
    private final Optional<String> driveId;
    private final int pageSize;
    private final Path dataDir;

    DriveSource(DriveApi api, String rootId, Optional<String> driveId, int pageSize, Path dataDir) {
        this.api = api;
        this.rootId = rootId;
        this.driveId = driveId;
        this.pageSize = pageSize;
        this.dataDir = dataDir;
    }

    @Override
    public Listing list(Optional<String> cursor) throws LumasyncException {
        Optional<State> state = loadState();
        if (cursor.isPresent() && state.isPresent()) {
            try {
                return changes(cursor.get(), state.get());
            } catch (DriveApi.DriveError e) {
                if (!(e.location.equals("pageToken") || e.status == 410)) {
                    throw plain(e, "the changes of the folder");
                }
                // The stored page token is no longer valid: one full listing instead (items keep their ids).
            }
        }
        return full();
    }

    private Map<String, String> common() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("supportsAllDrives", "true");
        q.put("includeItemsFromAllDrives", "true");
        driveId.ifPresent(d -> {
            q.put("corpora", "drive");
            q.put("driveId", d);
        });
        return q;
    }

    private Listing full() throws LumasyncException {
        try {
            Map<String, String> tq = new LinkedHashMap<>();
            tq.put("supportsAllDrives", "true");
            driveId.ifPresent(d -> tq.put("driveId", d));
            String startToken = api.get("/drive/v3/changes/startPageToken", tq).path("startPageToken").asText();
            // "root" is an alias; changes name parents by real id, so the tree is keyed by it.
            Map<String, String> rq = new LinkedHashMap<>();
            rq.put("fields", "id");
            rq.put("supportsAllDrives", "true");
            String realRoot = api.get("/drive/v3/files/" + rootId, rq).path("id").asText(rootId);
            State state = new State(new LinkedHashMap<>(), new LinkedHashMap<>());
            state.folders().put(realRoot, "");
            Map<String, SourceItem> items = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            Deque<String> todo = new ArrayDeque<>(List.of(realRoot));
            while (!todo.isEmpty()) {
                String folderId = todo.poll();
                String pageToken = null;
                do {
                    Map<String, String> q = common();
                    q.put("q", "'" + folderId.replace("'", "\\'") + "' in parents and trashed = false");
                    q.put("fields", "nextPageToken,files(" + FILE_FIELDS + ")");
                    q.put("pageSize", Integer.toString(pageSize));
                    if (pageToken != null) {
                        q.put("pageToken", pageToken);
                    }
                    JsonNode page = api.get("/drive/v3/files", q);
                    for (JsonNode f : page.path("files")) {
                        if (FOLDER.equals(f.path("mimeType").asText())) {
                            String parentPath = state.folders().get(folderId);
                            state.folders().put(f.path("id").asText(),
                                    (parentPath.isEmpty() ? "" : parentPath + "/") + f.path("name").asText());
                            todo.add(f.path("id").asText());
                        } else {
                            take(f, folderId, state, items, problems);
                        }
                    }
                    pageToken = page.path("nextPageToken").asText(null);
                } while (pageToken != null && !pageToken.isEmpty());
            }
            saveState(state);
            return new Listing(List.copyOf(items.values()), List.of(), true, Optional.of(startToken), problems);
        } catch (DriveApi.DriveError e) {
            throw plain(e, "the folder");
        }
    }

    private Listing changes(String token, State state) throws LumasyncException, DriveApi.DriveError {
        Map<String, SourceItem> items = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        String next = token;
        String newStart = null;
        while (newStart == null) {
            Map<String, String> q = common();
            q.remove("corpora");
            q.put("pageToken", next);
            q.put("pageSize", Integer.toString(pageSize));
            q.put("fields", "nextPageToken,newStartPageToken,changes(fileId,removed,file(" + FILE_FIELDS + "))");
            JsonNode page = api.get("/drive/v3/changes", q);
            for (JsonNode c : page.path("changes")) {
                String id = c.path("fileId").asText();
                JsonNode f = c.path("file");
                boolean gone = c.path("removed").asBoolean(false) || f.path("trashed").asBoolean(false);
                String parent = f.path("parents").path(0).asText("");
                if (FOLDER.equals(f.path("mimeType").asText()) || state.folders().containsKey(id)) {
                    folderChange(id, f, gone, parent, state, removed, items);
                } else if (gone || !state.folders().containsKey(parent)) {
                    // deleted, trashed, or moved out of our folder
                    if (state.files().remove(id) != null) {
                        removed.add(id);
                    }
                    items.remove(id);
                } else {
                    removed.remove(id);
                    take(f, parent, state, items, problems);
                }
            }
            next = page.path("nextPageToken").asText(null);
            newStart = page.path("newStartPageToken").asText(null);
            if (next == null && newStart == null) {
                throw new LumasyncException(ErrorKind.RETRY, "Google Drive's change list ended without a new page token.");
            }
        }
        saveState(state);
        return new Listing(List.copyOf(items.values()), List.copyOf(removed), false, Optional.of(newStart), problems);
    }

    /** A folder added, renamed, moved or removed: the tree (and so the items' folders) follow. */
    private void folderChange(String id, JsonNode f, boolean gone, String parent, State state, Set<String> removed,
                              Map<String, SourceItem> items) {
        if (state.folders().getOrDefault(id, "x").isEmpty()) {
            return; // the synced folder itself (renamed or touched): nothing to follow
        }
        if (gone || !state.folders().containsKey(parent)) {
            // Removed or moved out: every file in it and in the folders below it goes.
            String prefix = state.folders().get(id);
            Set<String> under = new LinkedHashSet<>(List.of(id));
            if (prefix != null) {
                state.folders().forEach((k, v) -> {
                    if (v.startsWith(prefix + "/")) {
                        under.add(k);
                    }
                });
            }
            state.files().entrySet().removeIf(e -> {
                if (under.contains(e.getValue())) {
                    removed.add(e.getKey());
                    items.remove(e.getKey());
                    return true;
                }
                return false;
            });
            state.folders().keySet().removeAll(under);
            return;
        }
        String parentPath = state.folders().get(parent);
        state.folders().put(id, (parentPath.isEmpty() ? "" : parentPath + "/") + f.path("name").asText());
    }

    private void take(JsonNode f, String folderId, State state, Map<String, SourceItem> items, List<String> problems) {
        String mime = f.path("mimeType").asText("");
        String name = f.path("name").asText();
        if (mime.startsWith("application/vnd.google-apps.")) {
            return; // Docs, Sheets, shortcuts…: no binary content
        }
        if (!ImageFormat.looksLikeImage(name) && !(mime.startsWith("image/") && ImageFormat.fromMimeType(mime).isPresent())) {
            return;
        }
        String id = f.path("id").asText();
        String folder = state.folders().getOrDefault(folderId, "");
        long size = f.path("size").asLong(0); // int64 comes as a JSON string
        if (size == 0) {
            problems.add((folder.isEmpty() ? "" : folder + "/") + name + ": skipped, the file is empty (0 bytes) in Google Drive.");
            return;
        }
        state.files().put(id, folderId);
        long modified = Instant.parse(f.path("modifiedTime").asText("1970-01-01T00:00:00Z")).toEpochMilli();
        String md5 = f.path("md5Checksum").asText("");
        items.put(id, new SourceItem(id, name, folder, new Fingerprint(size, modified, md5.isEmpty() ? "" : "md5:" + md5)));
    }

    @Override
    public InputStream open(SourceItem item) throws LumasyncException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("alt", "media");
        q.put("supportsAllDrives", "true");
        try {
            return api.retried(() -> {
                HttpResponse<InputStream> r = api.stream(api.uri("/drive/v3/files/" + item.id(), q));
                return StagedDownload.verify(r.body(), dataDir.resolve("downloads"), item.fingerprint().contentHash(),
                        label(item));
            });
        } catch (DriveApi.DriveError e) {
            throw plain(e, label(item));
        }
    }

    @Override
    public Optional<byte[]> thumbnail(SourceItem item, int size) throws LumasyncException {
        try {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("fields", "thumbnailLink");
            q.put("supportsAllDrives", "true");
            String link = api.get("/drive/v3/files/" + item.id(), q).path("thumbnailLink").asText("");
            if (link.isEmpty()) {
                return Optional.empty(); // Drive has not made one (yet), e.g. for a RAW file
            }
            // thumbnailLink ends in "=s220"; the number asks for another size.
            URI sized;
            try {
                sized = URI.create(link.replaceFirst("=s\\d+$", "=s" + size));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // not a usable address: no preview rather than a failure
            }
            return api.retried(() -> api.thumbnail(sized));
        } catch (DriveApi.DriveError e) {
            throw plain(e, label(item));
        }
    }

    private LumasyncException plain(DriveApi.DriveError e, String what) {
        return DriveErrors.of(e, what);
    }

    private static String label(SourceItem item) {
        return item.folder().isEmpty() ? item.name() : item.folder() + "/" + item.name();
    }

    private Path stateFile() {
        return dataDir.resolve("gdrive-state.json");
    }

    private Optional<State> loadState() {
        try {
            if (!Files.exists(stateFile())) {
                return Optional.empty();
            }
            Map<String, Map<String, String>> m = DriveApi.JSON.readValue(stateFile().toFile(), new TypeReference<>() {
            });
            return Optional.of(new State(new LinkedHashMap<>(m.getOrDefault("folders", Map.of())),
                    new LinkedHashMap<>(m.getOrDefault("files", Map.of()))));
        } catch (IOException e) {
            return Optional.empty(); // unreadable: a full listing rebuilds it
        }
    }

    private void saveState(State s) throws LumasyncException {
        try {
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve("gdrive-state.json.tmp");
            DriveApi.JSON.writeValue(tmp.toFile(), Map.of("folders", s.folders(), "files", s.files()));
            Files.move(tmp, stateFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot save the Google Drive listing state in "
                    + dataDir + " (" + e.getMessage() + "). Check the free disk space.", e);
        }
    }
}
