package io.lumasync.ui.browse;

import io.lumasync.sync.AssetStatus;
import io.lumasync.sync.BrowseItem;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.Thumbnails;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.collections.WeakMapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** One thumbnail in the Browse grid: preview, name, a badge per destination, and a selection tick. */
final class ThumbCell extends GridCell<BrowseItem> {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected-item");
    private final Thumbnails thumbnails;
    private final ObservableSet<String> selection;
    private final ImageView image = new ImageView();
    private final Label format = new Label();
    private final Label name = new Label();
    /** Two badges fit a card; more are summed up in a third that names them all in its tooltip. */
    static final int BADGES_SHOWN = 2;
    private final VBox badges = new VBox(2);
    private final CheckBox tick = new CheckBox();
    private final VBox box;
    private final SetChangeListener<String> selectionListener = c -> updateSelected();
    /** Where this card's image is in a running sync; hidden when none runs. */
    private final Label runState = new Label();
    private final ObservableMap<String, CardProgress.State> runStates;
    private final MapChangeListener<String, CardProgress.State> runListener = c -> {
        BrowseItem item = getItem();
        if (item != null && c.getKey().equals(BrowseViewModel.key(item))) {
            updateRunState();
        }
    };

    private final Consumer<String> openUrl;
    /** Asks to rename the card's image at a destination (the menu of a published badge). */
    private final BiConsumer<BrowseItem, String> rename;

    ThumbCell(Thumbnails thumbnails, ObservableSet<String> selection, ObservableMap<String, CardProgress.State> runStates,
              Consumer<BrowseItem> toggle, Consumer<String> openUrl) {
        this(thumbnails, selection, runStates, toggle, openUrl, (item, destination) -> { });
    }

    ThumbCell(Thumbnails thumbnails, ObservableSet<String> selection, ObservableMap<String, CardProgress.State> runStates,
              Consumer<BrowseItem> toggle, Consumer<String> openUrl, BiConsumer<BrowseItem, String> rename) {
        this.rename = rename;
        this.thumbnails = thumbnails;
        this.runStates = runStates;
        this.openUrl = openUrl;
        this.selection = selection;
        image.setFitWidth(Thumbnails.SIZE * 0.85);
        image.setFitHeight(Thumbnails.SIZE * 0.85);
        image.setPreserveRatio(true);
        format.getStyleClass().add("text-muted");
        StackPane frame = new StackPane(format, image);
        frame.getStyleClass().add("thumb-placeholder");
        frame.setPrefSize(Thumbnails.SIZE * 0.9, Thumbnails.SIZE * 0.9);
        name.setMaxWidth(Thumbnails.SIZE);
        badges.setMaxWidth(Thumbnails.SIZE);
        badges.setAlignment(Pos.TOP_CENTER);
        StackPane.setAlignment(tick, Pos.TOP_LEFT);
        runState.getStyleClass().add("run-state");
        runState.setId("run-state");
        StackPane.setAlignment(runState, Pos.BOTTOM_CENTER);
        StackPane overlay = new StackPane(frame, tick, runState);
        box = new VBox(4, overlay, name, badges);
        box.setAlignment(Pos.TOP_CENTER);
        getStyleClass().add("thumb-cell");
        tick.setOnAction(e -> {
            if (getItem() != null) {
                toggle.accept(getItem());
            }
        });
        setOnMouseClicked(e -> {
            if (getItem() != null && e.getTarget() != tick) {
                toggle.accept(getItem());
            }
        });
        // Each card is one stop for Tab (its tick box; Space toggles it) plus its address badges; Enter toggles too.
        tick.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && getItem() != null) {
                toggle.accept(getItem());
                e.consume();
            }
        });
        selection.addListener(new javafx.collections.WeakSetChangeListener<>(selectionListener));
        runStates.addListener(new WeakMapChangeListener<>(runListener));
    }

    @Override
    protected void updateItem(BrowseItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            pseudoClassStateChanged(SELECTED, false);
            return;
        }
        name.setText(item.item().name());
        tick.setId("tick-" + item.item().name().replaceAll("[^A-Za-z0-9_-]", "_"));
        tick.setAccessibleText(Messages.get("browse.card.select", item.item().name()));
        tick.setAccessibleHelp(String.join("; ", new TreeMap<>(item.status()).entrySet().stream()
                .map(e -> e.getKey() + ": " + stateText(e.getValue())).toList()));
        setTooltip(new Tooltip(item.item().name() + "\n" + (item.item().folder().isEmpty() ? "" : item.item().folder()
                + "\n") + Texts.bytes(item.item().fingerprint().size())));
        badges.getChildren().clear();
        var all = new ArrayList<>(new TreeMap<>(item.status()).entrySet());
        for (Map.Entry<String, AssetStatus> e : all.subList(0, Math.min(all.size(), BADGES_SHOWN))) {
            Labeled badge = badge(e.getKey(), e.getValue(), item.url(e.getKey()), openUrl);
            if (badge instanceof Button b) {
                b.setContextMenu(renameMenu(item, e.getKey()));
            }
            badges.getChildren().add(badge);
        }
        if (all.size() > BADGES_SHOWN) {
            var rest = all.subList(BADGES_SHOWN, all.size());
            Label more = new Label(Messages.get("browse.card.more", rest.size()));
            more.getStyleClass().addAll("badge", "badge-more");
            more.setTooltip(new Tooltip(String.join("\n", rest.stream()
                    .map(e -> e.getKey() + ": " + stateText(e.getValue())).toList())));
            badges.getChildren().add(more);
        }
        image.setAccessibleText(Messages.get("browse.card.preview", item.item().name()));
        String n = item.item().name();
        format.setText(n.contains(".") ? n.substring(n.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT) : "");
        image.setImage(null);
        BrowseItem expected = item;
        item.localFile().ifPresent(f -> thumbnails.load(f, img -> {
            if (getItem() == expected) {
                image.setImage(img);
            }
        }));
        updateSelected();
        updateRunState();
        setGraphic(box);
    }

    /** Where Tab stops in this card, in order: the tick box, then each badge that opens an address. */
    List<Node> focusStops() {
        List<Node> stops = new ArrayList<>();
        stops.add(tick);
        badges.getChildren().stream().filter(n -> n instanceof Button).forEach(stops::add);
        return stops;
    }

    private void updateRunState() {
        BrowseItem item = getItem();
        CardProgress.State s = item == null ? null : runStates.get(BrowseViewModel.key(item));
        runState.setVisible(s != null);
        runState.setText(s == null ? "" : s.text());
        for (CardProgress.State each : CardProgress.State.values()) {
            runState.pseudoClassStateChanged(PseudoClass.getPseudoClass(each.name().toLowerCase(Locale.ROOT)), each == s);
        }
    }

    private void updateSelected() {
        BrowseItem item = getItem();
        boolean on = item != null && selection.contains(BrowseViewModel.key(item));
        tick.setSelected(on);
        pseudoClassStateChanged(SELECTED, on);
    }

    /** A destination's badge; with a published address it is a button that opens it (mouse or keyboard). */
    static Labeled badge(String destination, AssetStatus status, Optional<String> url, Consumer<String> openUrl) {
        String state = destination + ": " + stateText(status)
                + url.map(u -> "\n" + u + "\n" + Messages.get("browse.badge.open")).orElse("");
        Labeled l = url.isPresent() ? new Button(destination) : new Label(destination);
        l.getStyleClass().addAll("badge", "badge-" + status.name().toLowerCase(Locale.ROOT));
        l.setMaxWidth(Thumbnails.SIZE - 8);   // a long destination name ends in "…" inside the card
        l.setTooltip(new Tooltip(state));
        l.setAccessibleText(destination + ", " + stateText(status));
        if (l instanceof Button b) {
            b.getStyleClass().add("badge-link");
            b.setOnAction(e -> openUrl.accept(url.get()));
            b.setFocusTraversable(true);
        }
        return l;
    }

    /** The published badge's menu (right click, or the menu key): rename the image by the file-name template. */
    private ContextMenu renameMenu(BrowseItem item, String destination) {
        MenuItem r = new MenuItem(Messages.get("browse.rename"));
        r.setId("rename-" + destination.replaceAll("[^A-Za-z0-9_-]", "_"));
        r.setOnAction(e -> rename.accept(item, destination));
        return new ContextMenu(r);
    }

    static String stateText(AssetStatus status) {
        return switch (status) {
            case SYNCED -> Messages.get("browse.state.synced");
            case CHANGED -> Messages.get("browse.state.changed");
            case NEW -> Messages.get("browse.state.new");
            case FAILED -> Messages.get("browse.state.failed");
        };
    }
}
