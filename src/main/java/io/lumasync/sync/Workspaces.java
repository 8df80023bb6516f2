package io.lumasync.sync;

import io.lumasync.auth.SecretVault;
import io.lumasync.auth.WorkspaceVault;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.platform.AppDirs;
import io.lumasync.store.ActivityEvent;
import io.lumasync.store.SyncMap;
import io.lumasync.store.Workspace;
import io.lumasync.store.WorkspaceRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The workspaces behind every door: the list (create, rename, colour, archive, restore), which one a command means,
 * and opening one. Opening gives a {@link SyncService} on the workspace's own data folder with a vault that sees
 * only its own secrets and the shared accounts, so two clients' destinations, sync maps, journals, activity, backups
 * and secrets cannot meet: nothing one workspace's service does can name the other's files or keys.
 */
public final class Workspaces {
    /** The environment variable naming the workspace a command works in when {@code --workspace} is not given. */
    public static final String ENV = "LUMASYNC_WORKSPACE";
    /** How far back the overview counts failed items. */
    public static final Duration ERROR_WINDOW = Duration.ofDays(7);
    private static final int MAX_ERRORS_COUNTED = 1000;

    /** Opens the engine on a workspace's folder with its vault (the app adds the image engine and options). */
    @FunctionalInterface
    public interface Opener {
        SyncService open(Path folder, SecretVault vault, Path localFolder) throws LumasyncException;
    }

    private final WorkspaceRegistry registry;
    private final SecretVault machineVault;
    private final Opener opener;
    private final Path pictures;

    /**
     * @param root         the app's data folder (the default workspace's folder, holding the list)
     * @param machineVault the machine's one vault; each workspace sees its slice
     * @param pictures     where "local" destinations publish ({@code <pictures>/<id>} for workspaces but the default)
     */
    public Workspaces(Path root, SecretVault machineVault, Opener opener, Path pictures) {
        this.registry = new WorkspaceRegistry(root);
        this.machineVault = machineVault;
        this.opener = opener;
        this.pictures = pictures;
    }

    public Workspaces(Path root, SecretVault machineVault, Opener opener) {
        this(root, machineVault, opener, AppDirs.defaultOutputDir());
    }

    public List<Workspace> all() throws LumasyncException {
        return registry.all();
    }

    public List<Workspace> active() throws LumasyncException {
        return registry.active();
    }

    /**
     * The workspace a command means: the one named (id or display name), else the one in {@link #ENV}, else the
     * default (or the first open one when the default is archived). An archived workspace is refused with the way
     * back.
     */
    public Workspace choose(Optional<String> named, java.util.Map<String, String> env) throws LumasyncException {
        Optional<String> wanted = named.filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(env.get(ENV)).filter(s -> !s.isBlank()));
        if (wanted.isEmpty()) {
            List<Workspace> open = registry.active();
            return open.stream().filter(Workspace::isDefault).findFirst().orElse(open.getFirst());
        }
        Workspace w = registry.require(wanted.get());
        if (w.archived()) {
            throw new ConfigurationException("The workspace '" + w.name() + "' is archived. Bring it back with: "
                    + "lumasync workspaces restore \"" + w.name() + "\"");
        }
        return w;
    }

    public Workspace require(String idOrName) throws LumasyncException {
        return registry.require(idOrName);
    }

    public Workspace add(String name, Optional<String> accent) throws LumasyncException {
        return registry.add(name, accent);
    }

    public Workspace rename(String which, String newName) throws LumasyncException {
        return registry.rename(which, newName);
    }

    public Workspace setAccent(String which, String accent) throws LumasyncException {
        return registry.setAccent(which, accent);
    }

    public Workspace setMcpReadOnly(String which, boolean readOnly) throws LumasyncException {
        return registry.setMcpReadOnly(which, readOnly);
    }

    public Workspace archive(String which) throws LumasyncException {
        return registry.archive(which);
    }

    public Workspace restore(String which) throws LumasyncException {
        return registry.restore(which);
    }

    /** The folder holding a workspace's database, journal, backups, settings and thumbnails. */
    public Path folder(Workspace w) {
        return registry.folder(w);
    }

    /** Opens the engine on one workspace. The caller closes it. */
    public SyncService open(Workspace w) throws LumasyncException {
        Path folder = registry.folder(w);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot create the folder of the workspace '"
                    + w.name() + "' (" + folder + "): " + e.getMessage(), e);
        }
        return opener.open(folder, vault(w), w.isDefault() ? pictures : pictures.resolve(w.id()));
    }

    /** The slice of the machine's vault a workspace sees. */
    WorkspaceVault vault(Workspace w) {
        return new WorkspaceVault(machineVault, w.id(), w.isDefault(), this::sharedAccounts);
    }

    private Set<String> sharedAccounts() {
        try {
            return registry.sharedAccounts();
        } catch (LumasyncException e) {
            // An unreadable list shares nothing: a workspace then sees only its own secrets.
            return Set.of();
        }
    }

    /** Accounts every workspace shares, as {@code source/<name>} or {@code destination/<name>}. */
    public Set<String> shared() throws LumasyncException {
        return registry.sharedAccounts();
    }

    /**
     * Shares one of a workspace's connected accounts with every workspace (its sign-in moves to the shared
     * part of the vault), or binds a shared one to this workspace again (the others then sign in on their own).
     *
     * @param account {@code source/<name>} or {@code destination/<name>}, as this workspace names it
     */
    public void share(Workspace w, String account, boolean shared) throws LumasyncException {
        if (WorkspaceVault.accountOf(account + "/x").isEmpty() || account.split("/").length != 2) {
            throw new ConfigurationException("Name an account as source/NAME or destination/NAME, e.g. source/dropbox.");
        }
        if (registry.sharedAccounts().contains(account) == shared) {
            return;
        }
        WorkspaceVault vault = vault(w);
        if (shared) {
            vault.moveAccount(account, true);
            registry.setShared(account, true);
        } else {
            registry.setShared(account, false);
            vault.moveAccount(account, false);
        }
    }

    /**
     * The workspace's connected accounts, the sources and destinations that sign in somewhere ({@code source/<name>},
     * {@code destination/<name>}), each with whether every workspace shares it.
     */
    public java.util.Map<String, Boolean> accounts(Workspace w, SyncService engine) throws LumasyncException {
        Set<String> shared = registry.sharedAccounts();
        java.util.Map<String, Boolean> out = new java.util.TreeMap<>();
        for (SourceInfo s : engine.sources()) {
            if (io.lumasync.source.SourceTypes.byId(s.typeId()).filter(t -> signsIn(t.authKind())).isPresent()) {
                out.put("source/" + s.name(), shared.contains("source/" + s.name()));
            }
        }
        for (DestinationInfo d : engine.destinations()) {
            if (io.lumasync.destination.DestinationTypes.byId(d.typeId()).filter(t -> signsIn(t.authKind()))
                    .isPresent()) {
                out.put("destination/" + d.name(), shared.contains("destination/" + d.name()));
            }
        }
        return out;
    }

    private static boolean signsIn(io.lumasync.core.AuthKind kind) {
        return kind != io.lumasync.core.AuthKind.NONE;
    }

    /** The overview of every workspace (archived ones too, marked as such); one unreadable workspace says why. */
    public List<WorkspaceSummary> overview(List<Workspace> which) {
        return which.stream().map(this::summary).toList();
    }

    WorkspaceSummary summary(Workspace w) {
        try (SyncService s = open(w)) {
            return summary(w, s);
        } catch (LumasyncException e) {
            return new WorkspaceSummary(w, 0, 0, 0, Optional.empty(), 0, Optional.of(e.getMessage()));
        }
    }

    /** The overview line of a workspace already open. */
    public static WorkspaceSummary summary(Workspace w, SyncService s) throws LumasyncException {
        SyncMap.Totals t = s.mapTotals();
        List<ActivityEvent> last = s.activity(Optional.empty(), false, 1);
        int errors = s.activity(Optional.of(Instant.now().minus(ERROR_WINDOW)), true, MAX_ERRORS_COUNTED).size();
        return new WorkspaceSummary(w, t.assets(), s.destinations().size(), Math.max(0, t.bytesIn() - t.bytesOut()),
                last.stream().findFirst().map(ActivityEvent::time), errors, Optional.empty());
    }
}
