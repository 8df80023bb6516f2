package io.lumasync.ui.workspaces;

import io.lumasync.core.LumasyncException;
import io.lumasync.store.Workspace;
import io.lumasync.sync.WorkspaceSummary;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.AppServices;
import io.lumasync.ui.common.engine.WorkspaceServices;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The workspace switcher's state: the open workspaces, the one the window shows, the archived ones (to restore) and
 * the "All workspaces" overview. Switching opens the other workspace's engine in the background, then hands it to
 * the shell, which builds every pane anew on it.
 */
public final class WorkspacesViewModel {
    private final WorkspaceServices workspaces;
    private final Tasks tasks;
    private final BiConsumer<Workspace, AppServices> switched;
    private final ObservableList<Workspace> open = FXCollections.observableArrayList();
    private final ObservableList<Workspace> archived = FXCollections.observableArrayList();
    private final ObservableList<WorkspaceSummary> overview = FXCollections.observableArrayList();
    private final ObjectProperty<Workspace> current = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private Consumer<String> themes = t -> { };

    /** @param switched told (FX thread) when the window should show another workspace, with its engine */
    public WorkspacesViewModel(WorkspaceServices workspaces, Tasks tasks, BiConsumer<Workspace, AppServices> switched) {
        this.workspaces = workspaces;
        this.tasks = tasks;
        this.switched = switched;
    }

    /** Reads the list again (another process may have changed it). */
    public void refresh() {
        tasks.run("workspaces", workspaces::all, this::showList, this::failed);
    }

    private void showList(List<Workspace> all) {
        open.setAll(all.stream().filter(w -> !w.archived()).toList());
        archived.setAll(all.stream().filter(Workspace::archived).toList());
        Workspace now = current.get();
        if (now != null) {
            all.stream().filter(w -> w.id().equals(now.id())).findFirst().ifPresent(current::set);
        }
    }

    /** Shows another workspace: its engine opens off the FX thread, then every pane is built anew on it. */
    public void switchTo(Workspace w) {
        tasks.run("workspace-open", () -> {
            AppServices services = workspaces.services(w);
            return new Opened(services, services.settings().theme());
        }, opened -> {
            current.set(w);
            message.set("");
            themes.accept(opened.theme());
            switched.accept(w, opened.services());
        }, this::failed);
    }

    /** A workspace's engine, opened, with the theme its settings choose. */
    private record Opened(AppServices services, String theme) {
    }

    /** Told (FX thread) the theme of the workspace switched to: settings, the theme included, are per workspace. */
    public void onTheme(Consumer<String> listener) {
        themes = listener;
    }

    /** Creates a workspace and switches to it. */
    public void add(String name) {
        tasks.run("workspace-add", () -> workspaces.add(name, Optional.empty()), w -> {
            refresh();
            switchTo(w);
        }, this::failed);
    }

    public void rename(String newName) {
        Workspace w = current.get();
        tasks.run("workspace-rename", () -> workspaces.rename(w.id(), newName), renamed -> {
            current.set(renamed);
            refresh();
        }, this::failed);
    }

    public void setAccent(String accent) {
        Workspace w = current.get();
        tasks.run("workspace-accent", () -> workspaces.setAccent(w.id(), accent), changed -> {
            current.set(changed);
            refresh();
        }, this::failed);
    }

    /** The shown workspace's connected accounts and whether each is shared with every workspace (blocking). */
    public Map<String, Boolean> accounts() throws LumasyncException {
        return workspaces.accounts(current.get());
    }

    /** Shares an account of the shown workspace with every workspace, or binds it to this one again. */
    public void share(String account, boolean shared) {
        Workspace w = current.get();
        tasks.run("workspace-share", () -> {
            workspaces.share(w, account, shared);
            return account;
        }, a -> message.set(shared ? Messages.get("workspaces.shared", a) : Messages.get("workspaces.bound", a,
                w.name())), this::failed);
    }

    /** Archives the workspace shown and switches to the first one left open. */
    public void archive() {
        Workspace w = current.get();
        tasks.run("workspace-archive", () -> {
            workspaces.archive(w.id());
            return workspaces.all();
        }, all -> {
            showList(all);
            message.set(Messages.get("workspaces.archived", w.name()));
            switchTo(open.getFirst());
        }, this::failed);
    }

    public void restore(Workspace w) {
        tasks.run("workspace-restore", () -> workspaces.restore(w.id()), restored -> {
            message.set(Messages.get("workspaces.restored", restored.name()));
            refresh();
        }, this::failed);
    }

    /** Loads the "All workspaces" overview. */
    public void loadOverview() {
        tasks.run("workspaces-overview", workspaces::overview, overview::setAll, this::failed);
    }

    private void failed(Throwable e) {
        message.set(Texts.error(e));
    }

    public ObservableList<Workspace> open() {
        return open;
    }

    public ObservableList<Workspace> archived() {
        return archived;
    }

    public ObservableList<WorkspaceSummary> overview() {
        return overview;
    }

    public ObjectProperty<Workspace> currentProperty() {
        return current;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
