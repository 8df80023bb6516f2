package io.lumasync.source;

import io.lumasync.core.AdapterRegistry;
import io.lumasync.source.canva.CanvaSourceType;
import io.lumasync.source.custom.CustomApiSourceType;
import io.lumasync.source.dropbox.DropboxSourceType;
import io.lumasync.source.figma.FigmaSourceType;
import io.lumasync.source.folder.FolderSource;
import io.lumasync.source.folder.FolderSourceType;
import io.lumasync.source.gdrive.DriveSourceType;
import io.lumasync.source.lightroom.LightroomSourceType;
import io.lumasync.source.onedrive.OneDriveSourceType;
import io.lumasync.source.shutterstock.ShutterstockSourceType;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The registry of source kinds. A new adapter adds one line here. */
public final class SourceTypes {
    private static final AdapterRegistry<SourceType> REGISTRY = new AdapterRegistry<>("source", List.of(
            new FolderSourceType(),
            new DropboxSourceType(),
            new DriveSourceType(),
            new CustomApiSourceType(),
            new FigmaSourceType(),
            new CanvaSourceType(),
            new OneDriveSourceType(),
            new ShutterstockSourceType(),
            new LightroomSourceType()
    ));

    private SourceTypes() {
    }

    public static AdapterRegistry<SourceType> registry() {
        return REGISTRY;
    }

    public static List<SourceType> all() {
        return REGISTRY.all();
    }

    public static Optional<SourceType> byId(String id) {
        return REGISTRY.byId(id);
    }

    /**
     * A folder on this computer, walked like a folder source, for doors that read a folder without saving it as a
     * source (a push, the planning benchmark). Item ids are paths relative to {@code root}.
     */
    public static Source localFolder(Path root) {
        return new FolderSource(root);
    }
}
