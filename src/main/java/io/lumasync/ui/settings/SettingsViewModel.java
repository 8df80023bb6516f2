package io.lumasync.ui.settings;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.LogFile;
import io.lumasync.core.MetadataPolicy;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.platform.Autostart;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.AppServices;
import io.lumasync.ui.common.engine.UiSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The Settings form's state: loaded from and saved to the engine. */
public final class SettingsViewModel {
    private final AppServices services;
    private final Tasks tasks;
    final StringProperty theme = new SimpleStringProperty("system");
    final ObjectProperty<OutputFormat> format = new SimpleObjectProperty<>(OutputFormat.AUTO);
    final StringProperty quality = new SimpleStringProperty("high");
    final IntegerProperty maxSize = new SimpleIntegerProperty(EncodeSettings.DEFAULT_MAX_SIZE);
    final BooleanProperty stripGps = new SimpleBooleanProperty(true);
    final BooleanProperty stripAll = new SimpleBooleanProperty(false);
    final StringProperty altTextMode = new SimpleStringProperty("filename");
    final BooleanProperty keepInTray = new SimpleBooleanProperty(true);
    final BooleanProperty startAtLogin = new SimpleBooleanProperty(false);
    final StringProperty dataDir = new SimpleStringProperty("");
    final StringProperty vault = new SimpleStringProperty("");
    final StringProperty message = new SimpleStringProperty("");
    private UiSettings loaded;

    private final Autostart autostart;

    public SettingsViewModel(AppServices services, Tasks tasks) {
        this(services, tasks, Autostart.forThisSystem());
    }

    SettingsViewModel(AppServices services, Tasks tasks, Autostart autostart) {
        this.services = services;
        this.tasks = tasks;
        this.autostart = autostart;
    }

    record Loaded(UiSettings settings, String vault) {
    }

    /**
     * Shows the folder of the log files with {@code opener} (the file manager), making it first when nothing was
     * logged yet, so the button never leads nowhere.
     */
    public void openLogFolder(Consumer<String> opener) {
        if (dataDir.get().isEmpty()) {
            return;
        }
        Path folder = LogFile.of(Path.of(dataDir.get())).getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            message.set(Messages.get("settings.logFolderFailed", folder, e.getMessage()));
            return;
        }
        opener.accept(folder.toUri().toString());
    }

    public void load() {
        tasks.run("load settings", () -> new Loaded(services.settings(), services.vaultBackend()), l -> {
            UiSettings s = l.settings();
            loaded = s;
            theme.set(s.theme());
            format.set(s.defaults().format());
            quality.set(s.defaults().quality().token());
            maxSize.set(s.defaults().maxSize());
            stripGps.set(s.defaults().metadata() != MetadataPolicy.KEEP_ALL);
            stripAll.set(s.defaults().metadata() == MetadataPolicy.STRIP_ALL);
            altTextMode.set(s.altTextMode());
            keepInTray.set(s.keepInTray());
            startAtLogin.set(s.startAtLogin());
            dataDir.set(s.dataDir().toString());
            vault.set(l.vault());
        }, e -> message.set(Texts.error(e)));
    }

    /** The settings as the form shows them now. */
    public UiSettings current() {
        MetadataPolicy meta = stripAll.get() ? MetadataPolicy.STRIP_ALL
                : stripGps.get() ? MetadataPolicy.WEB_SAFE : MetadataPolicy.KEEP_ALL;
        EncodeSettings base = loaded == null ? EncodeSettings.defaults() : loaded.defaults();
        EncodeSettings enc = base.withFormat(format.get()).withQuality(Quality.parse(quality.get()))
                .withMaxSize(maxSize.get()).withMetadata(meta);
        Path dir = loaded == null ? Path.of(dataDir.get()) : loaded.dataDir();
        return new UiSettings(enc, theme.get(), altTextMode.get(), keepInTray.get(), startAtLogin.get(), dir);
    }

    public void save(Runnable afterSave) {
        UiSettings s;
        try {
            s = current();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage() + ".");
            return;
        }
        boolean loginChanged = loaded == null || loaded.startAtLogin() != s.startAtLogin();
        tasks.run("save settings", () -> {
            services.saveSettings(s);
            return loginChanged ? autostart.apply(s.startAtLogin()) : "";
        }, note -> {
            loaded = s;
            message.set(note.isEmpty() ? Messages.get("settings.saved") : Messages.get("settings.saved") + " " + note);
            afterSave.run();
        }, e -> message.set(Texts.error(e)));
    }
}
