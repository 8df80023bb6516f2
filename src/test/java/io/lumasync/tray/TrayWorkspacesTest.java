package io.lumasync.tray;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.Workspace;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.SyncService;
import io.lumasync.sync.Workspaces;
import io.lumasync.ui.EngineWorkspaces;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.TestImages;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.BackgroundTasks;
import io.lumasync.ui.common.ThemeManager;
import io.lumasync.ui.common.Windows;
import io.lumasync.ui.common.engine.AppServices;
import javafx.scene.layout.StackPane;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The tray over several workspaces: it runs and pauses them all, and each notice names its workspace. */
@ExtendWith(ApplicationExtension.class)
class TrayWorkspacesTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private EngineWorkspaces engines;
    private AppContext ctx;

    @Start
    void start(Stage stage) throws Exception {
        Workspaces ws = new Workspaces(dir.resolve("data"), new InMemorySecretVault(), (folder, vault, local) ->
                SyncService.open(folder, vault, new PassThroughPipeline(),
                        new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false), local), dir.resolve("Pictures"));
        engines = new EngineWorkspaces(ws, Map.of());
        Workspace acme = engines.add("Acme", Optional.empty());
        Path photos = dir.resolve("acme-photos");
        TestImages.jpeg(photos.resolve("one.jpg"));
        Path notAFolder = Files.writeString(dir.resolve("archive"), "a file, not a folder");
        AppServices a = engines.services(acme);
        a.addDestination("archive", "folder", Map.of("path", notAFolder.toString()), Map.of());
        a.addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()), List.of("archive")), Map.of());
        engines.startAll();
        ThemeManager theme = new ThemeManager();
        Windows windows = new Windows(stage, theme, null, StackPane::new);
        ctx = new AppContext(engines.services(engines.first()), new BackgroundTasks(1), windows, theme, null);
    }

    @AfterEach
    void close() {
        engines.close();
    }

    @Test
    void everyWorkspaceRunsFromTheTrayAndItsNoticesNameIt(FxRobot robot) throws Exception {
        TrayAttentionTest.ClickableHost host = new TrayAttentionTest.ClickableHost();
        TrayController tray = new TrayController(ctx, engines.autosync(), s -> { }, () -> { });
        robot.interact(() -> tray.start(host));
        FxTestSupport.waitFor(() -> "recording".equals(tray.modeProperty().get()));

        List<String> runsOf = new CopyOnWriteArrayList<>();
        engines.autosync().addListener((String workspace, RunReport r) -> runsOf.add(workspace));
        engines.autosync().runNow();
        FxTestSupport.waitFor(() -> runsOf.contains("Acme") && runsOf.contains("Default")
                && !host.notes.isEmpty(), () -> runsOf + " " + host.notes);
        assertThat(host.notes.getFirst().title()).isEqualTo("Acme: Lumasync: 'archive' needs your attention");

        engines.autosync().pause();
        for (Workspace w : engines.all()) {
            assertThat(engines.services(w).autosync().paused()).as(w.name()).isTrue();
        }
        engines.autosync().resume();
        engines.archive("acme");
        runsOf.clear();
        engines.autosync().runNow();
        FxTestSupport.waitFor(() -> runsOf.contains("Default"), runsOf::toString);
        Thread.sleep(500);
        assertThat(runsOf).doesNotContain("Acme");
    }
}
