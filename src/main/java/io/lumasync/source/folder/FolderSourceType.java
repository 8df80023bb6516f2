package io.lumasync.source.folder;

import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Source;
import io.lumasync.source.SourceType;

import java.nio.file.Path;
import java.util.List;

public final class FolderSourceType implements SourceType {
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
        return "A folder on this computer, e.g. your Lightroom or Capture One export folder. Sub-folders included.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(ConfigField.path("path", "Folder", "The folder whose images are synced (sub-folders too)."));
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.NONE;
    }

    @Override
    public Source create(AdapterContext context) throws LumasyncException {
        return new FolderSource(Path.of(context.config().require("path")));
    }
}
