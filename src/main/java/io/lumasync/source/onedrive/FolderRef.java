package io.lumasync.source.onedrive;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The folder a source syncs, as the user named it: a path in their own OneDrive (a folder shared with them and
 * added to "My files" resolves to the owner's drive through its {@code remoteItem}), or a drive id and item id
 * (a SharePoint library, a shared folder picked in Browse).
 */
record FolderRef(Optional<String> driveId, Optional<String> folderId, String path) {

    FolderRef {
        String p = path == null ? "" : path.strip().replace('\\', '/');
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        path = p.isEmpty() || p.startsWith("/") ? p : "/" + p;
    }

    String label() {
        if (folderId.isPresent()) {
            return "with ID " + folderId.get();
        }
        return path.isEmpty() ? "(whole OneDrive)" : path;
    }

    /** Looks the folder up (one Graph call) and starts a listing state for it. */
    DeltaState resolve(GraphApi api) throws LumasyncException, GraphApi.GraphError {
        JsonNode meta;
        if (folderId.isPresent()) {
            String drive = driveId.orElseThrow(() -> new LumasyncException(ErrorKind.GIVE_UP, "A OneDrive folder given "
                    + "by its ID also needs the ID of the drive it is in (drive ID)."));
            meta = api.get(api.uri("/drives/" + GraphApi.enc(drive) + "/items/" + GraphApi.enc(folderId.get()), Map.of()));
        } else {
            String drive = driveId.map(d -> "/drives/" + GraphApi.enc(d)).orElse("/me/drive");
            String encoded = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(GraphApi::enc)
                    .collect(Collectors.joining("/"));
            meta = api.get(api.uri(drive + "/root" + (encoded.isEmpty() ? "" : ":/" + encoded + ":"), Map.of()));
        }
        JsonNode remote = meta.path("remoteItem");
        JsonNode target = remote.isMissingNode() ? meta : remote;
        if (!target.has("folder") && !target.has("root")) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "OneDrive: " + label() + " is a file, not a folder. Enter "
                    + "the folder that holds the images.");
        }
        String drive = target.path("parentReference").path("driveId").asText(driveId.orElse(""));
        String type = target.path("parentReference").path("driveType").asText("personal");
        boolean isRoot = meta.has("root");
        // Work and school drives take delta on the root only ("driveItem: delta", Remarks).
        boolean rootDelta = !isRoot && !type.equals("personal");
        return DeltaState.fresh(drive, target.path("id").asText(), rootDelta);
    }
}
