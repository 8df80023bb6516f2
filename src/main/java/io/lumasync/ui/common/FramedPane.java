package io.lumasync.ui.common;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;

/**
 * A sidebar pane in the layout the list panes share: a header, the list or table filling the middle and a status
 * line below, with the same padding everywhere so moving between panes does not shift the content.
 */
public abstract class FramedPane implements PaneView {
    private final BorderPane root = new BorderPane();

    /** Lays the pane out; {@code contentMargin} keeps the content clear of the header and footer. */
    protected final void frame(Node header, Node content, Node footer, Insets contentMargin) {
        root.setTop(header);
        root.setCenter(content);
        root.setBottom(footer);
        BorderPane.setMargin(content, contentMargin);
        root.setPadding(new Insets(16));
    }

    @Override
    public final Node view() {
        return root;
    }
}
