package io.lumasync.ui.browse;

import io.lumasync.core.Fingerprint;
import io.lumasync.source.SourceItem;
import io.lumasync.sync.AssetStatus;
import io.lumasync.sync.BrowseItem;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.common.SameThreadTasks;
import io.lumasync.ui.common.ThemeManager;
import io.lumasync.ui.common.Thumbnails;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** 10,000 images in the Browse grid: only the cells on screen exist, and the end of the list is reachable. */
@ExtendWith(ApplicationExtension.class)
class GridVirtualizationTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    static Path dir;
    private GridView<BrowseItem> grid;

    @Start
    void start(Stage stage) {
        ObservableList<BrowseItem> items = FXCollections.observableArrayList();
        List<BrowseItem> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            SourceItem item = new SourceItem("p/" + i, String.format("photo-%05d.jpg", i), "p",
                    new Fingerprint(1000 + i, 0, ""));
            many.add(new BrowseItem("photos", item, Map.of("blog", AssetStatus.values()[i % 4]), Optional.empty()));
        }
        items.setAll(many);
        grid = new GridView<>(items);
        grid.setId("grid");
        grid.setCellWidth(Thumbnails.SIZE + 12);
        grid.setCellHeight(Thumbnails.SIZE + 64);
        Thumbnails thumbs = new Thumbnails(dir.resolve("thumbs"), new SameThreadTasks());
        grid.setCellFactory(g -> new ThumbCell(thumbs, FXCollections.observableSet(), FXCollections.observableHashMap(),
                b -> { }, u -> { }));
        FxTestSupport.styled(stage, grid, new ThemeManager());
    }

    @Test
    void onlyVisibleCellsAreBuiltAndTheLastRowIsReachable(FxRobot robot) {
        int cells = robot.lookup(".thumb-cell").queryAll().size();
        assertThat(cells).isBetween(1, 200);
        robot.interact(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) grid.lookup(".virtual-flow");
            flow.scrollTo(flow.getCellCount() - 1);
        });
        robot.interact(() -> { });
        assertThat(robot.lookup("photo-09999.jpg").tryQuery()).isPresent();
        assertThat(robot.lookup(".thumb-cell").queryAll().size()).isBetween(1, 200);
    }
}
