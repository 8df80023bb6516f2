package io.lumasync.ui.browse;

import io.lumasync.core.EncodeSettings;
import io.lumasync.sync.BrowseItem;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.DestinationPicker;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.PaneView;
import io.lumasync.ui.common.Presets;
import io.lumasync.ui.common.Thumbnails;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridView;

import java.util.HashMap;
import java.util.Map;

/** Browse: tabs per source, a folder tree, a virtualized thumbnail grid with badges, and the sync bar. */
public final class BrowsePane implements PaneView {
    private final AppContext ctx;
    private final BrowseViewModel vm;
    private final TabPane tabs = new TabPane();
    private final TreeView<String> tree = new TreeView<>();
    private final DestinationPicker destinations = new DestinationPicker("browse-destinations");
    private final ComboBox<String> preset = new ComboBox<>();
    private final BorderPane root = new BorderPane();
    private EncodeSettings defaults = EncodeSettings.defaults();

    public BrowsePane(AppContext ctx) {
        this.ctx = ctx;
        this.vm = new BrowseViewModel(ctx.services(), ctx.tasks());
        tabs.setId("browse-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.source.set((String) t.getUserData());
            }
        });
        vm.sourceNames().addListener((ListChangeListener<String>) c -> rebuildTabs());

        tree.setId("browse-folders");
        tree.setShowRoot(true);
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, t) ->
                vm.folder.set(t == null || t.getParent() == null ? "" : (String) t.getGraphic().getUserData()));
        vm.folders().addListener((ListChangeListener<String>) c -> rebuildTree());
        rebuildTree();

        GridView<BrowseItem> grid = new GridView<>(vm.visible());
        grid.setId("browse-grid");
        grid.setCellWidth(Thumbnails.SIZE + 12);
        grid.setCellHeight(Thumbnails.SIZE + 64);
        grid.setHorizontalCellSpacing(8);
        grid.setVerticalCellSpacing(8);
        grid.setCellFactory(g -> new ThumbCell(ctx.thumbnails(), vm.selected(), vm.cardStates(), vm::toggle,
                ctx.windows()::open, this::rename));

        TextField filter = new TextField();
        filter.setId("browse-filter");
        filter.setPromptText(Messages.get("browse.filter.prompt"));
        filter.textProperty().bindBidirectional(vm.filter);
        Button all = Fx.button("browse-select-all", Messages.get("browse.selectAll"),
                Messages.get("browse.selectAll.tooltip"), vm::selectAll);
        Button updates = Fx.button("browse-select-updates", Messages.get("browse.selectUpdates"),
                Messages.get("browse.selectUpdates.tooltip"), vm::selectUpdates);
        Button none = Fx.button("browse-select-none", Messages.get("browse.selectNone"),
                Messages.get("browse.selectNone.tooltip"), vm::clearSelection);
        Button reload = Fx.button("browse-reload", Messages.get("browse.reload"), Messages.get("browse.reload.tooltip"), vm::load);
        Label count = new Label();
        count.setId("browse-selected-count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("browse.selectedCount", vm.selected().size()), vm.selected()));
        HBox toolbar = Fx.row(all, updates, none, count, Fx.spacer(), filter, reload);
        // At the smallest window the filter field gives way; the buttons and the count keep their words.
        keepWidth(all, updates, none, count, reload);
        filter.setMinWidth(80);

        preset.setId("browse-preset");
        preset.getItems().setAll(Presets.names());
        preset.setValue(Presets.defaultName());
        preset.setTooltip(new Tooltip(Messages.get("browse.preset.tooltip")));
        Button sync = Fx.button("browse-sync", Messages.get("browse.sync"), Messages.get("browse.sync.tooltip"),
                () -> vm.sync(destinations.checked(), Presets.resolve(preset.getValue(), defaults)));
        sync.getStyleClass().add("accent");
        sync.disableProperty().bind(vm.running.or(Bindings.isEmpty(vm.selected())));
        ProgressBar bar = new ProgressBar();
        bar.setId("browse-progress");
        bar.progressProperty().bind(vm.progress);
        bar.setPrefWidth(180);
        bar.setMinWidth(100);
        bar.visibleProperty().bind(vm.running.or(vm.progress.greaterThan(0)));
        bar.managedProperty().bind(bar.visibleProperty());
        Label progressText = new Label();
        progressText.setId("browse-progress-text");
        progressText.textProperty().bind(vm.progressText);
        progressText.setWrapText(true);
        progressText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progressText, Priority.ALWAYS);
        // The bar's fixed parts keep their full width at the smallest window; the destination list gives way.
        Label to = new Label(Messages.get("browse.to"));
        to.setLabelFor(destinations.view());
        keepWidth(to, preset, sync);
        destinations.view().setMinWidth(120);
        destinations.view().setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(destinations.view(), Priority.SOMETIMES);
        HBox syncBar = Fx.row(to, destinations.view(), preset, sync);
        syncBar.getStyleClass().add("sync-bar");
        Button cancel = Fx.button("browse-cancel", Messages.get("browse.cancel"), Messages.get("browse.cancel.tooltip"),
                vm::cancel);
        cancel.visibleProperty().bind(vm.running);
        cancel.managedProperty().bind(vm.running);
        cancel.disableProperty().bind(vm.cancelling);
        keepWidth(cancel);
        HBox status = Fx.row(bar, progressText, cancel);

        Label message = new Label();
        message.setId("browse-message");
        message.textProperty().bind(vm.message);
        message.setWrapText(true);
        SplitPane split = new SplitPane(tree, grid);
        split.setDividerPositions(0.2);
        VBox top = new VBox(8, Fx.title(Messages.get("browse.title")), tabs, toolbar);
        root.setTop(top);
        root.setCenter(new StackPane(split, emptyState()));
        root.setBottom(new VBox(4, message, status, syncBar));
        BorderPane.setMargin(split, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(16, 16, 8, 16));
        GridKeyboard.install(root, grid, tree, destinations.view());
        rebuildTabs();
    }

    /** What a first start shows instead of an empty grid: the two ways in, each with its button. */
    private Node emptyState() {
        VBox box = Fx.emptyState("browse-empty", Messages.get("browse.empty.title"), Messages.get("browse.empty.text"),
                Fx.button("browse-add-source", Messages.get("browse.addSource"), Messages.get("browse.addSource.tooltip"),
                        () -> ctx.windows().showPage("sources")),
                Fx.button("browse-go-upload", Messages.get("browse.goUpload"), Messages.get("browse.goUpload.tooltip"),
                        () -> ctx.windows().showPage("upload")));
        StackPane wrap = new StackPane(box);
        wrap.visibleProperty().bind(vm.noSources);
        wrap.getStyleClass().add("empty-state-backdrop");
        return wrap;
    }

    private static void keepWidth(Region... nodes) {
        for (Region n : nodes) {
            n.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private void rebuildTabs() {
        String current = vm.source.get();
        Tab all = new Tab(Messages.get("browse.allSources"));
        all.setUserData(BrowseViewModel.ALL_SOURCES);
        tabs.getTabs().setAll(all);
        for (String s : vm.sourceNames()) {
            Tab t = new Tab(s);
            t.setUserData(s);
            tabs.getTabs().add(t);
        }
        tabs.getTabs().stream().filter(t -> current.equals(t.getUserData())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private void rebuildTree() {
        TreeItem<String> top = new TreeItem<>(Messages.get("browse.allFolders"));
        Map<String, TreeItem<String>> byPath = new HashMap<>();
        byPath.put("", top);
        for (String f : vm.folders()) {
            if (f.isEmpty()) {
                continue;
            }
            String[] parts = f.split("/");
            String path = "";
            TreeItem<String> parent = top;
            for (String p : parts) {
                path = path.isEmpty() ? p : path + "/" + p;
                String full = path;
                TreeItem<String> node = byPath.get(full);
                if (node == null) {
                    node = new TreeItem<>(p);
                    Label tag = new Label();
                    tag.setUserData(full);
                    node.setGraphic(tag);
                    parent.getChildren().add(node);
                    byPath.put(full, node);
                }
                parent = node;
            }
        }
        top.setExpanded(true);
        tree.setRoot(top);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        vm.refreshSources();
        destinations.refresh(ctx.tasks(), ctx.services());
        ctx.tasks().run("settings", ctx.services()::settings, s -> defaults = s.defaults(), e -> { });
    }

    BrowseViewModel viewModel() {
        return vm;
    }

    /**
     * The deliberate rename of one published image: what it would do first (old address, new name, what the
     * destination does), then only on confirmation the rename, and the address change in front of the user.
     */
    private void rename(BrowseItem item, String destination) {
        String image = item.item().name();
        vm.previewRename(item, destination, p -> {
            if (!p.allowed()) {
                ctx.windows().info(Messages.get("browse.rename.refused", destination), p.how());
            } else if (!p.changes()) {
                ctx.windows().info(Messages.get("browse.rename.title", image, destination),
                        Messages.get("browse.rename.same", p.oldUrl()));
            } else if (ctx.windows().confirm(Messages.get("browse.rename.title", image, destination),
                    Messages.get("browse.rename.confirm", p.oldUrl(), p.newName(), p.how()))) {
                vm.rename(item, destination, r -> ctx.windows().info(Messages.get("browse.rename.done"),
                        Messages.get("browse.rename.moved", r.oldUrl(), r.newUrl())
                                + r.leftover().map(n -> "\n\n" + n).orElse("")),
                        e -> ctx.windows().error(Messages.get("browse.rename.failed"), e.getMessage()));
            }
        }, e -> ctx.windows().error(Messages.get("browse.rename.failed"), e.getMessage()));
    }
}
