package io.lumasync.ui.settings;

import io.lumasync.core.OutputFormat;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.PaneView;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

import java.util.List;

/** Settings: theme, encode defaults, metadata, alt text, the AI service, tray and start-up, where data lives. */
public final class SettingsPane implements PaneView {
    private final SettingsViewModel vm;
    private final AiSettingsViewModel ai;
    private final VBox root;

    public SettingsPane(AppContext ctx) {
        vm = new SettingsViewModel(ctx.services(), ctx.tasks());
        ai = new AiSettingsViewModel(ctx.services(), ctx.tasks());
        ComboBox<String> theme = combo("settings-theme", List.of("system", "light", "dark"),
                Messages.get("settings.theme.tooltip"));
        theme.valueProperty().bindBidirectional(vm.theme);
        // Preview the theme at once; Save keeps it.
        theme.valueProperty().addListener((o, a, t) -> ctx.theme().use(t));
        ComboBox<OutputFormat> format = new ComboBox<>();
        format.setId("settings-format");
        format.getItems().setAll(OutputFormat.values());
        format.valueProperty().bindBidirectional(vm.format);
        format.setTooltip(new Tooltip(Messages.get("settings.format.tooltip")));
        ComboBox<String> quality = combo("settings-quality", List.of("high", "balanced", "small", "fast", "90", "85", "80",
                "75"), Messages.get("settings.quality.tooltip"));
        quality.setEditable(true);
        quality.valueProperty().bindBidirectional(vm.quality);
        Spinner<Integer> maxSize = new Spinner<>(0, 20000, 2048, 256);
        maxSize.setId("settings-max-size");
        maxSize.setEditable(true);
        maxSize.setTooltip(new Tooltip(Messages.get("settings.maxSize.tooltip")));
        maxSize.getValueFactory().valueProperty().addListener((o, a, v) -> vm.maxSize.set(v));
        vm.maxSize.addListener((o, a, v) -> maxSize.getValueFactory().setValue(v.intValue()));
        CheckBox gps = new CheckBox(Messages.get("settings.metadata.private"));
        gps.setId("settings-strip-gps");
        gps.selectedProperty().bindBidirectional(vm.stripGps);
        CheckBox all = new CheckBox(Messages.get("settings.metadata.all"));
        all.setId("settings-strip-all");
        all.selectedProperty().bindBidirectional(vm.stripAll);
        ComboBox<String> alt = combo("settings-alt-text", List.of("filename", "empty", "ask"),
                Messages.get("settings.altText.tooltip"));
        alt.valueProperty().bindBidirectional(vm.altTextMode);
        ToggleSwitch tray = new ToggleSwitch();
        tray.setId("settings-keep-in-tray");
        tray.selectedProperty().bindBidirectional(vm.keepInTray);
        ToggleSwitch login = new ToggleSwitch();
        login.setId("settings-start-at-login");
        login.selectedProperty().bindBidirectional(vm.startAtLogin);
        Label data = new Label();
        data.setId("settings-data-dir");
        data.textProperty().bind(vm.dataDir);
        Button open = Fx.button("settings-open-data", Messages.get("settings.openData"), Messages.get("settings.openData.tooltip"),
                () -> ctx.windows().open(java.nio.file.Path.of(vm.dataDir.get()).toUri().toString()));
        Button logs = Fx.button("settings-open-logs", Messages.get("settings.openLogs"),
                Messages.get("settings.openLogs.tooltip"), () -> vm.openLogFolder(ctx.windows()::open));
        Label vault = new Label();
        vault.textProperty().bind(vm.vault);

        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(10);
        int r = 0;
        g.addRow(r++, section(Messages.get("settings.section.appearance")));
        g.addRow(r++, new Label(Messages.get("settings.theme")), theme);
        g.addRow(r++, section(Messages.get("settings.section.defaults")));
        g.addRow(r++, new Label(Messages.get("settings.format")), format);
        g.addRow(r++, new Label(Messages.get("settings.quality")), quality);
        g.addRow(r++, new Label(Messages.get("settings.maxSize")), maxSize);
        g.addRow(r++, new Label(Messages.get("settings.metadata")), gps);
        g.addRow(r++, new Label(""), all);
        g.addRow(r++, new Label(Messages.get("settings.altText")), alt);
        g.addRow(r++, section(Messages.get("settings.section.running")));
        g.addRow(r++, new Label(Messages.get("settings.keepInTray")), tray);
        g.addRow(r++, new Label(Messages.get("settings.startAtLogin")), login);
        g.addRow(r++, section(Messages.get("settings.section.storage")));
        g.addRow(r++, new Label(Messages.get("settings.dataFolder")), Fx.row(data, open, logs));
        g.addRow(r++, new Label(Messages.get("settings.vault")), vault);
        g.add(Fx.muted(Messages.get("settings.dataFolder.note")), 1, r++);

        Button save = Fx.button("settings-save", Messages.get("common.save"), Messages.get("settings.save.tooltip"),
                () -> vm.save(() -> ctx.theme().use(vm.theme.get())));
        save.getStyleClass().add("accent");
        Label message = new Label();
        message.setId("settings-message");
        message.textProperty().bind(vm.message);
        // The AI section keeps its own Save: its key and address are checked by the service apart from the rest.
        GridPane aiGrid = new GridPane();
        aiGrid.setHgap(14);
        aiGrid.setVgap(10);
        aiGrid.addRow(0, section(Messages.get("settings.section.ai")));
        AiSection.addTo(aiGrid, 1, ai);
        VBox content = new VBox(14, Fx.title(Messages.get("settings.title")), g, Fx.row(save, message), aiGrid);
        content.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("settings-scroll");
        scroll.setFitToWidth(true);
        root = new VBox(scroll);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("title-4");
        l.setPadding(new Insets(8, 0, 0, 0));
        return l;
    }

    private static <T> ComboBox<T> combo(String id, List<T> items, String tip) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        c.setTooltip(new Tooltip(tip));
        return c;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        vm.load();
        ai.load();
    }

    SettingsViewModel viewModel() {
        return vm;
    }

    AiSettingsViewModel aiViewModel() {
        return ai;
    }
}
