package io.lumasync.tray;

import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.EngineServices;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.TestImages;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tray does to the app, with a recording tray host in place of the desktop's. */
@ExtendWith(ApplicationExtension.class)
class TrayControllerTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private FxTestSupport.App app;
    private Stage stage;
    private final AtomicInteger quits = new AtomicInteger();
    private TrayController tray;

    /** Records what the controller asks of the tray. */
    static final class RecordingHost implements TrayHost {
        final List<String> notes = new CopyOnWriteArrayList<>();
        volatile TrayMenu menu;
        volatile String last = "";
        volatile boolean paused;
        final boolean accept;

        RecordingHost(boolean accept) {
            this.accept = accept;
        }

        @Override
        public String kind() {
            return "recording";
        }

        @Override
        public boolean install(TrayMenu m) {
            menu = m;
            return accept;
        }

        @Override
        public void update(String lastResult, boolean isPaused) {
            last = lastResult;
            paused = isPaused;
        }

        @Override
        public void notify(String title, String text, boolean warning) {
            notes.add(title + " | " + text);
        }

        @Override
        public void remove() {
        }
    }

    @AfterEach
    void close() {
        app.services().close();
    }

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        Path photos = dir.resolve("photos");
        TestImages.jpeg(photos.resolve("one.jpg"));
        EngineServices services = FxTestSupport.engine(dir.resolve("data"));
        Path o = Files.createDirectories(dir.resolve("o"));
        services.addDestination("broken", "folder", Map.of("path", o.toString()), Map.of());
        // The folder is gone and a file took its name: every upload there fails, as on a real machine.
        Files.delete(o);
        Files.writeString(o, "not a folder");
        services.addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()), List.of("broken")),
                Map.of());
        app = FxTestSupport.start(s, services, "light");
        tray = new TrayController(app.ctx(), app.view()::setStatus, quits::incrementAndGet);
    }

    @Test
    void menuActionsReachTheAppAndFailuresNotify(FxRobot robot) throws Exception {
        RecordingHost host = new RecordingHost(true);
        robot.interact(() -> tray.start(host));
        FxTestSupport.waitFor(() -> "recording".equals(tray.modeProperty().get()));

        host.menu.togglePause().run();
        assertThat(app.services().autosync().paused()).isTrue();
        assertThat(host.paused).isTrue();
        host.menu.togglePause().run();
        assertThat(app.services().autosync().paused()).isFalse();

        host.menu.syncNow().run();
        FxTestSupport.waitFor(() -> !host.notes.isEmpty(), host.notes::toString);
        // A destination that cannot be used is said once as "needs your attention", which explains the failure.
        assertThat(host.notes.getFirst()).contains("'broken' needs your attention").contains("is not a folder")
                .contains("open Destinations");
        assertThat(host.last).contains("1 failed");
        assertThat(app.services().activity(Optional.empty(), true)).singleElement()
                .satisfies(e -> assertThat(e.asset()).isEqualTo("one.jpg"))
                .satisfies(e -> assertThat(e.message()).contains("is not a folder"));

        // Closing the window hides it (the tray keeps the app), the first time with a note; Open brings it back.
        robot.interact(() -> assertThat(tray.onWindowClosing(true)).isTrue());
        assertThat(stage.isShowing()).isFalse();
        assertThat(host.notes).anySatisfy(n -> assertThat(n).contains("still running"));
        host.menu.open().run();
        FxTestSupport.waitFor(stage::isShowing);

        host.menu.quit().run();
        FxTestSupport.waitFor(() -> quits.get() == 1);
    }

    @Test
    void withoutATrayClosingMinimisesAndSaysSoOnce(FxRobot robot) {
        robot.interact(() -> tray.start(new RecordingHost(false)));
        FxTestSupport.waitFor(() -> "none".equals(tray.modeProperty().get()));
        Label status = robot.lookup("#status-line").query();
        assertThat(status.getText()).contains("No system tray");

        robot.interact(() -> assertThat(tray.onWindowClosing(true)).isTrue());
        assertThat(stage.isIconified()).isTrue();
        assertThat(stage.isShowing()).isTrue();
        assertThat(quits.get()).isZero();
    }

    @Test
    void closingWithoutKeepInTrayQuits(FxRobot robot) {
        robot.interact(() -> tray.start(new RecordingHost(true)));
        robot.interact(() -> tray.onWindowClosing(false));
        assertThat(quits.get()).isEqualTo(1);
    }
}
