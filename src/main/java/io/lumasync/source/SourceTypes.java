package io.lumasync.source;

import io.lumasync.source.custom.CustomApiSourceType;
import io.lumasync.source.dropbox.DropboxSourceType;
import io.lumasync.source.folder.FolderSourceType;
import io.lumasync.source.gdrive.DriveSourceType;

import java.util.List;
import java.util.Optional;

/** The registry of source kinds. A new adapter adds one line here. */
public final class SourceTypes {
    private static final List<SourceType> ALL = List.of(
            new FolderSourceType(),
            new DropboxSourceType(),
            new DriveSourceType(),
            new CustomApiSourceType()
    );

    private SourceTypes() {
    }

    public static List<SourceType> all() {
        return ALL;
    }

    public static Optional<SourceType> byId(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
