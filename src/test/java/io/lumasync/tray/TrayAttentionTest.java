package io.lumasync.tray;

import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.EngineServices;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.RealEngineApp;
import io.lumasync.ui.TestImages;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.shell.MainView;
import io.lumasync.ui.shell.Page;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A destination that cannot be used, found by a background run on the real engine: one notice that opens its pane. */
@ExtendWith(ApplicationExtension.class)
class TrayAttentionTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private EngineServices services;
    private MainView view;
    private AppContext ctx;

    /** Records notices with their click actions. */
    static final class ClickableHost implements TrayHost {
        record Note(String title, String text, Runnable click) {
        }

        final List<Note> notes = new CopyOnWriteArrayList<>();

        @Override
        public String kind() {
            return "recording";
        }

        @Override
        public boolean install(TrayMenu menu) {
            return true;
        }

        @Override
        public void update(String lastResult, boolean paused) {
        }

        @Override
        public void notify(String title, String text, boolean warning) {
            notes.add(new Note(title, text, null));
        }

        @Override
        public void notify(String title, String text, boolean warning, Runnable onClick) {
            notes.add(new Note(title, text, onClick));
        }

        @Override
        public void remove() {
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Path photos = dir.resolve("photos");
        TestImages.jpeg(photos.resolve("one.jpg"));
        TestImages.jpeg(photos.resolve("two.jpg"));
        // A file where the archive folder should be: the destination cannot be used until the user fixes it.
        Path notAFolder = Files.writeString(dir.resolve("archive"), "a file, not a folder");
        RealEngineApp app = RealEngineApp.start(stage, dir, s -> {
            s.addDestination("archive", "folder", Map.of("path", notAFolder.toString()), Map.of());
            s.addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()), List.of("archive")),
                    Map.of());
        });
        services = app.services();
        view = app.view();
        ctx = app.ctx();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aDestinationThatNeedsTheUserIsNotifiedOnceAndTheClickOpensDestinations(FxRobot robot) {
        ClickableHost host = new ClickableHost();
        TrayController tray = new TrayController(ctx, view::setStatus, () -> { });
        robot.interact(() -> tray.start(host));
        FxTestSupport.waitFor(() -> "recording".equals(tray.modeProperty().get()));

        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        services.autosync().addListener(r -> runs.incrementAndGet());
        services.autosync().runNow();
        FxTestSupport.waitFor(() -> runs.get() == 1 && !host.notes.isEmpty(), host.notes::toString);
        ClickableHost.Note note = host.notes.getFirst();
        assertThat(note.title()).isEqualTo("Lumasync: 'archive' needs your attention");
        assertThat(note.text()).contains("cannot be used right now").contains("is not a folder")
                .endsWith("Click to open Destinations.");
        // Both images failed there for that one reason: no second "2 image(s) failed" notice on top.
        assertThat(host.notes).hasSize(1);

        robot.interact(() -> note.click().run());
        FxTestSupport.waitFor(() -> view.currentProperty().get() == Page.DESTINATIONS);

        // The next run fails the same way: the user was told already.
        services.autosync().runNow();
        FxTestSupport.waitFor(() -> runs.get() == 2);
        robot.interact(() -> { });
        assertThat(host.notes).hasSize(1);
    }
}
