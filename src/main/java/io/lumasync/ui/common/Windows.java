package io.lumasync.ui.common;

import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place that opens, shows, hides and closes windows and dialogs: the tray, a second launch and the panes
 * all come here, so none of them builds another's window. FX thread only.
 */
public final class Windows {
    private final Stage main;
    private final ThemeManager theme;
    private final HostServices host;
    private final Supplier<Parent> mainContent;
    private boolean built;
    private java.util.function.Consumer<String> pages = id -> { };

    public Windows(Stage main, ThemeManager theme, HostServices host, Supplier<Parent> mainContent) {
        this.main = main;
        this.theme = theme;
        this.host = host;
        this.mainContent = mainContent;
    }

    /** Who switches the main window's pane (the shell registers itself); ids as in {@link #showPage}. */
    public void setPageSwitcher(java.util.function.Consumer<String> switcher) {
        this.pages = switcher;
    }

    /** Switches the main window to a pane: "browse", "upload", "destinations", "sources", … (the sidebar's ids). */
    public void showPage(String id) {
        pages.accept(id);
    }

    public Stage mainStage() {
        return main;
    }

    /** Shows the main window, building it on first use, and brings it to the front. */
    public void showMain() {
        if (!built) {
            Scene scene = new Scene(mainContent.get(), 1180, 760);
            theme.style(scene);
            main.setScene(scene);
            if (main.getTitle() == null || main.getTitle().isEmpty()) {
                // The workspace shell names the workspace in the title before the window is first shown.
                main.setTitle(Messages.get("shell.windowTitle"));
            }
            main.setMinWidth(900);
            main.setMinHeight(600);
            var icon = Windows.class.getResourceAsStream("/io/lumasync/ui/icon-256.png");
            if (icon != null) {
                main.getIcons().add(new Image(icon));
            }
            built = true;
        }
        main.setIconified(false);
        main.show();
        main.toFront();
        main.requestFocus();
    }

    public void hideMain() {
        main.hide();
    }

    public void error(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message);
    }

    public void info(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message);
    }

    public boolean confirm(String title, String message) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        prepare(a, title);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** Asks for one line of text (a name); empty when the user cancels or types nothing. */
    public Optional<String> askText(String title, String message, String initial) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(initial);
        d.setContentText(message);
        d.getEditor().setId("ask-text");
        d.setTitle(title);
        d.setHeaderText(title);
        if (main.getScene() != null) {
            d.initOwner(main);
        }
        theme.style(d.getDialogPane().getScene());
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Asks to pick one of {@code options}; empty when the user cancels. */
    public <T> Optional<T> choose(String title, String message, List<T> options) {
        javafx.scene.control.ChoiceDialog<T> d = new javafx.scene.control.ChoiceDialog<>(options.getFirst(), options);
        d.setContentText(message);
        d.setTitle(title);
        d.setHeaderText(title);
        if (main.getScene() != null) {
            d.initOwner(main);
        }
        theme.style(d.getDialogPane().getScene());
        return d.showAndWait();
    }

    /** Asks for a new or existing passphrase, typed twice; empty when the user cancels. */
    public Optional<char[]> askPassphrase(String title, String message) {
        Dialog<char[]> d = new Dialog<>();
        PasswordField first = new PasswordField();
        PasswordField again = new PasswordField();
        first.setPromptText(Messages.get("common.passphrase.prompt"));
        again.setPromptText(Messages.get("common.passphrase.again"));
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(440);
        d.getDialogPane().setContent(new VBox(8, text, first, again));
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(first.textProperty().length().lessThan(8)
                .or(first.textProperty().isNotEqualTo(again.textProperty())));
        d.setResultConverter(b -> b == ButtonType.OK ? first.getText().toCharArray() : null);
        d.setTitle(title);
        d.setHeaderText(title);
        if (main.getScene() != null) {
            d.initOwner(main);
        }
        theme.style(d.getDialogPane().getScene());
        Optional<char[]> typed = d.showAndWait();
        first.clear();
        again.clear();
        return typed;
    }

    private void alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type, message, ButtonType.OK);
        prepare(a, title);
        a.show();
    }

    private void prepare(Alert a, String title) {
        a.setTitle(title);
        a.setHeaderText(title);
        if (main.getScene() != null) {
            a.initOwner(main);
        }
        theme.style(a.getDialogPane().getScene());
    }

    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        return Optional.ofNullable(c.showDialog(main)).map(File::toPath);
    }

    public List<Path> chooseImages() {
        FileChooser c = new FileChooser();
        c.setTitle(Messages.get("common.chooseImages"));
        List<File> files = c.showOpenMultipleDialog(main);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(suggestedName);
        return Optional.ofNullable(c.showSaveDialog(main)).map(File::toPath);
    }

    /** Opens a URL or file in the desktop's default application. */
    public void open(String uri) {
        if (host != null && uri != null && !uri.isBlank()) {
            host.showDocument(uri);
        }
    }

    /**
     * Closes every window, popups first, then stops JavaFX. Closing popups first matters: Platform.exit() while
     * a popup is showing crashes the GTK toolkit (seen with JavaFX 25).
     */
    public void quit(Runnable beforeExit) {
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != main) {
                w.hide();
            }
        }
        main.hide();
        try {
            beforeExit.run();
        } finally {
            Platform.exit();
        }
    }
}
