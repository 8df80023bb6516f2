package io.lumasync.ui.browse;

import io.lumasync.sync.BrowseItem;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.GridView;

import java.util.List;
import java.util.Optional;

/**
 * Tab through the Browse grid in the order the cards are shown. The grid reuses and reorders its cells, so the
 * toolkit's own order follows whatever cell was recycled last; and it only draws the rows on screen. Here Tab goes
 * from each card's tick box to its address badges, then to the next card, scrolling it into view; past the last
 * card it leaves the grid. Shift+Tab goes back the same way.
 */
final class GridKeyboard {
    private final GridView<BrowseItem> grid;
    private final Node before;
    private final Node after;

    private GridKeyboard(GridView<BrowseItem> grid, Node before, Node after) {
        this.grid = grid;
        this.before = before;
        this.after = after;
    }

    /**
     * @param scope  the pane holding all three (the key filter sits there)
     * @param before what Shift+Tab reaches before the first card, and what Tab leaves to enter the grid
     * @param after  what Tab reaches after the last card
     */
    static void install(Parent scope, GridView<BrowseItem> grid, Node before, Node after) {
        GridKeyboard k = new GridKeyboard(grid, before, after);
        grid.setFocusTraversable(false);
        scope.addEventFilter(KeyEvent.KEY_PRESSED, k::onKey);
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown() || !(e.getTarget() instanceof Node owner)) {
            return;
        }
        boolean back = e.isShiftDown();
        Optional<ThumbCell> cell = cellOf(owner);
        if (cell.isEmpty()) {
            if (!back && within(owner, before) && !grid.getItems().isEmpty()) {
                e.consume();
                focusCard(0, false);
            } else if (back && within(owner, after) && !grid.getItems().isEmpty()) {
                e.consume();
                focusCard(grid.getItems().size() - 1, true);
            }
            return;
        }
        e.consume();
        List<Node> stops = cell.get().focusStops();
        int at = stops.indexOf(owner);
        int next = at + (back ? -1 : 1);
        if (at >= 0 && next >= 0 && next < stops.size()) {
            stops.get(next).requestFocus();
            return;
        }
        int card = cell.get().getIndex() + (back ? -1 : 1);
        if (card < 0) {
            before.requestFocus();
        } else if (card >= grid.getItems().size()) {
            after.requestFocus();
        } else {
            focusCard(card, back);
        }
    }

    /** Focuses a card's first stop (its last one when going back), scrolling its row into view. */
    private void focusCard(int index, boolean last) {
        Optional<javafx.scene.control.skin.VirtualFlow<?>> flow = grid.lookupAll(".virtual-flow").stream()
                .filter(n -> n instanceof javafx.scene.control.skin.VirtualFlow<?>)
                .<javafx.scene.control.skin.VirtualFlow<?>>map(n -> (javafx.scene.control.skin.VirtualFlow<?>) n)
                .findFirst();
        Optional<ThumbCell> cell = find(index);
        if (cell.isEmpty() && flow.isPresent()) {
            cell = scrollTo(flow.get(), index);
        }
        cell.ifPresent(c -> {
            List<Node> stops = c.focusStops();
            (last ? stops.getLast() : stops.getFirst()).requestFocus();
            flow.ifPresent(vf -> {
                Bounds b = vf.sceneToLocal(c.localToScene(c.getBoundsInLocal()));
                if (b.getMaxY() > vf.getHeight()) {
                    vf.scrollPixels(b.getMaxY() - vf.getHeight());
                } else if (b.getMinY() < 0) {
                    vf.scrollPixels(b.getMinY());
                }
            });
        });
    }

    /** The card is not drawn: jump to its row (cards per row counted from a drawn row), then step towards it. */
    private Optional<ThumbCell> scrollTo(javafx.scene.control.skin.VirtualFlow<?> vf, int index) {
        List<ThumbCell> drawn = drawn();
        int perRow = drawn.stream().mapToInt(c -> c.getParent() == null ? 1
                : c.getParent().getChildrenUnmodifiable().size()).max().orElse(1);
        vf.scrollTo(index / Math.max(1, perRow));
        vf.layout();
        double row = grid.getCellHeight() + 2 * grid.getVerticalCellSpacing();
        for (int step = 0; step < 20; step++) {
            Optional<ThumbCell> found = find(index);
            drawn = drawn();
            if (found.isPresent() || drawn.isEmpty()) {
                return found;
            }
            boolean below = drawn.stream().allMatch(c -> c.getIndex() < index);
            vf.scrollPixels(below ? row : -row);
            vf.layout();
        }
        return find(index);
    }

    /** Cards on rows in use: the grid keeps recycled rows around, hidden, with their old cards. */
    private List<ThumbCell> drawn() {
        return grid.lookupAll(".thumb-cell").stream().filter(n -> n instanceof ThumbCell c && c.isVisible()
                && c.getParent() != null && c.getParent().isVisible() && c.getItem() != null)
                .map(ThumbCell.class::cast).toList();
    }

    private Optional<ThumbCell> find(int index) {
        return drawn().stream().filter(c -> c.getIndex() == index).findFirst();
    }

    private static Optional<ThumbCell> cellOf(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof ThumbCell c) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean within(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
