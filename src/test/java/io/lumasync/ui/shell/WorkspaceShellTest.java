package io.lumasync.ui.shell;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.Workspace;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.SyncListener;
import io.lumasync.sync.SyncService;
import io.lumasync.sync.WorkspaceSummary;
import io.lumasync.sync.Workspaces;
import io.lumasync.ui.EngineWorkspaces;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.common.BackgroundTasks;
import io.lumasync.ui.common.ThemeManager;
import io.lumasync.ui.common.Windows;
import io.lumasync.ui.common.engine.AppServices;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace switcher on the real engine: switching builds every pane anew on the other workspace, so its lists
 * show that workspace's destinations only; "All workspaces" counts each one on its own.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceShellTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    static Path dir;
    private EngineWorkspaces engines;
    private WorkspaceShell shell;
    private Stage stage;
    private ThemeManager theme;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path root = dir.resolve("data-" + System.nanoTime());
        Workspaces ws = new Workspaces(root, new InMemorySecretVault(), (folder, vault, local) -> SyncService.open(
                folder, vault, new PassThroughPipeline(), new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false),
                local), dir.resolve("Pictures"));
        engines = new EngineWorkspaces(ws, Map.of());
        Workspace acme = engines.add("Acme", Optional.of("#e11d48"));
        prepare(engines.services(acme), "acme-web", 2);
        // Settings are per workspace, the theme included.
        engines.services(acme).saveUiState("theme", "dark");
        Workspace first = engines.first();
        AppServices services = engines.services(first);
        prepare(services, "default-web", 0);
        theme = new ThemeManager();
        theme.use("light");
        BackgroundTasks tasks = new BackgroundTasks(2);
        WorkspaceShell[] s = new WorkspaceShell[1];
        Windows windows = new Windows(stage, theme, null, () -> s[0].root());
        s[0] = new WorkspaceShell(engines, tasks, windows, theme, () -> { });
        s[0].show(first, services);
        shell = s[0];
        windows.showMain();
        stage.setWidth(1180);
        stage.setHeight(760);
    }

    private void prepare(AppServices services, String destination, int photos) throws Exception {
        services.saveUiState("firstRunGuide", "skipped");
        Path out = dir.resolve(destination + "-" + System.nanoTime());
        services.addDestination(destination, "folder", Map.of("path", out.toString()), Map.of());
        for (int i = 0; i < photos; i++) {
            Path p = io.lumasync.ui.TestImages.write(dir.resolve(destination + "-photo-" + i + ".png"), 24, 16,
                    java.awt.Color.GRAY, new java.awt.Color(30 + i, 60, 90));
            services.push(Map.of(p, AssetMetadata.EMPTY), List.of(destination),
                    EncodeSettings.defaults().withFormat(OutputFormat.ORIGINAL), false, SyncListener.NONE);
        }
    }

    @AfterEach
    void close() {
        shell.close();
        engines.close();
    }

    private List<String> destinationsShown(FxRobot robot) {
        robot.clickOn("#nav-destinations");
        ListView<DestinationInfo> list = robot.lookup("#destination-list").query();
        FxTestSupport.waitFor(() -> !list.getItems().isEmpty(), () -> list.getItems().toString());
        return list.getItems().stream().map(DestinationInfo::name).toList();
    }

    @Test
    void switchingRebuildsEveryPaneOnTheOtherWorkspace(FxRobot robot) {
        MainView before = shell.view();
        assertThat(destinationsShown(robot)).containsExactly("default-web");
        assertThat(stage.getTitle()).isEqualTo("Lumasync — Default");

        ComboBox<Workspace> chooser = robot.lookup("#workspace-chooser").query();
        FxTestSupport.waitFor(() -> chooser.getItems().size() == 3, () -> chooser.getItems().toString());
        robot.interact(() -> chooser.setValue(chooser.getItems().stream().filter(w -> w.name().equals("Acme"))
                .findFirst().orElseThrow()));
        FxTestSupport.waitFor(() -> shell.view() != before);
        assertThat(stage.getTitle()).isEqualTo("Lumasync — Acme");
        assertThat(destinationsShown(robot)).containsExactly("acme-web");
        assertThat(robot.lookup("#workspace-bar").query().getStyle()).contains("#e11d48");
        assertThat(theme.choice()).isEqualTo("dark");
    }

    @Test
    void allWorkspacesCountsEachOnItsOwnAndOpensOne(FxRobot robot) {
        ComboBox<Workspace> chooser = robot.lookup("#workspace-chooser").query();
        FxTestSupport.waitFor(() -> chooser.getItems().size() == 3);
        robot.interact(() -> chooser.setValue(chooser.getItems().getFirst()));
        TableView<WorkspaceSummary> table = robot.lookup("#overview-table").query();
        FxTestSupport.waitFor(() -> table.getItems().size() == 2, () -> table.getItems().toString());
        WorkspaceSummary acme = table.getItems().stream().filter(s -> s.workspace().id().equals("acme")).findFirst()
                .orElseThrow();
        WorkspaceSummary first = table.getItems().stream().filter(s -> s.workspace().isDefault()).findFirst()
                .orElseThrow();
        assertThat(acme.assetsPublished()).isEqualTo(2);
        assertThat(acme.destinations()).isEqualTo(1);
        assertThat(acme.lastActivity()).isPresent();
        assertThat(first.assetsPublished()).isZero();
        assertThat(stage.getTitle()).isEqualTo("Lumasync — All workspaces");

        robot.interact(() -> table.getSelectionModel().select(acme));
        robot.clickOn("#overview-open");
        FxTestSupport.waitFor(() -> "Lumasync — Acme".equals(stage.getTitle()));
        assertThat(destinationsShown(robot)).containsExactly("acme-web");

        // Back from the overview to the workspace already shown: the chooser names it again.
        robot.interact(() -> chooser.setValue(chooser.getItems().getFirst()));
        TableView<WorkspaceSummary> again = robot.lookup("#overview-table").query();
        FxTestSupport.waitFor(() -> again.getItems().size() == 2);
        robot.interact(() -> again.getSelectionModel().select(again.getItems().stream()
                .filter(s -> s.workspace().id().equals("acme")).findFirst().orElseThrow()));
        robot.clickOn("#overview-open");
        FxTestSupport.waitFor(() -> "Lumasync — Acme".equals(stage.getTitle()));
        FxTestSupport.waitFor(() -> chooser.getValue() != null && "Acme".equals(chooser.getValue().name()),
                () -> String.valueOf(chooser.getValue()));
    }

    @Test
    void anAccountIsSharedWithEveryWorkspaceFromTheWorkspaceMenu(FxRobot robot) throws Exception {
        Workspace first = engines.first();
        engines.services(first).addDestination("client-hook", "webhook",
                Map.of("url", "https://hooks.example.com/in"), Map.of("secret", "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
        assertThat(engines.accounts(first)).as("a folder signs in nowhere; a signed webhook does")
                .containsExactly(Map.entry("destination/client-hook", false));

        javafx.scene.control.MenuButton menu = robot.lookup("#workspace-menu").query();
        robot.interact(() -> menu.getOnShowing().handle(new javafx.event.Event(javafx.event.Event.ANY)));
        javafx.scene.control.Menu accounts = (javafx.scene.control.Menu) menu.getItems().stream()
                .filter(i -> "workspace-accounts".equals(i.getId())).findFirst().orElseThrow();
        javafx.scene.control.CheckMenuItem hook = (javafx.scene.control.CheckMenuItem) accounts.getItems().stream()
                .filter(i -> "share-destination-client-hook".equals(i.getId())).findFirst().orElseThrow();
        assertThat(hook.isSelected()).isFalse();
        robot.interact(() -> {
            hook.setSelected(true);
            hook.fire();
        });
        FxTestSupport.waitFor(() -> {
            try {
                return engines.accounts(first).get("destination/client-hook");
            } catch (io.lumasync.core.LumasyncException e) {
                return false;
            }
        });
        Label message = robot.lookup("#workspace-message").query();
        FxTestSupport.waitFor(() -> message.getText().contains("is shared"), message::getText);

        robot.interact(() -> menu.getOnShowing().handle(new javafx.event.Event(javafx.event.Event.ANY)));
        javafx.scene.control.CheckMenuItem again = (javafx.scene.control.CheckMenuItem) accounts.getItems().stream()
                .filter(i -> "share-destination-client-hook".equals(i.getId())).findFirst().orElseThrow();
        assertThat(again.isSelected()).as("the menu shows what is shared").isTrue();
    }
}
