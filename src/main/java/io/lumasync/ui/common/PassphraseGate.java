package io.lumasync.ui.common;

import io.lumasync.ui.common.engine.AppServices;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Stands before a save that stores passwords: when this computer has no usable keychain and no vault passphrase
 * yet, the password would be forgotten when Lumasync closes, so the view is asked for a passphrase first (the
 * encrypted password file then keeps it) and the save runs once the file is open.
 */
public final class PassphraseGate {
    private final AppServices services;
    private final Tasks tasks;
    private final BooleanProperty asking = new SimpleBooleanProperty();
    private Runnable waiting;

    public PassphraseGate(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
    }

    /** Runs {@code save} at once when it stores no password or the password would last; else asks first. */
    public void guard(boolean storesSecrets, Runnable save, Consumer<Throwable> fail) {
        if (!storesSecrets) {
            save.run();
            return;
        }
        tasks.run("check where passwords are kept", services::vaultNeedsPassphrase, needs -> {
            if (needs) {
                waiting = save;
                asking.set(true);
            } else {
                save.run();
            }
        }, fail);
    }

    /** The passphrase the user typed: opens the password file with it, then runs the waiting save. */
    public void answer(char[] passphrase, Consumer<Throwable> fail) {
        Runnable save = waiting;
        waiting = null;
        asking.set(false);
        tasks.runVoid("open the password file", () -> {
            try {
                services.useVaultPassphrase(passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }, () -> {
            if (save != null) {
                save.run();
            }
        }, fail);
    }

    /** The user declined: the save is dropped, nothing is stored. */
    public void cancel() {
        waiting = null;
        asking.set(false);
    }

    /** Lets a pane answer: a passphrase dialog opens whenever a save waits, its answer goes to {@code use}. */
    public void askWith(Windows windows, Consumer<char[]> use, Runnable decline) {
        asking.addListener((o, was, now) -> {
            if (now) {
                // A dialog is never opened inside the callback that raised the question.
                Platform.runLater(() -> windows.askPassphrase(Messages.get("common.passphrase.title"),
                        Messages.get("common.passphrase.text")).ifPresentOrElse(use, decline));
            }
        });
    }

    /** True while a save waits for the view to ask for a passphrase. */
    public ReadOnlyBooleanProperty askingProperty() {
        return asking;
    }
}
