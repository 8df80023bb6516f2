package io.lumasync.tray;

/**
 * What the tray menu does. Actions are called from the tray toolkit's thread; they hop to the FX thread
 * themselves where needed.
 */
public record TrayMenu(Runnable open, Runnable syncNow, Runnable togglePause, Runnable quit) {
}
