package io.lumasync.ui;

import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Translations;
import io.lumasync.ui.shell.Page;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Browse in a language that runs 30 % longer than English still fits the smallest window. */
@ExtendWith(ApplicationExtension.class)
class PseudoTranslatedBrowseTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private RealEngineApp app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Messages.use(Translations.pseudo(Files.createDirectories(dir.resolve("bundle"))));
        Path photos = dir.resolve("photos");
        TestImages.jpeg(photos.resolve("one.jpg"));
        Path site = Files.createDirectories(dir.resolve("site"));
        app = RealEngineApp.start(stage, dir, services -> {
            services.addDestination("site", "folder", Map.of("path", site.toString()), Map.of());
            services.addSource(SourceInfo.of("photos", "folder", Map.of("path", photos.toString()), List.of("site")),
                    Map.of());
        });
        app.view().show(Page.BROWSE);
    }

    @AfterEach
    void close() throws Exception {
        Messages.reset();
        app.services().close();
        org.testfx.api.FxToolkit.setupFixture(() -> {
            stage.setWidth(1180);
            stage.setHeight(760);
        });
    }

    @Test
    void theFooterHoldsAtTheMinimumWindowSizeInALongerLanguage(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        });
        GridView<BrowseItem> grid = robot.lookup("#browse-grid").query();
        FxTestSupport.waitFor(() -> grid.getItems().size() == 1);
        // The pseudo-translation keeps the English words and pads them, so the run's end still reads "Finished".
        FxTestSupport.syncAllOnBrowse(robot);
        assertThat(stage.getWidth()).isEqualTo(900);
        assertThat(FxTestSupport.shownText(robot.lookup("#browse-sync").query())).as("the sync button, translated")
                .isEqualTo(Messages.get("browse.sync").replace("_", "")).contains("é");
        for (String id : List.of("#browse-sync", "#browse-progress-text", "#browse-message", "#browse-preset",
                ".sync-bar > .label")) {
            assertThat(FxTestSupport.shownText(robot.lookup(id).query())).as(id).contains("é").doesNotContain("…")
                    .doesNotEndWith("...");
        }
    }
}
