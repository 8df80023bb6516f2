package io.lumasync.ui.shell;

import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.PaneView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The window's content: a sidebar and the current pane. Panes are built on first visit. Files dropped anywhere
 * on the window go to the Upload pane.
 */
public final class MainView {
    private final AppContext ctx;
    private final Map<Page, Function<AppContext, PaneView>> factories;
    private final Map<Page, PaneView> built = new EnumMap<>(Page.class);
    private final Map<Page, ToggleButton> buttons = new EnumMap<>(Page.class);
    private final ObjectProperty<Page> current = new SimpleObjectProperty<>();
    private final StackPane content = new StackPane();
    private final VBox center = new VBox(content);
    private final Label status = new Label();
    private final Button quit = new Button(Messages.get("shell.quit"));
    private final BorderPane root = new BorderPane();
    private final Consumer<List<Path>> fileSink;

    /**
     * @param fileSink receives dropped or handed-over files (the Upload pane's queue)
     */
    public MainView(AppContext ctx, Map<Page, Function<AppContext, PaneView>> factories,
                    Consumer<List<Path>> fileSink) {
        this.ctx = ctx;
        this.factories = factories;
        this.fileSink = fileSink;
        root.setId("main-view");
        root.setLeft(sidebar());
        VBox.setVgrow(content, Priority.ALWAYS);
        root.setCenter(center);
        content.getStyleClass().add("pane-content");
        status.setId("status-line");
        status.getStyleClass().add("status-line");
        root.setBottom(status);
        installDrop();
        ctx.windows().setPageSwitcher(id -> show(Page.valueOf(id.toUpperCase(java.util.Locale.ROOT))));
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                for (Page p : Page.values()) {
                    if (p.key() == null) {
                        continue;
                    }
                    scene.getAccelerators().put(new KeyCodeCombination(p.key(), KeyCombination.SHORTCUT_DOWN),
                            () -> show(p));
                }
            }
        });
        show(Page.BROWSE);
    }

    private Node sidebar() {
        VBox bar = new VBox(2);
        bar.getStyleClass().add("sidebar");
        bar.setPadding(new Insets(12, 8, 12, 8));
        Label brand = new Label("Lumasync");
        brand.getStyleClass().addAll("title-4", "brand");
        bar.getChildren().add(brand);
        ToggleGroup group = new ToggleGroup();
        for (Page p : Page.values()) {
            ToggleButton b = new ToggleButton(p.label());
            b.setId("nav-" + p.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add("nav-button");
            b.setTooltip(new Tooltip(p.key() == null ? p.tooltip()
                    : Messages.get("shell.nav.shortcut", p.tooltip(), p.ordinal() + 1)));
            b.setOnAction(e -> show(p));
            buttons.put(p, b);
            bar.getChildren().add(b);
        }
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        quit.setId("nav-quit");
        quit.getStyleClass().add("nav-button");
        quit.setMaxWidth(Double.MAX_VALUE);
        quit.setTooltip(new Tooltip(Messages.get("shell.quit.tooltip")));
        quit.setVisible(false);
        bar.getChildren().addAll(grow, quit);
        return bar;
    }

    private void installDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                openFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Files from a drop, "Open with" or a second launch: queue them on the Upload pane and show it. */
    public void openFiles(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        show(Page.UPLOAD);
        fileSink.accept(files);
    }

    /** Shows a Quit entry in the sidebar (closing the window only hides it while autosync runs). */
    public void setOnQuit(Runnable action) {
        quit.setOnAction(e -> action.run());
        quit.setVisible(true);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(javafx.scene.input.KeyCode.Q,
                        KeyCombination.SHORTCUT_DOWN), action);
            }
        });
    }

    public void show(Page page) {
        PaneView pane = built.computeIfAbsent(page, p -> factories.get(p).apply(ctx));
        content.getChildren().setAll(pane.view());
        buttons.get(page).setSelected(true);
        current.set(page);
        pane.shown();
    }

    public PaneView pane(Page page) {
        return built.computeIfAbsent(page, p -> factories.get(p).apply(ctx));
    }

    public ObjectProperty<Page> currentProperty() {
        return current;
    }

    /** Puts a strip above every pane (the first-run guide). */
    public void setBanner(Node banner) {
        center.getChildren().addFirst(banner);
    }

    public void setStatus(String text) {
        status.setText(text);
    }

    public Parent root() {
        return root;
    }
}
