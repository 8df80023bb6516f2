package io.lumasync.app;

import io.lumasync.core.LumasyncException;
import io.lumasync.store.Workspace;
import io.lumasync.sync.SyncService;
import io.lumasync.sync.Workspaces;
import io.lumasync.ui.EngineWorkspaces;
import io.lumasync.tray.TrayController;
import io.lumasync.ui.EngineServices;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.BackgroundTasks;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.ThemeManager;
import io.lumasync.ui.common.Thumbnails;
import io.lumasync.ui.common.Windows;
import io.lumasync.ui.common.engine.AppServices;
import io.lumasync.ui.common.engine.UiSettings;
import io.lumasync.ui.shell.MainView;
import io.lumasync.ui.shell.Shell;
import io.lumasync.ui.shell.SingleInstance;
import io.lumasync.ui.shell.WorkspaceShell;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The desktop app. {@link #launch} is called by the launcher's main class (which must not extend Application, so
 * JavaFX can sit on the module path); it returns when the app quits.
 */
public final class LumasyncApp extends Application {
    private static volatile Launch pending;

    private record Launch(AppServices services, UiSettings settings, List<Path> files, SingleInstance instance,
                          Optional<EngineWorkspaces> workspaces, Optional<Workspace> first) {
    }

    private Launch launch;
    private BackgroundTasks tasks;
    private TrayController tray;
    private Thumbnails thumbnails;
    private Windows windows;
    private WorkspaceShell workspaceShell;

    /**
     * Opens the window, or hands the files to an already running Lumasync and returns at once.
     *
     * @return false when another instance took over (the caller should exit)
     */
    public static boolean launch(SyncService sync, String[] files) {
        return launch(EngineServices.withAutosync(sync), files);
    }

    /** Same, with any engine (tests, demos). */
    public static boolean launch(AppServices services, String[] files) {
        UiSettings settings;
        try {
            settings = services.settings();
        } catch (LumasyncException e) {
            System.err.println(Messages.get("shell.noSettings", e.getMessage()));
            return false;
        }
        List<Path> paths = Arrays.stream(files).map(f -> Path.of(f).toAbsolutePath()).toList();
        Optional<SingleInstance> instance = SingleInstance.claim(settings.dataDir(), paths);
        if (instance.isEmpty()) {
            System.err.println(paths.isEmpty() ? Messages.get("shell.alreadyRunning")
                    : Messages.get("shell.alreadyRunning.files", paths.size()));
            return false;
        }
        pending = new Launch(services, settings, paths, instance.get(), Optional.empty(), Optional.empty());
        Rendering.choose();
        Application.launch(LumasyncApp.class);
        return true;
    }

    /**
     * Opens the window on the workspace {@code LUMASYNC_WORKSPACE} names (else the default), with autosync running
     * for every open workspace; or hands the files to an already running Lumasync and returns at once.
     *
     * @return false when another instance took over or nothing could be opened (the caller should exit)
     */
    public static boolean launch(Workspaces workspaces, String[] files) {
        List<Path> paths = Arrays.stream(files).map(f -> Path.of(f).toAbsolutePath()).toList();
        EngineWorkspaces engines = new EngineWorkspaces(workspaces, System.getenv());
        Optional<SingleInstance> instance;
        Workspace first;
        AppServices services;
        UiSettings settings;
        try {
            // One app per data folder, whichever workspace it shows: claimed before any engine opens.
            instance = SingleInstance.claim(workspaces.folder(workspaces.require(Workspace.DEFAULT_ID)), paths);
            if (instance.isEmpty()) {
                System.err.println(paths.isEmpty() ? Messages.get("shell.alreadyRunning")
                        : Messages.get("shell.alreadyRunning.files", paths.size()));
                return false;
            }
            first = engines.first();
            services = engines.services(first);
            settings = services.settings();
            engines.startAll();
        } catch (LumasyncException e) {
            System.err.println(Messages.get("shell.noSettings", e.getMessage()));
            engines.close();
            return false;
        }
        pending = new Launch(services, settings, paths, instance.get(), Optional.of(engines), Optional.of(first));
        Rendering.choose();
        Application.launch(LumasyncApp.class);
        return true;
    }

    @Override
    public void start(Stage stage) {
        Rendering.started();
        launch = pending;
        ThemeManager theme = new ThemeManager();
        theme.use(launch.settings().theme());
        tasks = new BackgroundTasks(3);
        MainView[] view = new MainView[1];
        windows = new Windows(stage, theme, getHostServices(), () -> view[0].root());
        if (launch.workspaces().isPresent()) {
            startWithWorkspaces(stage, theme);
            return;
        }
        thumbnails = new Thumbnails(launch.settings().dataDir().resolve("thumbnails"), tasks);
        AppContext ctx = new AppContext(launch.services(), tasks, windows, theme, thumbnails);
        view[0] = Shell.build(ctx);
        view[0].setOnQuit(() -> windows.quit(this::shutdown));
        tray = new TrayController(ctx, view[0]::setStatus, () -> windows.quit(this::shutdown));
        showWindow(stage, files -> view[0].openFiles(files));
    }

    /** Shows the window with the files it was opened with, listens for later launches and starts the tray. */
    private void showWindow(Stage stage, java.util.function.Consumer<List<Path>> openFiles) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> reportStartup());
        stage.setOnCloseRequest(e -> {
            if (tray.onWindowClosing(keepInTray())) {
                e.consume();
            }
        });
        Platform.setImplicitExit(false);
        windows.showMain();
        openFiles.accept(launch.files());
        launch.instance().listen(files -> Platform.runLater(() -> {
            windows.showMain();
            openFiles.accept(files);
        }));
        tray.start();
    }

    /** The window with the workspace bar; the tray runs and pauses every open workspace's autosync. */
    private void startWithWorkspaces(Stage stage, ThemeManager theme) {
        EngineWorkspaces engines = launch.workspaces().orElseThrow();
        WorkspaceShell[] shell = new WorkspaceShell[1];
        windows = new Windows(stage, theme, getHostServices(), () -> shell[0].root());
        shell[0] = new WorkspaceShell(engines, tasks, windows, theme, () -> windows.quit(this::shutdown));
        workspaceShell = shell[0];
        shell[0].show(launch.first().orElseThrow(), launch.services());
        AppContext ctx = new AppContext(launch.services(), tasks, windows, theme, null);
        tray = new TrayController(ctx, engines.autosync(), shell[0]::setStatus, () -> windows.quit(this::shutdown));
        showWindow(stage, shell[0]::openFiles);
    }

    /** One small settings read; a failing database must not keep the window from closing. */
    private boolean keepInTray() {
        try {
            return launch.services().settings().keepInTray();
        } catch (LumasyncException e) {
            return false;
        }
    }

    /**
     * {@code -Dlumasync.startupTiming=true} prints the time to the first window; {@code -Dlumasync.exitAfterStartup=true}
     * then quits (the packaging script uses that to record the class-data-sharing archive of a real start).
     */
    private void reportStartup() {
        if (Boolean.getBoolean("lumasync.startupTiming")) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("lumasync: first window shown " + ms + " ms after JVM start");
        }
        if (Boolean.getBoolean("lumasync.exitAfterStartup")) {
            // Let the first pane finish loading so its classes are recorded too.
            PauseTransition wait = new PauseTransition(Duration.seconds(2));
            wait.setOnFinished(e -> windows.quit(this::shutdown));
            wait.play();
        }
    }

    /** Runs once, on the FX thread, after every window is hidden and before JavaFX stops. */
    private void shutdown() {
        tray.stop();
        launch.instance().close();
        if (thumbnails != null) {
            thumbnails.close();
        }
        if (workspaceShell != null) {
            workspaceShell.close();
        }
        tasks.close();
        if (launch.workspaces().isPresent()) {
            launch.workspaces().get().close();
        } else {
            launch.services().close();
        }
    }
}
