package io.lumasync.ui;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.optimize.OptimizeTourAccess;
import io.lumasync.ui.shell.Page;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes the screenshots in docs/screenshots: every pane, light and dark, of the real window on a real display
 * (run under Xvfb), with demo data in a temporary folder. Usage: ScreenshotTour <output dir>.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path demo = Files.createTempDirectory("lumasync-demo");
        // Drawn on the display it runs under, not the headless toolkit the tests choose (FxTestSupport).
        System.setProperty("lumasync.test.display", "true");
        EngineServices services = demoData(demo);
        Platform.startup(() -> { });
        AtomicReference<FxTestSupport.App> app = new AtomicReference<>();
        onFx(() -> {
            Stage stage = new Stage();
            app.set(FxTestSupport.start(stage, services, "light"));
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        prepare(app.get(), demo);
        for (String theme : List.of("light", "dark")) {
            onFx(() -> app.get().ctx().theme().use(theme));
            for (Page p : Page.values()) {
                onFx(() -> app.get().view().show(p));
                Thread.sleep(1800); // background loads (lists, thumbnails) finish
                Path file = out.resolve(p.name().toLowerCase(Locale.ROOT) + "-" + theme + ".png");
                onFx(() -> {
                    WritableImage img = app.get().view().root().getScene().snapshot(null);
                    try {
                        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                System.out.println(file);
            }
        }
        Platform.exit();
        System.exit(0);
    }

    static EngineServices demoData(Path demo) throws Exception {
        Path photos = demo.resolve("Exports");
        Color[][] palette = {{new Color(250, 140, 60), new Color(40, 60, 140)}, {new Color(30, 120, 90), new Color(220, 230, 120)},
                {new Color(200, 40, 80), new Color(250, 210, 180)}, {new Color(20, 20, 40), new Color(90, 160, 250)},
                {new Color(240, 200, 60), new Color(120, 40, 20)}, {new Color(60, 180, 200), new Color(250, 250, 250)}};
        String[] names = {"lisbon-tram.jpg", "forest-path.jpg", "portrait-anna.jpg", "night-city.jpg", "desert-dunes.jpg",
                "coast-morning.jpg", "market-spices.jpg", "mountain-lake.jpg"};
        for (int i = 0; i < names.length; i++) {
            Color[] c = palette[i % palette.length];
            String folder = i < 3 ? "2026-06 Portugal/" : i < 6 ? "2026-09 Travels/" : "";
            TestImages.write(photos.resolve(folder + names[i]), 900, 600, c[0], c[1]);
        }
        Path site = Files.createDirectories(demo.resolve("site"));
        for (int i = 0; i < 4; i++) {
            TestImages.write(site.resolve("blog-header-" + (i + 1) + ".jpg"), 1600, 900, palette[i][0], palette[i][1]);
        }
        FxTestSupport.recordActivity(demo.resolve("data"), List.of(FxTestSupport.event("failed", "exports",
                "panorama-huge.tif", "blog", "blog refused panorama-huge.tif: the file is larger than the 8 MB the "
                        + "server accepts. Lower the max size in Settings and sync again.", "")));
        EngineServices s = FxTestSupport.engine(demo.resolve("data"), new InMemorySecretVault(), new JpegTestPipeline());
        s.addDestination("blog", "folder", Map.of("path", site.toString()), Map.of());
        s.addDestination("archive", "folder", Map.of("path", demo.resolve("archive").toString()), Map.of());
        s.addDestination("portfolio", "folder", Map.of("path", "/proc/not-writable"), Map.of());
        s.addSource(new SourceInfo("exports", "folder", Map.of("path", photos.toString()), List.of("blog", "archive"),
                io.lumasync.core.EncodeSettings.defaults(), true, Optional.of(Duration.ofMinutes(15)), false, 0.25,
                Optional.empty(), Optional.empty()), Map.of());
        s.addSource(SourceInfo.of("client-shoot", "folder", Map.of("path", photos.resolve("2026-06 Portugal").toString()),
                List.of("archive")), Map.of());
        return s;
    }

    private static void prepare(FxTestSupport.App app, Path demo) throws Exception {
        EngineServices s = app.services();
        List<String> ids = s.browse("exports").stream().map(b -> b.item().id()).limit(6).toList();
        s.syncItems("exports", ids, List.of("blog"), io.lumasync.core.EncodeSettings.defaults(),
                io.lumasync.sync.SyncListener.NONE);
        s.syncItems("exports", ids.subList(0, 3), List.of("archive"), io.lumasync.core.EncodeSettings.defaults(),
                io.lumasync.sync.SyncListener.NONE);
        Path changed = demo.resolve("Exports/2026-06 Portugal/lisbon-tram.jpg");
        TestImages.write(changed, 900, 600, new Color(250, 100, 40), new Color(20, 40, 120));
        Files.setLastModifiedTime(changed, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 90_000));
        try {
            s.testDestination("portfolio");
        } catch (Exception expected) {
            // its error is what the Destinations screenshot shows
        }
        s.testDestination("blog");
        s.autosync().schedule("exports", Optional.of(Duration.ofMinutes(15)), true);
        s.autosync().schedule("client-shoot", Optional.of(Duration.ofHours(6)), false);
        onFx(() -> {
            app.view().openFiles(List.of(demo.resolve("Exports/2026-09 Travels")));
        });
        Thread.sleep(1500);
        onFx(() -> ((org.controlsfx.control.CheckComboBox<?>) app.view().root().lookup("#upload-destinations"))
                .getCheckModel().check(0));
        onFx(() -> ((javafx.scene.control.Button) app.view().root().lookup("#upload-start")).fire());
        Thread.sleep(2500);
        onFx(() -> app.view().show(Page.OPTIMIZE));
        Thread.sleep(800);
        onFx(() -> OptimizeTourAccess.loadAndPreview(app.view()));
        Thread.sleep(2500);
        onFx(() -> app.view().show(Page.BROWSE));
        Thread.sleep(800);
        onFx(() -> ((javafx.scene.control.Button) app.view().root().lookup("#browse-select-updates")).fire());
        onFx(() -> ((org.controlsfx.control.CheckComboBox<?>) app.view().root().lookup("#browse-destinations"))
                .getCheckModel().check(0));
    }

    static void onFx(Runnable r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                failed.set(t);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failed.get() != null) {
            throw new IllegalStateException(failed.get());
        }
    }
}
