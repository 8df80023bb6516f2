package io.lumasync.tray;

import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link TrayHostTest} (AWT must start fresh, on the test's own X display): picks a tray host
 * the way the app does and prints what happened.
 */
public final class TrayProbe {
    private TrayProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<String> status = new ArrayList<>();
        TrayMenu menu = new TrayMenu(() -> { }, () -> { }, () -> { }, () -> { });
        TrayHost host = TrayController.install(AwtTrayHost.available() ? new AwtTrayHost() : null, menu, status::add);
        System.out.println("kind=" + host.kind());
        System.out.println("icons=" + AwtTrayHost.iconCount());
        host.update("3 sent, 0 unchanged, 0 failed", false);
        host.remove();
        System.out.println("after-remove=" + AwtTrayHost.iconCount());
        System.exit(0);
    }
}
