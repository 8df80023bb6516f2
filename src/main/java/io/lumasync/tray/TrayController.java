package io.lumasync.tray;

import io.lumasync.sync.RunReport;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Texts;
import io.lumasync.sync.AutosyncControl;
import io.lumasync.ui.common.engine.LabelledAutosync;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/**
 * Keeps Lumasync alive in the tray: installs the icon off the FX thread, turns menu clicks into app actions,
 * reports autosync results, and decides what closing the window means (hide to tray, or minimise when there is
 * no tray host, telling the user once).
 */
public final class TrayController {
    private final AppContext ctx;
    private final AutosyncControl autosync;
    private final Consumer<String> status;
    private final Runnable quit;
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper("starting");
    private final AttentionNotices attention = new AttentionNotices();
    private final EventNotices events = new EventNotices();
    private final java.util.concurrent.ScheduledExecutorService eventTimer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                    .name("lumasync-notices").daemon(true).factory());
    private volatile TrayHost host;
    private boolean toldAboutClose;

    /**
     * @param status shows one line in the window's status bar (FX thread)
     * @param quit   quits the app cleanly (FX thread)
     */
    public TrayController(AppContext ctx, Consumer<String> status, Runnable quit) {
        this(ctx, ctx.services().autosync(), status, quit);
    }

    /**
     * With the autosync of every workspace: the menu pauses and runs them all, and each notification names the
     * workspace it is about.
     */
    public TrayController(AppContext ctx, AutosyncControl autosync, Consumer<String> status, Runnable quit) {
        this.ctx = ctx;
        this.autosync = autosync;
        this.status = status;
        this.quit = quit;
    }

    /** Installs the tray in the background; the window never waits for it. */
    public void start() {
        start(AwtTrayHost.available() ? new AwtTrayHost() : null);
    }

    /** Same, with a chosen host (null = detect none); for tests. */
    public void start(TrayHost preferred) {
        TrayMenu menu = new TrayMenu(
                () -> Platform.runLater(() -> ctx.windows().showMain()),
                autosync::runNow,
                () -> {
                    if (autosync.paused()) {
                        autosync.resume();
                    } else {
                        autosync.pause();
                    }
                    TrayHost h = host;
                    if (h != null) {
                        h.update(lastLine(), autosync.paused());
                    }
                },
                () -> Platform.runLater(quit));
        Consumer<String> statusLater = line -> Platform.runLater(() -> status.accept(line));
        ctx.tasks().run("tray", () -> install(preferred, menu, statusLater), this::installed, e -> mode.set("none"));
        if (autosync instanceof LabelledAutosync labelled) {
            labelled.addListener(this::onRun);
        } else {
            autosync.addListener(r -> onRun("", r));
        }
        ctx.services().onEvent(events::add);
        // Events that arrive within a couple of seconds of each other are told together.
        eventTimer.scheduleWithFixedDelay(this::tellEvents, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void tellEvents() {
        TrayHost h = host;
        if (h == null || events.isEmpty()) {
            return;
        }
        java.util.Set<String> off = new java.util.HashSet<>();
        for (String kind : io.lumasync.sync.Notifications.EVENTS) {
            try {
                String state = ctx.services().uiState("notify." + kind)
                        .orElse(io.lumasync.sync.Notifications.DESKTOP_DEFAULT.contains(kind) ? "on" : "off");
                if (state.equals("off")) {
                    off.add(kind);
                }
            } catch (io.lumasync.core.LumasyncException | RuntimeException e) {
                // a setting that cannot be read leaves the kind on
            }
        }
        for (EventNotices.Notice n : events.take(off)) {
            h.notify(n.title(), n.text(), n.warning());
        }
    }

    private void installed(TrayHost chosen) {
        host = chosen;
        mode.set(chosen.kind());
        chosen.update(lastLine(), autosync.paused());
        if (chosen instanceof NoTrayHost) {
            status.accept(Messages.get("tray.none.status"));
        }
    }

    /**
     * Installs the preferred host, or falls back to {@link NoTrayHost} when it is absent or finds no tray.
     * Blocking (AWT start-up); call off the FX thread.
     */
    static TrayHost install(TrayHost preferred, TrayMenu menu, Consumer<String> status) {
        if (preferred != null && preferred.install(menu)) {
            return preferred;
        }
        return new NoTrayHost(status);
    }

    private String lastLine() {
        return autosync.lastRun().map(Texts::summary).orElse(Messages.get("tray.noRunYet"));
    }

    /** @param workspace the display name of the run's workspace, "" when there is only one */
    private void onRun(String workspace, RunReport report) {
        TrayHost h = host;
        if (h == null) {
            return;
        }
        h.update(named(workspace, Texts.summary(report)), autosync.paused());
        for (AttentionNotices.Notice n : attention.after(report)) {
            h.notify(named(workspace, n.title()), n.text(), true, () -> Platform.runLater(() -> {
                ctx.windows().showMain();
                ctx.windows().showPage(n.page());
            }));
        }
        if (report.failed() > 0 && !AttentionNotices.explainsFailures(report)) {
            h.notify(named(workspace, Messages.get("tray.failed.title", report.failed())),
                    Messages.get("tray.failed.text", Texts.summary(report)), true);
        }
    }

    /** "Acme: 3 images failed" when the run belongs to a named workspace. */
    static String named(String workspace, String text) {
        return workspace.isEmpty() ? text : Messages.get("tray.workspace", workspace, text);
    }

    /**
     * Called when the user closes the main window.
     *
     * @return true when the close was handled here (the window hides or minimises instead of closing)
     */
    public boolean onWindowClosing(boolean keepRunning) {
        if (!keepRunning) {
            quit.run();
            return true;
        }
        TrayHost h = host;
        if (h instanceof NoTrayHost || h == null) {
            ctx.windows().mainStage().setIconified(true);
            if (!toldAboutClose) {
                toldAboutClose = true;
                h = h == null ? new NoTrayHost(status) : h;
                h.notify(Messages.get("tray.stillRunning"), Messages.get("tray.stillRunning.minimised"), false);
            }
            return true;
        }
        ctx.windows().hideMain();
        if (!toldAboutClose) {
            toldAboutClose = true;
            h.notify(Messages.get("tray.stillRunning"), Messages.get("tray.stillRunning.tray"), false);
        }
        return true;
    }

    /** "starting", "awt" or "none". */
    public ReadOnlyStringProperty modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public void stop() {
        eventTimer.shutdownNow();
        TrayHost h = host;
        if (h != null) {
            h.remove();
        }
    }
}
