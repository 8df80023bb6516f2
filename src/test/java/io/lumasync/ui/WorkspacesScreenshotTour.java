package io.lumasync.ui;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.RetryPolicy;
import io.lumasync.store.Workspace;
import io.lumasync.sync.SyncListener;
import io.lumasync.sync.SyncService;
import io.lumasync.sync.Workspaces;
import io.lumasync.ui.common.BackgroundTasks;
import io.lumasync.ui.common.ThemeManager;
import io.lumasync.ui.common.Windows;
import io.lumasync.ui.common.engine.AppServices;
import io.lumasync.ui.shell.WorkspaceShell;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes the workspace screenshots in docs/screenshots (switcher open, "All workspaces" overview; light and dark) of
 * the real window on a real display (run under Xvfb), with three demo client workspaces. Usage:
 * WorkspacesScreenshotTour &lt;output dir&gt;.
 */
public final class WorkspacesScreenshotTour {
    private WorkspacesScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path demo = Files.createTempDirectory("lumasync-workspaces-demo");
        System.setProperty("lumasync.test.display", "true");
        Workspaces ws = new Workspaces(demo.resolve("data"), new InMemorySecretVault(), (folder, vault, local) ->
                SyncService.open(folder, vault, new JpegTestPipeline(),
                        new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, true), local), demo.resolve("Pictures"));
        EngineWorkspaces engines = new EngineWorkspaces(ws, Map.of());
        Workspace nord = engines.add("Studio Nord", Optional.of("#e11d48"));
        Workspace bakery = engines.add("Bäckerei Müller", Optional.of("#16a34a"));
        engines.add("Hotel Lindenhof", Optional.of("#f59e0b"));
        demoClient(engines.services(engines.first()), demo.resolve("own"), 3, "portfolio");
        demoClient(engines.services(nord), demo.resolve("nord"), 8, "shop", "lookbook");
        demoClient(engines.services(bakery), demo.resolve("bakery"), 5, "website");
        engines.archive("hotel-lindenhof");

        Platform.startup(() -> { });
        AtomicReference<WorkspaceShell> shell = new AtomicReference<>();
        AtomicReference<ThemeManager> themes = new AtomicReference<>();
        onFx(() -> themes.set(new ThemeManager()));
        ThemeManager theme = themes.get();
        onFx(() -> {
            Stage stage = new Stage();
            theme.use("light");
            WorkspaceShell[] s = new WorkspaceShell[1];
            Windows windows = new Windows(stage, theme, null, () -> s[0].root());
            s[0] = new WorkspaceShell(engines, new BackgroundTasks(2), windows, theme, () -> { });
            shell.set(s[0]);
            try {
                s[0].show(nord, engines.services(nord));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            windows.showMain();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        Thread.sleep(2000);
        for (String t : List.of("light", "dark")) {
            onFx(() -> theme.use(t));
            onFx(() -> shell.get().view().show(io.lumasync.ui.shell.Page.DESTINATIONS));
            onFx(() -> ((ComboBox<?>) shell.get().root().lookup("#workspace-chooser")).show());
            Thread.sleep(1500);
            screen(out.resolve("workspace-switcher-" + t + ".png"));
            onFx(() -> ((ComboBox<?>) shell.get().root().lookup("#workspace-chooser")).hide());
            onFx(() -> shell.get().showOverview());
            Thread.sleep(2500);
            snap(shell.get(), out.resolve("workspaces-overview-" + t + ".png"));
            onFx(() -> shell.get().switchTo(nord));
            Thread.sleep(1500);
        }
        engines.close();
        Platform.exit();
        System.exit(0);
    }

    private static void demoClient(AppServices s, Path dir, int photos, String... destinations) throws Exception {
        s.saveUiState("firstRunGuide", "skipped");
        Map<Path, AssetMetadata> files = new LinkedHashMap<>();
        for (int i = 0; i < photos; i++) {
            files.put(TestImages.write(dir.resolve("photo-" + i + ".jpg"), 1200, 800, new Color(40 * i % 255, 120, 200),
                    new Color(250, 200 - 15 * i, 90)), AssetMetadata.EMPTY);
        }
        for (String d : destinations) {
            s.addDestination(d, "folder", Map.of("path", dir.resolve("out-" + d).toString()), Map.of());
        }
        s.push(files, List.of(destinations), EncodeSettings.defaults(), false, SyncListener.NONE);
    }

    /** The whole screen, popups included (the chooser's open list is a window of its own). */
    private static void screen(Path file) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/import", "-window", "root", "-crop", "1280x800+0+0",
                file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed");
        }
        System.out.println(file);
    }

    /** The window's scene. */
    private static void snap(WorkspaceShell shell, Path file) throws Exception {
        onFx(() -> {
            WritableImage img = shell.root().getScene().snapshot(null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println(file);
    }

    private static void onFx(Runnable r) throws Exception {
        ScreenshotTour.onFx(r);
    }
}
