package io.lumasync.ui;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.OutputFormat;
import io.lumasync.store.Approval;
import io.lumasync.store.GroupRecord;
import io.lumasync.sync.SyncListener;
import io.lumasync.ui.shell.Page;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Groups editor, the Approvals queue and the Hooks pane on the real engine: a group made in the editor holds a
 * push for approval, the queue approves it and it is published, a hook added in the pane gets a secret and its
 * deliveries show in the log with Resend. Captures of each pane, light and dark, go to target/agency-screens.
 */
@ExtendWith(ApplicationExtension.class)
class AgencyPanesTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;
    private FxTestSupport.App app;
    private Path out;

    @AfterEach
    void close() {
        app.services().close();
    }

    @Start
    void start(Stage stage) throws Exception {
        out = Files.createDirectories(dir.resolve("site"));
        EngineServices services = FxTestSupport.engine(dir.resolve("data"));
        services.addDestination("acme-site", "folder", Map.of("path", out.toString()), Map.of());
        services.addDestination("acme-cdn", "folder", Map.of("path", Files.createDirectories(dir.resolve("cdn"))
                .toString()), Map.of());
        app = FxTestSupport.start(stage, services, "light");
        app.view().show(Page.GROUPS);
    }

    @Test
    void aGroupMadeInTheEditorHoldsAPushUntilApprovedInTheQueue(FxRobot robot) throws Exception {
        FxTestSupport.waitFor(() -> robot.lookup("#groups-destination-acme-site").tryQuery().isPresent());
        robot.clickOn("#groups-name").write("Clients");
        robot.clickOn("#groups-destination-acme-site");
        robot.clickOn("#groups-min-width").write("600");
        robot.clickOn("#groups-approval");
        robot.clickOn("#groups-save");
        FxTestSupport.waitFor(() -> {
            try {
                return app.services().groups().size() == 1;
            } catch (Exception e) {
                return false;
            }
        });
        GroupRecord g = app.services().groups().getFirst();
        assertThat(g.destinations()).containsExactly("acme-site");
        assertThat(g.rules().approval()).isTrue();
        assertThat(g.rules().minWidth()).isEqualTo(600);
        snap(robot, "groups-editor");

        Path photo = TestImages.write(dir.resolve("beach.png"), 640, 480, new java.awt.Color(30, 110, 190),
                new java.awt.Color(240, 200, 90));
        EncodeSettings original = EncodeSettings.defaults().withFormat(OutputFormat.ORIGINAL);
        app.services().push(Map.of(photo, AssetMetadata.EMPTY), List.of("Clients"), original, false, SyncListener.NONE);
        assertThat(app.services().approvals(Optional.of(Approval.WAITING))).hasSize(1);

        robot.interact(() -> app.view().show(Page.APPROVALS));
        TableView<?> queue = robot.lookup("#approvals-table").query();
        FxTestSupport.waitFor(() -> queue.getItems().size() == 1);
        Thread.sleep(500); // the thumbnail
        snap(robot, "approvals-queue");
        robot.interact(() -> queue.getSelectionModel().select(0));
        robot.clickOn("#approvals-approve");
        Label message = robot.lookup("#approvals-message").query();
        FxTestSupport.waitFor(() -> message.getText().startsWith("Nothing is waiting"));
        try (var files = Files.list(out)) {
            assertThat(files).hasSize(1);
        }
        assertThat(app.services().approvals(Optional.of(Approval.APPROVED))).hasSize(1);
    }

    @Test
    void aHookAddedInThePaneShowsItsSecretAndItsDeliveriesCanBeResent(FxRobot robot) throws Exception {
        robot.interact(() -> app.view().show(Page.HOOKS));
        robot.clickOn("#hooks-name").write("crm");
        // A loopback address nobody listens on: deliveries fail and stay in the log, nothing leaves the machine.
        robot.clickOn("#hooks-url").write("http://127.0.0.1:9/lumasync");
        robot.clickOn("#hooks-add");
        TextField secret = robot.lookup("#hooks-secret").query();
        FxTestSupport.waitFor(() -> secret.getText().startsWith("whsec_"));
        TableView<?> hooks = robot.lookup("#hooks-table").query();
        FxTestSupport.waitFor(() -> hooks.getItems().size() == 1);

        app.services().testDestination("acme-site");
        robot.clickOn("#hooks-refresh");
        TableView<?> log = robot.lookup("#hooks-deliveries").query();
        FxTestSupport.waitFor(() -> log.getItems().size() == 1);
        snap(robot, "hooks");
        robot.interact(() -> log.getSelectionModel().select(0));
        robot.clickOn("#hooks-resend");
        Label message = robot.lookup("#hooks-message").query();
        FxTestSupport.waitFor(() -> message.getText().contains("in the log")
                || message.getText().contains("queued again"));
        assertThat(app.services().deliveries(10)).singleElement()
                .satisfies(d -> assertThat(d.event()).isEqualTo("destination.connected"));

        robot.interact(() -> hooks.getSelectionModel().select(0));
        robot.clickOn("#hooks-toggle");
        FxTestSupport.waitFor(() -> {
            try {
                return !app.services().hooks().getFirst().enabled();
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Saves the window, light and dark, to target/agency-screens/NAME-light.png and -dark.png. */
    private void snap(FxRobot robot, String name) throws Exception {
        FxTestSupport.snapThemes(robot, app.view(), app.ctx().theme(), Path.of("target/agency-screens"), name);
    }
}
