package io.lumasync.ui.shell;

import io.lumasync.store.Workspace;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.ThemeManager;
import io.lumasync.ui.common.Thumbnails;
import io.lumasync.ui.common.Windows;
import io.lumasync.ui.common.engine.AppServices;
import io.lumasync.ui.common.engine.WorkspaceServices;
import io.lumasync.ui.workspaces.OverviewPane;
import io.lumasync.ui.workspaces.WorkspaceBar;
import io.lumasync.ui.workspaces.WorkspacesViewModel;
import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The window with workspaces: the workspace bar on top, and below it the main view of the workspace shown. Switching
 * builds a new main view, every pane and the thumbnail cache included, on the other workspace's engine, so nothing
 * a pane loaded or cached for one client can show up in another's.
 */
public final class WorkspaceShell {
    private final BorderPane root = new BorderPane();
    private final WorkspaceServices workspaces;
    private final Tasks tasks;
    private final Windows windows;
    private final ThemeManager theme;
    private final Runnable quit;
    private final WorkspacesViewModel vm;
    private final WorkspaceBar bar;
    private final List<Consumer<AppContext>> switchListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private MainView view;
    private Thumbnails thumbnails;
    private AppContext ctx;

    public WorkspaceShell(WorkspaceServices workspaces, Tasks tasks, Windows windows, ThemeManager theme,
                          Runnable quit) {
        this.workspaces = workspaces;
        this.tasks = tasks;
        this.windows = windows;
        this.theme = theme;
        this.quit = quit;
        root.setId("workspace-shell");
        vm = new WorkspacesViewModel(workspaces, tasks, this::show);
        vm.onTheme(theme::use);
        bar = new WorkspaceBar(vm, windows, this::showOverview);
        root.setTop(bar.view());
        vm.refresh();
    }

    /** Shows a workspace whose engine is open (FX thread): every pane is built anew on it. */
    public void show(Workspace w, AppServices services) {
        if (thumbnails != null) {
            thumbnails.close();
        }
        thumbnails = new Thumbnails(workspaces.folder(w).resolve("thumbnails"), tasks);
        ctx = new AppContext(services, tasks, windows, theme, thumbnails);
        view = Shell.build(ctx);
        view.setOnQuit(quit);
        root.setCenter(view.root());
        vm.currentProperty().set(w);
        bar.workspaceShown();
        windows.mainStage().setTitle(Messages.get("workspaces.windowTitle", w.name()));
        switchListeners.forEach(l -> l.accept(ctx));
    }

    /** Switches to another workspace (its engine opens in the background). */
    public void switchTo(Workspace w) {
        vm.switchTo(w);
    }

    /** Shows the "All workspaces" overview instead of a workspace's panes. */
    public void showOverview() {
        root.setCenter(new OverviewPane(vm).view());
        bar.overviewShown();
        windows.mainStage().setTitle(Messages.get("workspaces.windowTitle", Messages.get("workspaces.all")));
    }

    /** Files from a drop, "Open with" or a second launch go to the Upload pane of the workspace shown. */
    public void openFiles(List<Path> files) {
        if (view == null) {
            return;
        }
        if (root.getCenter() != view.root()) {
            root.setCenter(view.root());
            bar.workspaceShown();
        }
        view.openFiles(files);
    }

    /** Told (FX thread) with the new context every time the window shows another workspace. */
    public void onSwitch(Consumer<AppContext> listener) {
        switchListeners.add(listener);
    }

    public void setStatus(String text) {
        if (view != null) {
            view.setStatus(text);
        }
    }

    public MainView view() {
        return view;
    }

    public WorkspacesViewModel viewModel() {
        return vm;
    }

    public Parent root() {
        return root;
    }

    /** Closes the thumbnail cache of the workspace shown (the engines are the workspace services' to close). */
    public void close() {
        if (thumbnails != null) {
            thumbnails.close();
        }
    }
}
