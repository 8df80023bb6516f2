package io.lumasync.ui;

import io.lumasync.core.LumasyncException;
import io.lumasync.store.Workspace;
import io.lumasync.sync.WorkspaceSummary;
import io.lumasync.sync.Workspaces;
import io.lumasync.ui.common.engine.AppServices;
import io.lumasync.ui.common.engine.LabelledAutosync;
import io.lumasync.ui.common.engine.WorkspaceServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link WorkspaceServices} on the real engine: one {@link EngineServices} per open workspace, each on its own data
 * folder with its own autosync, all kept open while the app runs so the tray syncs every workspace, whichever one
 * the window shows.
 */
public final class EngineWorkspaces implements WorkspaceServices {
    private static final Logger LOG = LoggerFactory.getLogger(EngineWorkspaces.class);
    private final Workspaces workspaces;
    private final Map<String, String> env;
    private final Map<String, EngineServices> open = new LinkedHashMap<>();
    private final AllWorkspacesAutosync autosync = new AllWorkspacesAutosync();

    public EngineWorkspaces(Workspaces workspaces, Map<String, String> env) {
        this.workspaces = workspaces;
        this.env = env;
    }

    /** Opens every workspace not archived, so each one's autosync runs; one that cannot open is logged and left. */
    public void startAll() throws LumasyncException {
        for (Workspace w : workspaces.active()) {
            try {
                services(w);
            } catch (LumasyncException e) {
                LOG.warn("The workspace '{}' could not be opened: {}", w.name(), e.getMessage());
            }
        }
    }

    @Override
    public List<Workspace> all() throws LumasyncException {
        return workspaces.all();
    }

    @Override
    public Workspace first() throws LumasyncException {
        return workspaces.choose(Optional.empty(), env);
    }

    @Override
    public synchronized AppServices services(Workspace w) throws LumasyncException {
        return engine(w);
    }

    private synchronized EngineServices engine(Workspace w) throws LumasyncException {
        EngineServices s = open.get(w.id());
        if (s == null) {
            s = EngineServices.withAutosync(workspaces.open(w));
            open.put(w.id(), s);
            autosync.add(w.id(), w.name(), s.autosync());
        }
        return s;
    }

    @Override
    public Workspace add(String name, Optional<String> accent) throws LumasyncException {
        Workspace w = workspaces.add(name, accent);
        engine(w);
        return w;
    }

    @Override
    public Workspace rename(String id, String newName) throws LumasyncException {
        Workspace w = workspaces.rename(id, newName);
        autosync.rename(id, w.name());
        return w;
    }

    @Override
    public Workspace setAccent(String id, String accent) throws LumasyncException {
        return workspaces.setAccent(id, accent);
    }

    @Override
    public synchronized Workspace archive(String id) throws LumasyncException {
        Workspace w = workspaces.archive(id);
        autosync.remove(id);
        EngineServices s = open.remove(id);
        if (s != null) {
            s.close();
        }
        return w;
    }

    @Override
    public Workspace restore(String id) throws LumasyncException {
        Workspace w = workspaces.restore(id);
        engine(w);
        return w;
    }

    @Override
    public Map<String, Boolean> accounts(Workspace w) throws LumasyncException {
        return workspaces.accounts(w, engine(w).sync());
    }

    @Override
    public void share(Workspace w, String account, boolean shared) throws LumasyncException {
        workspaces.share(w, account, shared);
    }

    @Override
    public List<WorkspaceSummary> overview() throws LumasyncException {
        List<WorkspaceSummary> lines = new ArrayList<>();
        for (Workspace w : workspaces.active()) {
            try {
                lines.add(Workspaces.summary(w, engine(w).sync()));
            } catch (LumasyncException e) {
                lines.add(new WorkspaceSummary(w, 0, 0, 0, Optional.empty(), 0, Optional.of(e.getMessage())));
            }
        }
        return lines;
    }

    @Override
    public Path folder(Workspace w) {
        return workspaces.folder(w);
    }

    @Override
    public LabelledAutosync autosync() {
        return autosync;
    }

    @Override
    public synchronized void close() {
        open.values().forEach(EngineServices::close);
        open.clear();
    }
}
