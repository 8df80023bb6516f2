package io.lumasync.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Scene;

import java.util.Locale;

/**
 * Applies the AtlantaFX theme: follows the desktop's light/dark setting unless the user chose one in Settings.
 * FX thread only.
 */
public final class ThemeManager {
    private static final String COMPAT = css("controlsfx-compat.css");
    private static final String APP = css("lumasync.css");

    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();
    private String choice = "system";

    public ThemeManager() {
        // The desktop may switch between light and dark while we run; follow it when the user left "system".
        Platform.getPreferences().colorSchemeProperty().addListener((o, a, b) -> apply());
    }

    /** "system", "light" or "dark". */
    public void use(String themeChoice) {
        choice = themeChoice == null ? "system" : themeChoice.toLowerCase(Locale.ROOT);
        apply();
    }

    public String choice() {
        return choice;
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /** Adds our stylesheets to a scene (every window the app opens goes through here). */
    public void style(Scene scene) {
        scene.getStylesheets().setAll(COMPAT, APP);
        scene.getRoot().getStyleClass().remove("dark");
        if (dark.get()) {
            scene.getRoot().getStyleClass().add("dark");
        }
        dark.addListener((o, a, isDark) -> {
            scene.getRoot().getStyleClass().remove("dark");
            if (isDark) {
                scene.getRoot().getStyleClass().add("dark");
            }
        });
    }

    private void apply() {
        boolean wantDark = switch (choice) {
            case "dark" -> true;
            case "light" -> false;
            default -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
        Application.setUserAgentStylesheet(wantDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        dark.set(wantDark);
    }

    private static String css(String name) {
        return ThemeManager.class.getResource("/io/lumasync/ui/" + name).toExternalForm();
    }
}
