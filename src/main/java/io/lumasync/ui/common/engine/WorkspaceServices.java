package io.lumasync.ui.common.engine;

import io.lumasync.core.LumasyncException;
import io.lumasync.store.Workspace;
import io.lumasync.sync.WorkspaceSummary;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workspaces as the desktop app sees them: the list, and one {@link AppServices} per workspace, each on its own
 * data folder. Every method may block; views call them through {@link io.lumasync.ui.common.Tasks}.
 */
public interface WorkspaceServices extends AutoCloseable {

    /** Every workspace, archived ones too (the default first). */
    List<Workspace> all() throws LumasyncException;

    /** Where the window opens: the workspace {@code LUMASYNC_WORKSPACE} names, else the default. */
    Workspace first() throws LumasyncException;

    /**
     * The engine of one workspace, opened on first use and kept (its autosync runs) until the workspace is archived
     * or the app quits.
     */
    AppServices services(Workspace w) throws LumasyncException;

    Workspace add(String name, Optional<String> accent) throws LumasyncException;

    Workspace rename(String id, String newName) throws LumasyncException;

    Workspace setAccent(String id, String accent) throws LumasyncException;

    /** Archives a workspace and stops its autosync; refused for the last open one. */
    Workspace archive(String id) throws LumasyncException;

    /** Brings an archived workspace back and starts its autosync. */
    Workspace restore(String id) throws LumasyncException;

    /**
     * The workspace's connected accounts ({@code source/NAME}, {@code destination/NAME}), each with whether it is
     * shared with every workspace.
     */
    Map<String, Boolean> accounts(Workspace w) throws LumasyncException;

    /** Shares an account's sign-in with every workspace, or binds it to this one again. */
    void share(Workspace w, String account, boolean shared) throws LumasyncException;

    /** One line per open workspace for the "All workspaces" overview. */
    List<WorkspaceSummary> overview() throws LumasyncException;

    /** The workspace's data folder (thumbnails live there too). */
    Path folder(Workspace w);

    /** Autosync of every open workspace at once (the tray's controls), naming the workspace of each run. */
    LabelledAutosync autosync();

    @Override
    default void close() {
    }
}
