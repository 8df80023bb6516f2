package io.lumasync.app;

import io.lumasync.platform.AppDirs;
import io.lumasync.sync.Workspaces;
import org.slf4j.LoggerFactory;

/** Starts the desktop app. Looked up by name so that CLI runs never load a JavaFX class. */
final class Desktop {
    private Desktop() {
    }

    static void launch(String[] files) {
        try {
            Class<?> app = Class.forName("io.lumasync.app.LumasyncApp");
            Workspaces workspaces = Main.workspaces(AppDirs.dataDir());
            app.getMethod("launch", Workspaces.class, String[].class).invoke(null, workspaces, files);
            // The tray's AWT threads may outlive the window; the app has closed the service already.
            System.exit(0);
        } catch (ClassNotFoundException e) {
            System.err.println("lumasync: this build has no desktop app; use a command (lumasync --help).");
            System.exit(2);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LoggerFactory.getLogger(Desktop.class).error("The desktop app could not start", cause);
            System.err.println("lumasync: the desktop app could not start: " + cause);
            System.err.println("On Linux it needs a display and GTK 3 (libgtk-3-0). The command line works without them: lumasync --help");
            System.exit(1);
        }
    }
}
