package io.lumasync.ui;

import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.BackgroundTasks;
import io.lumasync.ui.common.ThemeManager;
import io.lumasync.ui.common.Thumbnails;
import io.lumasync.ui.common.Windows;
import io.lumasync.ui.shell.MainView;
import io.lumasync.ui.shell.Page;
import io.lumasync.ui.shell.Shell;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A first start on the real engine: Browse says what to do and its buttons go there. */
@ExtendWith(ApplicationExtension.class)
class FirstStartTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private EngineServices services;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        services = FxTestSupport.engine(dir.resolve("data"));
        ThemeManager theme = new ThemeManager();
        theme.use("light");
        BackgroundTasks tasks = new BackgroundTasks(2);
        MainView[] holder = new MainView[1];
        Windows windows = new Windows(stage, theme, null, () -> holder[0].root());
        holder[0] = Shell.build(new AppContext(services, tasks, windows, theme, new Thumbnails(dir.resolve("t"), tasks)));
        view = holder[0];
        windows.showMain();
        view.show(Page.BROWSE);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void anEmptyBrowseSaysWhatToDoAndItsButtonsGoThere(FxRobot robot) {
        FxTestSupport.waitFor(() -> robot.lookup("#browse-empty").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#browse-empty .label").queryAllAs(javafx.scene.control.Label.class))
                .anySatisfy(l -> assertThat(l.getText()).isEqualTo("Nothing to browse yet"));
        robot.clickOn("#browse-add-source");
        FxTestSupport.waitFor(() -> view.currentProperty().get() == Page.SOURCES);
        robot.interact(() -> view.show(Page.BROWSE));
        robot.clickOn("#browse-go-upload");
        FxTestSupport.waitFor(() -> view.currentProperty().get() == Page.UPLOAD);
    }

    @Test
    void everyEmptyPaneSaysWhatItIsForWithTheButtonThatFillsIt(FxRobot robot) {
        for (var pane : java.util.List.of(java.util.Map.entry(Page.DESTINATIONS, "#destinations-empty"),
                java.util.Map.entry(Page.SOURCES, "#sources-empty"), java.util.Map.entry(Page.AUTOSYNC, "#autosync-empty"),
                java.util.Map.entry(Page.ACTIVITY, "#activity-empty"))) {
            robot.interact(() -> view.show(pane.getKey()));
            FxTestSupport.waitFor(() -> robot.lookup(pane.getValue()).tryQuery().map(Node::isVisible).orElse(false),
                    pane::getValue);
            assertThat(robot.lookup(pane.getValue() + " .button").queryAll()).as(pane.getValue()).isNotEmpty();
        }
        robot.clickOn("#activity-empty-upload");
        FxTestSupport.waitFor(() -> view.currentProperty().get() == Page.UPLOAD);
        robot.interact(() -> view.show(Page.AUTOSYNC));
        robot.clickOn("#autosync-empty-add");
        FxTestSupport.waitFor(() -> view.currentProperty().get() == Page.SOURCES);
    }
}
