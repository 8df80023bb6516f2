package io.lumasync.tray;

import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The fallback when the desktop has no tray host: no icon; notifications go through the desktop's notification
 * service ({@code notify-send}, which speaks org.freedesktop.Notifications) when present, otherwise to the
 * window's status line.
 */
public final class NoTrayHost implements TrayHost {
    private final Consumer<String> statusLine;

    public NoTrayHost(Consumer<String> statusLine) {
        this.statusLine = statusLine;
    }

    @Override
    public String kind() {
        return "none";
    }

    @Override
    public boolean install(TrayMenu menu) {
        return false;
    }

    @Override
    public void update(String lastResult, boolean paused) {
    }

    @Override
    public void notify(String title, String text, boolean warning) {
        if (!sendDesktopNotification(title, text, warning)) {
            statusLine.accept(title + ": " + text);
        }
    }

    static boolean sendDesktopNotification(String title, String text, boolean warning) {
        String path = System.getenv("PATH");
        if (path == null || System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File exe = new File(dir, "notify-send");
            if (exe.canExecute()) {
                try {
                    new ProcessBuilder(exe.getPath(), "--app-name=Lumasync", "--urgency=" + (warning ? "normal" : "low"),
                            title, text).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    return true;
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    @Override
    public void remove() {
    }
}
