package io.lumasync.tray;

/**
 * A place for the tray icon. One implementation per mechanism, chosen at start by availability; "none" is a
 * valid answer on desktops without a tray host (GNOME without the AppIndicator extension, bare X servers).
 */
public interface TrayHost {

    /** Short name for logs and tests, e.g. "awt", "none". */
    String kind();

    /** Shows the icon and menu; false when this desktop has no tray host. May block briefly; not on the FX thread. */
    boolean install(TrayMenu menu);

    /** Updates the "last result" line and the Pause/Resume label. */
    void update(String lastResult, boolean paused);

    /** A desktop notification. */
    void notify(String title, String text, boolean warning);

    /**
     * A notification that runs {@code onClick} (on any thread) when the user clicks it, where the desktop reports
     * clicks; elsewhere the same as {@link #notify(String, String, boolean)}.
     */
    default void notify(String title, String text, boolean warning, Runnable onClick) {
        notify(title, text, warning);
    }

    void remove();
}
