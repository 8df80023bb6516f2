package io.lumasync.source.onedrive;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the OneDrive source remembers between runs, since delta items name their parent but not their path: the
 * drive and folder it resolved, folder id → path relative to the synced folder ({@code ""} for the folder itself)
 * and file id → parent folder id (to report a removed folder's files by id).
 */
record DeltaState(String driveId, String folderId, boolean rootDelta, Map<String, String> folders,
                  Map<String, String> files) {
    private static final String FILE = "onedrive-state.json";

    static DeltaState fresh(String driveId, String folderId, boolean rootDelta) {
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put(folderId, "");
        return new DeltaState(driveId, folderId, rootDelta, folders, new LinkedHashMap<>());
    }

    /** The first delta call of a full listing. */
    URI deltaStart(GraphApi api, int pageSize) {
        String drive = "/drives/" + GraphApi.enc(driveId);
        String path = rootDelta ? drive + "/root/delta" : drive + "/items/" + GraphApi.enc(folderId) + "/delta";
        return api.uri(path, Map.of("$top", Integer.toString(pageSize)));
    }

    /** A folder added, renamed or moved inside: it and the folders below it take their new path. */
    void putFolder(String id, String parent, String name) {
        String parentPath = folders.get(parent);
        String path = (parentPath.isEmpty() ? "" : parentPath + "/") + name;
        String old = folders.put(id, path);
        if (old != null && !old.equals(path)) {
            folders.replaceAll((k, v) -> v.startsWith(old + "/") ? path + v.substring(old.length()) : v);
        }
    }

    /** Forgets a file, or a folder with everything below it; returns the ids of the files that went. */
    List<String> forget(String id) {
        List<String> gone = new ArrayList<>();
        if (files.remove(id) != null) {
            gone.add(id);
        }
        String prefix = folders.get(id);
        if (prefix == null || id.equals(folderId)) {
            return gone;
        }
        List<String> under = new ArrayList<>(List.of(id));
        folders.forEach((k, v) -> {
            if (v.startsWith(prefix + "/")) {
                under.add(k);
            }
        });
        files.entrySet().removeIf(e -> {
            if (under.contains(e.getValue())) {
                gone.add(e.getKey());
                return true;
            }
            return false;
        });
        under.forEach(folders::remove);
        return gone;
    }

    static Optional<DeltaState> load(Path dataDir) {
        Path f = dataDir.resolve(FILE);
        try {
            if (!Files.exists(f)) {
                return Optional.empty();
            }
            Map<String, Object> m = GraphApi.JSON.readValue(f.toFile(), new TypeReference<>() {
            });
            return Optional.of(new DeltaState((String) m.get("driveId"), (String) m.get("folderId"),
                    Boolean.TRUE.equals(m.get("rootDelta")), strings(m.get("folders")), strings(m.get("files"))));
        } catch (IOException | ClassCastException | NullPointerException e) {
            return Optional.empty(); // unreadable: a full listing rebuilds it
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object o) {
        return new LinkedHashMap<>((Map<String, String>) o);
    }

    void save(Path dataDir) throws LumasyncException {
        try {
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve(FILE + ".tmp");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("driveId", driveId);
            m.put("folderId", folderId);
            m.put("rootDelta", rootDelta);
            m.put("folders", folders);
            m.put("files", files);
            GraphApi.JSON.writeValue(tmp.toFile(), m);
            Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot save the OneDrive listing state in " + dataDir
                    + " (" + e.getMessage() + "). Check the free disk space.", e);
        }
    }
}
