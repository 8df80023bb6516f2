package io.lumasync.ui;

import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.BackgroundTasks;
import io.lumasync.ui.common.ThemeManager;
import io.lumasync.ui.common.Thumbnails;
import io.lumasync.ui.common.Windows;
import io.lumasync.ui.shell.MainView;
import io.lumasync.ui.shell.Shell;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Shared set-up of the UI tests: JavaFX in Monocle's headless mode (no display needed, same pixels everywhere),
 * the real shell with {@link FakeAppServices} behind it, and real background tasks.
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

    /** A running app window around fake services, built on the FX thread by the test's @Start method. */
    public record App(FakeAppServices services, MainView view, AppContext ctx) {
    }

    public static App start(Stage stage, Path dataDir) {
        FakeAppServices services = new FakeAppServices(dataDir);
        return start(stage, services, "light");
    }

    public static App start(Stage stage, FakeAppServices services, String theme) {
        // Pane tests start where a returning user does, past the first-run guide (FirstRunGuideTest covers it).
        services.saveUiState("firstRunGuide", "skipped");
        ThemeManager themes = new ThemeManager();
        themes.use(theme);
        BackgroundTasks tasks = new BackgroundTasks(2);
        MainView[] view = new MainView[1];
        Windows windows = new Windows(stage, themes, null, () -> view[0].root());
        AppContext ctx = new AppContext(services, tasks, windows, themes,
                new Thumbnails(services.settings().dataDir().resolve("thumbnails"), tasks));
        view[0] = Shell.build(ctx);
        windows.showMain();
        // The primary stage is shared by every test class: start from the default size whatever the last one set.
        stage.setWidth(1180);
        stage.setHeight(760);
        return new App(services, view[0], ctx);
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
}
