package io.lumasync.tray;

import io.lumasync.ui.common.Messages;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
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

    @Override
    public void notify(String title, String text, boolean warning, Runnable onClick) {
        Optional<File> exe = notifySend();
        if (exe.isEmpty()) {
            statusLine.accept(title + ": " + text);
            return;
        }
        // notify-send waits for the click and prints the action's name; one without --action (before
        // libnotify 0.7.9) refuses the option, and then the notification goes out without a click action.
        Thread.ofVirtual().name("lumasync-notification").start(() -> {
            List<String> command = List.of(exe.get().getPath(), "--app-name=Lumasync",
                    "--urgency=" + (warning ? "normal" : "low"), "--action=default=" + Messages.get("tray.notify.open"),
                    "--wait", title, text);
            try {
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String answer;
                try (var in = p.getInputStream()) {
                    answer = new String(in.readNBytes(256), java.nio.charset.StandardCharsets.UTF_8).strip();
                }
                if (p.waitFor() != 0 && answer.isEmpty()) {
                    sendDesktopNotification(title, text, warning);
                } else if (answer.equals("default")) {
                    onClick.run();
                }
            } catch (IOException e) {
                statusLine.accept(title + ": " + text);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    static boolean sendDesktopNotification(String title, String text, boolean warning) {
        Optional<File> exe = notifySend();
        if (exe.isEmpty()) {
            return false;
        }
        try {
            new ProcessBuilder(exe.get().getPath(), "--app-name=Lumasync", "--urgency=" + (warning ? "normal" : "low"),
                    title, text).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The desktop's notify-send, when there is one and a session bus to reach the notification service. */
    private static Optional<File> notifySend() {
        String path = System.getenv("PATH");
        if (path == null || System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            File exe = new File(dir, "notify-send");
            if (exe.canExecute()) {
                return Optional.of(exe);
            }
        }
        return Optional.empty();
    }

    @Override
    public void remove() {
    }
}
