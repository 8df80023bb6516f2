package io.lumasync.destination.folder;

import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationType;

import java.nio.file.Path;
import java.util.List;

public final class FolderDestinationType implements DestinationType {
    public static final String ID = "folder";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Local folder";
    }

    @Override
    public String description() {
        return "Writes optimized images into a folder on this computer. Needs no account.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(ConfigField.path("path", "Folder", "Where the optimized images are written."));
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.NONE;
    }

    @Override
    public Destination create(AdapterContext context) throws LumasyncException {
        return new FolderDestination(Path.of(context.config().require("path")));
    }
}
