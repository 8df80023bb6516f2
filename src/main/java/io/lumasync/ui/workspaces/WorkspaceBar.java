package io.lumasync.ui.workspaces;

import io.lumasync.store.Workspace;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Windows;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.Optional;

/**
 * The window's title area: the workspace shown (in its accent colour), a chooser to switch to another one or to
 * "All workspaces", and a menu to create, rename, colour, archive and restore workspaces.
 */
public final class WorkspaceBar {
    /** The chooser's first entry: the overview of every workspace. */
    static final Workspace ALL = new Workspace("all-workspaces", "", Workspace.DEFAULT_ACCENT, false, false);
    /** Accent colours offered (any #rrggbb works from the command line). */
    static final List<String> ACCENTS = List.of("#3b82f6", "#e11d48", "#16a34a", "#f59e0b", "#8b5cf6", "#0d9488",
            "#64748b");

    private final HBox root = new HBox(10);
    private final ComboBox<Workspace> chooser = new ComboBox<>();
    private final Label message = new Label();
    private final WorkspacesViewModel vm;
    private boolean updating;

    /** @param showOverview shows the "All workspaces" overview in the window */
    public WorkspaceBar(WorkspacesViewModel vm, Windows windows, Runnable showOverview) {
        this.vm = vm;
        root.setId("workspace-bar");
        root.getStyleClass().add("workspace-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(6, 12, 6, 12));
        Label caption = new Label(Messages.get("workspaces.caption"));
        caption.getStyleClass().add("text-muted");
        chooser.setId("workspace-chooser");
        chooser.setTooltip(new Tooltip(Messages.get("workspaces.chooser.tooltip")));
        chooser.setCellFactory(l -> new Cell());
        chooser.setButtonCell(new Cell());
        chooser.setPrefWidth(240);
        vm.open().addListener((javafx.collections.ListChangeListener<Workspace>) c -> fill());
        vm.currentProperty().addListener((o, a, b) -> {
            fill();
            paint(b);
        });
        chooser.valueProperty().addListener((o, a, chosen) -> {
            if (updating || chosen == null) {
                return;
            }
            if (chosen == ALL) {
                showOverview.run();
            } else {
                vm.switchTo(chosen);
            }
        });
        MenuButton menu = new MenuButton(Messages.get("workspaces.menu"));
        menu.setId("workspace-menu");
        MenuItem add = item("workspace-new", Messages.get("workspaces.new"), () -> windows.askText(
                Messages.get("workspaces.new.title"), Messages.get("workspaces.name"), "").ifPresent(vm::add));
        MenuItem rename = item("workspace-rename", Messages.get("workspaces.rename"), () -> windows.askText(
                Messages.get("workspaces.rename.title"), Messages.get("workspaces.name"),
                vm.currentProperty().get().name()).ifPresent(vm::rename));
        MenuItem colour = item("workspace-colour", Messages.get("workspaces.colour"), () -> windows.choose(
                Messages.get("workspaces.colour.title"), Messages.get("workspaces.colour.text"), ACCENTS)
                .ifPresent(vm::setAccent));
        MenuItem archive = item("workspace-archive", Messages.get("workspaces.archive"), () -> {
            Workspace w = vm.currentProperty().get();
            if (windows.confirm(Messages.get("workspaces.archive.title", w.name()),
                    Messages.get("workspaces.archive.text"))) {
                vm.archive();
            }
        });
        MenuItem restore = item("workspace-restore", Messages.get("workspaces.restore"), () -> {
            List<Workspace> archived = List.copyOf(vm.archived());
            Optional<String> name = archived.isEmpty() ? Optional.empty() : windows.choose(
                    Messages.get("workspaces.restore.title"), Messages.get("workspaces.restore.text"),
                    archived.stream().map(Workspace::name).toList());
            name.flatMap(n -> archived.stream().filter(w -> w.name().equals(n)).findFirst()).ifPresent(vm::restore);
        });
        restore.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.archived()));
        archive.disableProperty().bind(javafx.beans.binding.Bindings.size(vm.open()).lessThan(2));
        javafx.scene.control.Menu accounts = new javafx.scene.control.Menu(Messages.get("workspaces.accounts"));
        accounts.setId("workspace-accounts");
        // Filled each time the menu opens: a tick means every workspace signs in with this account.
        menu.setOnShowing(e -> fillAccounts(accounts));
        menu.getItems().setAll(add, rename, colour, accounts, new SeparatorMenuItem(), archive, restore);
        message.setId("workspace-message");
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("text-muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        root.getChildren().addAll(caption, chooser, menu, grow, message);
    }

    private void fillAccounts(javafx.scene.control.Menu accounts) {
        accounts.getItems().clear();
        java.util.Map<String, Boolean> known;
        try {
            known = vm.accounts();
        } catch (io.lumasync.core.LumasyncException | RuntimeException e) {
            known = java.util.Map.of();
        }
        if (known.isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("workspaces.accounts.none"));
            none.setDisable(true);
            accounts.getItems().add(none);
            return;
        }
        known.forEach((account, shared) -> {
            javafx.scene.control.CheckMenuItem i = new javafx.scene.control.CheckMenuItem(
                    Messages.get("workspaces.accounts.item", account));
            i.setId("share-" + account.replace('/', '-'));
            i.setSelected(shared);
            i.setOnAction(e -> vm.share(account, i.isSelected()));
            accounts.getItems().add(i);
        });
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }

    /** Puts the list in the chooser without switching: "All workspaces" first, then the open ones. */
    private void fill() {
        updating = true;
        try {
            java.util.List<Workspace> items = new java.util.ArrayList<>();
            items.add(ALL);
            items.addAll(vm.open());
            chooser.getItems().setAll(items);
            Workspace now = vm.currentProperty().get();
            chooser.setValue(now == null ? null : items.stream().filter(w -> w.id().equals(now.id())).findFirst()
                    .orElse(null));
        } finally {
            updating = false;
        }
    }

    /** Shows the current workspace as chosen again (its panes are back in the window). */
    public void workspaceShown() {
        fill();
        paint(vm.currentProperty().get());
    }

    /** Shows "All workspaces" as chosen (the overview is in the window). */
    public void overviewShown() {
        updating = true;
        chooser.setValue(ALL);
        updating = false;
        root.setStyle("-fx-border-color: transparent transparent -color-border-default transparent;"
                + " -fx-border-width: 0 0 3 0;");
    }

    private void paint(Workspace w) {
        if (w != null) {
            root.setStyle("-fx-border-color: transparent transparent " + w.accent() + " transparent;"
                    + " -fx-border-width: 0 0 3 0;");
        }
    }

    public Node view() {
        return root;
    }

    /** A workspace with a dot in its colour; the first entry reads "All workspaces". */
    private static final class Cell extends ListCell<Workspace> {
        @Override
        protected void updateItem(Workspace w, boolean empty) {
            super.updateItem(w, empty);
            if (empty || w == null) {
                setText(null);
                setGraphic(null);
            } else if (w == ALL) {
                setText(Messages.get("workspaces.all"));
                setGraphic(null);
            } else {
                setText(w.name());
                setGraphic(new Circle(5, Color.web(w.accent())));
            }
        }
    }
}
