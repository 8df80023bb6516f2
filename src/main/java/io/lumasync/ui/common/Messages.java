package io.lumasync.ui.common;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The desktop app's words, read from {@code io/lumasync/ui/messages.properties} and its translations.
 * A missing key shows the key itself rather than failing, so a half-finished translation never stops the app.
 * Arguments go through {@link MessageFormat} ({@code {0}}, {@code {1,number,integer}}), so a value that takes
 * arguments writes a single quote as {@code ''}; a value without arguments is shown exactly as written.
 */
public final class Messages {
    public static final String BUNDLE = "io.lumasync.ui.messages";
    private static volatile ResourceBundle bundle = load();

    private Messages() {
    }

    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        try {
            return new MessageFormat(pattern, bundle.getLocale()).format(args);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }

    /** Switches every later lookup to another bundle, e.g. one a translator is trying out. */
    public static void use(ResourceBundle words) {
        bundle = Objects.requireNonNull(words);
    }

    /** Back to the bundle of the default locale. */
    public static void reset() {
        bundle = load();
    }

    private static ResourceBundle load() {
        return ResourceBundle.getBundle(BUNDLE);
    }
}
