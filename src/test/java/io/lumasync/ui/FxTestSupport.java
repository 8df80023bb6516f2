package io.lumasync.ui;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.SecretVault;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.ImagePipeline;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.ActivityEvent;
import io.lumasync.store.ActivityLog;
import io.lumasync.store.Database;
import io.lumasync.sync.SyncService;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.BackgroundTasks;
import io.lumasync.ui.common.ThemeManager;
import io.lumasync.ui.common.Thumbnails;
import io.lumasync.ui.common.Windows;
import io.lumasync.ui.shell.MainView;
import io.lumasync.ui.common.engine.UiSettings;
import io.lumasync.ui.shell.Shell;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Shared set-up of the UI tests: JavaFX in Monocle's headless mode (no display needed, same pixels everywhere),
 * the real shell over the real engine ({@link EngineServices} on a {@link SyncService} in a temporary data folder),
 * and real background tasks.
 */
public final class FxTestSupport {
    static {
        headless();
    }

    private FxTestSupport() {
    }

    /** Must run before the JavaFX toolkit starts; the static block of every UI test class calls it. */
    public static void headless() {
        if (!Boolean.getBoolean("lumasync.test.display")) {
            System.setProperty("testfx.robot", "glass");
            System.setProperty("testfx.headless", "true");
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** A running app window around the real engine, built on the FX thread by the test's @Start method. */
    public record App(EngineServices services, MainView view, AppContext ctx) {
    }

    /** The real engine over {@code dataDir}: an in-memory vault, images passed through unchanged. */
    public static EngineServices engine(Path dataDir) throws LumasyncException {
        return engine(dataDir, new InMemorySecretVault(), new PassThroughPipeline());
    }

    /** The real engine with its autosync scheduler, one encoder and one upload at a time so runs are ordered. */
    public static EngineServices engine(Path dataDir, SecretVault vault, ImagePipeline pipeline)
            throws LumasyncException {
        return EngineServices.withAutosync(SyncService.open(dataDir, vault, pipeline,
                new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false)));
    }

    /** Writes past events to the activity log of {@code dataDir}, as earlier runs would have left them. */
    public static void recordActivity(Path dataDir, List<ActivityEvent> events) throws Exception {
        Files.createDirectories(dataDir);
        try (Database db = Database.open(dataDir.resolve("lumasync.db"))) {
            ActivityLog log = new ActivityLog(db);
            for (ActivityEvent e : events) {
                log.append(e);
            }
        }
    }

    /** A past event of the activity log, just now. */
    public static ActivityEvent event(String kind, String source, String asset, String destination, String message,
                                      String url) {
        return new ActivityEvent(0, Instant.now(), kind, source, asset, destination, message, url, 0, 0);
    }

    public static App start(Stage stage, Path dataDir) {
        try {
            return start(stage, engine(dataDir), "light");
        } catch (LumasyncException e) {
            throw new IllegalStateException(e);
        }
    }

    public static App start(Stage stage, EngineServices services, String theme) {
        // Pane tests start where a returning user does, past the first-run guide (FirstRunGuideTest covers it).
        try {
            services.saveUiState("firstRunGuide", "skipped");
        } catch (LumasyncException e) {
            throw new IllegalStateException(e);
        }
        ThemeManager themes = new ThemeManager();
        themes.use(theme);
        BackgroundTasks tasks = new BackgroundTasks(2);
        MainView[] view = new MainView[1];
        Windows windows = new Windows(stage, themes, null, () -> view[0].root());
        AppContext ctx = new AppContext(services, tasks, windows, themes,
                new Thumbnails(settings(services).dataDir().resolve("thumbnails"), tasks));
        view[0] = Shell.build(ctx);
        windows.showMain();
        // The primary stage is shared by every test class: start from the default size whatever the last one set.
        stage.setWidth(1180);
        stage.setHeight(760);
        return new App(services, view[0], ctx);
    }

    private static UiSettings settings(EngineServices services) {
        try {
            return services.settings();
        } catch (LumasyncException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void styled(Stage stage, Parent root, ThemeManager theme) {
        Scene scene = new Scene(root, 1180, 760);
        theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** Waits (up to 15 s) for a condition checked on the FX thread. */
    public static void waitFor(BooleanSupplier condition) {
        waitFor(condition, () -> "");
    }

    /** Same, saying what was seen instead when it times out. */
    public static void waitFor(BooleanSupplier condition, java.util.function.Supplier<String> seen) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Condition not met within 15 s. Seen: " + seen.get(), e);
        }
    }

    public static <T extends Node> T find(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    /** What is drawn: a clipped label draws an ellipsis in its text node, not in its text property. */
    public static String shownText(Node labeled) {
        return labeled.lookupAll(".text").stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText())
                .reduce("", String::concat);
    }

    /** Browse: selects every image shown, syncs, and waits for the footer to say the run finished. */
    public static void syncAllOnBrowse(FxRobot robot) {
        robot.clickOn("#browse-select-all");
        robot.clickOn("#browse-sync");
        javafx.scene.control.Label progress = robot.lookup("#browse-progress-text").query();
        waitFor(() -> progress.getText().startsWith("Finished"), progress::getText);
        robot.interact(() -> { });
    }

    /** Saves the window, light and dark, to {@code dir/NAME-light.png} and {@code -dark.png}; ends in light. */
    public static void snapThemes(FxRobot robot, MainView view, ThemeManager theme, Path dir, String name)
            throws Exception {
        Path out = Files.createDirectories(dir);
        for (String t : List.of("light", "dark")) {
            robot.interact(() -> theme.use(t));
            Thread.sleep(300);
            robot.interact(() -> {
                javafx.scene.image.WritableImage img = view.root().getScene().snapshot(null);
                try {
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                            out.resolve(name + "-" + t + ".png").toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        robot.interact(() -> theme.use("light"));
    }
}
