package io.lumasync.ui;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.image.ImagePipeline;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.BackgroundTasks;
import io.lumasync.ui.common.ThemeManager;
import io.lumasync.ui.common.Thumbnails;
import io.lumasync.ui.common.Windows;
import io.lumasync.ui.shell.MainView;
import io.lumasync.ui.shell.Shell;
import javafx.stage.Stage;

import java.nio.file.Path;

/**
 * The desktop app's window on the real engine (SQLite, journal, runner, folder adapters) with an in-memory vault and
 * the pass-through pipeline, for tests that need the engine's own behaviour rather than a fake's.
 */
public record RealEngineApp(EngineServices services, MainView view, AppContext ctx) {

    @FunctionalInterface
    public interface Setup {
        void configure(EngineServices services) throws Exception;
    }

    /** Opens the engine on {@code dir/data}, lets {@code setup} add destinations and sources, shows the window. */
    public static RealEngineApp start(Stage stage, Path dir, Setup setup) throws Exception {
        return start(stage, dir, new PassThroughPipeline(), setup);
    }

    /** Same, with a chosen pipeline (a slow one lets a test watch or cancel a run while it goes). */
    public static RealEngineApp start(Stage stage, Path dir, ImagePipeline pipeline, Setup setup) throws Exception {
        EngineServices services = FxTestSupport.engine(dir.resolve("data"), new InMemorySecretVault(), pipeline);
        setup.configure(services);
        ThemeManager theme = new ThemeManager();
        theme.use("light");
        BackgroundTasks tasks = new BackgroundTasks(2);
        MainView[] holder = new MainView[1];
        Windows windows = new Windows(stage, theme, null, () -> holder[0].root());
        AppContext ctx = new AppContext(services, tasks, windows, theme, new Thumbnails(dir.resolve("thumbs"), tasks));
        holder[0] = Shell.build(ctx);
        windows.showMain();
        // The primary stage is shared by every test class: start from the default size whatever the last one set.
        stage.setWidth(1180);
        stage.setHeight(760);
        return new RealEngineApp(services, holder[0], ctx);
    }

    /**
     * The common Browse setup: {@code images} (JPEGs) in {@code dir/photos}, a folder source "photos" publishing to a
     * folder destination "site" at {@code dir/site}, the first-run guide skipped, Browse shown.
     */
    public static RealEngineApp browsingPhotosToSite(Stage stage, Path dir, java.util.List<String> images)
            throws Exception {
        Path photos = dir.resolve("photos");
        for (String n : images) {
            TestImages.jpeg(photos.resolve(n));
        }
        Path site = java.nio.file.Files.createDirectories(dir.resolve("site"));
        RealEngineApp app = start(stage, dir, s -> {
            s.addDestination("site", "folder", java.util.Map.of("path", site.toString()), java.util.Map.of());
            s.addSource(io.lumasync.sync.SourceInfo.of("photos", "folder", java.util.Map.of("path", photos.toString()),
                    java.util.List.of("site")), java.util.Map.of());
            s.saveUiState("firstRunGuide", "skipped");
        });
        app.view().show(io.lumasync.ui.shell.Page.BROWSE);
        return app;
    }
}
