package io.lumasync.tray;

import io.lumasync.ui.common.Messages;
import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;

/**
 * The tray icon through {@code java.awt.SystemTray}: XEmbed trays on Linux (trayer, KDE, XFCE, GNOME with the
 * AppIndicator extension's XEmbed support), the notification area on Windows and the menu bar on macOS.
 */
public final class AwtTrayHost implements TrayHost {
    /** A click on the icon this long after a message is no longer taken for a click on the message. */
    private static final long MESSAGE_CLICK_MS = 30_000;
    private TrayIcon icon;
    private MenuItem last;
    private MenuItem pause;
    /** What a click on the last message does; AWT reports that click as the icon's action. */
    private volatile Runnable messageClick;
    private volatile long messageShownAt;

    @Override
    public String kind() {
        return "awt";
    }

    /** True when a tray host is running; false on headless JVMs and desktops without one. */
    public static boolean available() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public boolean install(TrayMenu menu) {
        if (!available()) {
            return false;
        }
        boolean[] ok = new boolean[1];
        try {
            EventQueue.invokeAndWait(() -> ok[0] = installOnAwt(menu));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (InvocationTargetException e) {
            return false;
        }
        return ok[0];
    }

    private boolean installOnAwt(TrayMenu menu) {
        PopupMenu popup = new PopupMenu();
        MenuItem open = new MenuItem(Messages.get("tray.menu.open"));
        open.addActionListener(e -> menu.open().run());
        MenuItem sync = new MenuItem(Messages.get("tray.menu.sync"));
        sync.addActionListener(e -> menu.syncNow().run());
        pause = new MenuItem(Messages.get("tray.menu.pause"));
        pause.addActionListener(e -> menu.togglePause().run());
        last = new MenuItem(Messages.get("tray.menu.noSync"));
        last.setEnabled(false);
        MenuItem quit = new MenuItem(Messages.get("tray.menu.quit"));
        quit.addActionListener(e -> menu.quit().run());
        popup.add(open);
        popup.add(sync);
        popup.add(pause);
        popup.addSeparator();
        popup.add(last);
        popup.addSeparator();
        popup.add(quit);
        URL url = AwtTrayHost.class.getResource("/io/lumasync/ui/icon-64.png");
        Image image = url == null ? Toolkit.getDefaultToolkit().createImage(new byte[0])
                : Toolkit.getDefaultToolkit().getImage(url);
        icon = new TrayIcon(image, "Lumasync", popup);
        icon.setImageAutoSize(true);
        icon.addActionListener(e -> {
            Runnable click = messageClick;
            messageClick = null;
            boolean fresh = click != null && System.currentTimeMillis() - messageShownAt < MESSAGE_CLICK_MS;
            (fresh ? click : menu.open()).run();
        });
        try {
            SystemTray.getSystemTray().add(icon);
            return true;
        } catch (AWTException | RuntimeException e) {
            icon = null;
            return false;
        }
    }

    @Override
    public void update(String lastResult, boolean paused) {
        EventQueue.invokeLater(() -> {
            if (last != null) {
                last.setLabel(Messages.get("tray.menu.lastSync", lastResult));
                pause.setLabel(Messages.get(paused ? "tray.menu.resume" : "tray.menu.pause"));
                icon.setToolTip(Messages.get("tray.tooltip", lastResult));
            }
        });
    }

    @Override
    public void notify(String title, String text, boolean warning, Runnable onClick) {
        messageShownAt = System.currentTimeMillis();
        messageClick = onClick;
        notify(title, text, warning);
    }

    @Override
    public void notify(String title, String text, boolean warning) {
        EventQueue.invokeLater(() -> {
            if (icon != null) {
                icon.displayMessage(title, text, warning ? TrayIcon.MessageType.WARNING : TrayIcon.MessageType.INFO);
            }
        });
    }

    /** How many icons this JVM shows in the tray (for the tray test). */
    public static int iconCount() {
        return available() ? SystemTray.getSystemTray().getTrayIcons().length : 0;
    }

    @Override
    public void remove() {
        if (icon == null) {
            return;
        }
        try {
            EventQueue.invokeAndWait(() -> SystemTray.getSystemTray().remove(icon));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            // Quitting anyway.
        }
        icon = null;
    }
}
