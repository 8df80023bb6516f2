package io.lumasync.ui.upload;

import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.DestinationPicker;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.PaneView;
import io.lumasync.ui.common.Presets;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.UiSettings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;

/** Upload: drop files anywhere on the window, give each alt text, publish, see the result per file. */
public final class UploadPane implements PaneView {
    private final AppContext ctx;
    private final UploadViewModel vm;
    private final DestinationPicker destinations = new DestinationPicker("upload-destinations");
    private final ComboBox<String> preset = new ComboBox<>();
    private final BorderPane root = new BorderPane();
    private UiSettings settings;

    public UploadPane(AppContext ctx) {
        this.ctx = ctx;
        this.vm = new UploadViewModel(ctx.services(), ctx.tasks());
        Label hint = new Label(Messages.get("upload.hint"));
        hint.getStyleClass().add("title-4");
        Button choose = Fx.button("upload-choose", Messages.get("upload.choose"), Messages.get("upload.choose.tooltip"),
                () -> addFiles(ctx.windows().chooseImages()));
        VBox drop = new VBox(8, hint, Fx.muted(Messages.get("upload.hint.folders")),
                choose);
        drop.getStyleClass().add("drop-zone");

        ListView<UploadItem> list = new ListView<>(vm.queue());
        list.setId("upload-queue");
        list.setCellFactory(v -> new UploadCell(ctx.thumbnails(), ctx.windows()::open));
        list.setPlaceholder(Fx.muted(Messages.get("upload.empty")));

        preset.setId("upload-preset");
        preset.getItems().setAll(Presets.names());
        preset.setValue(Presets.defaultName());
        preset.setTooltip(new Tooltip(Messages.get("upload.preset.tooltip")));
        Button upload = Fx.button("upload-start", Messages.get("upload.start"), Messages.get("upload.start.tooltip"),
                () -> vm.upload(destinations.checked(), Presets.resolve(preset.getValue(), defaults())));
        upload.getStyleClass().add("accent");
        upload.disableProperty().bind(vm.runningProperty());
        Button clear = Fx.button("upload-clear", Messages.get("upload.clear"), Messages.get("upload.clear.tooltip"),
                vm::clearFinished);
        ProgressBar bar = new ProgressBar();
        bar.setId("upload-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(160);
        Label message = new Label();
        message.setId("upload-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        HBox syncBar = Fx.row(new Label(Messages.get("upload.to")), destinations.view(), preset, upload, clear, Fx.spacer(), bar);
        syncBar.getStyleClass().add("sync-bar");

        root.setTop(new VBox(10, Fx.title(Messages.get("upload.title")), drop));
        root.setCenter(list);
        root.setBottom(new VBox(6, message, syncBar));
        BorderPane.setMargin(list, new Insets(12, 0, 8, 0));
        root.setPadding(new Insets(16));
    }

    private io.lumasync.core.EncodeSettings defaults() {
        return settings == null ? io.lumasync.core.EncodeSettings.defaults() : settings.defaults();
    }

    /** Queues files from a drop, a file dialog, the command line or a second launch. */
    public void addFiles(List<Path> files) {
        vm.addFiles(files);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        destinations.refresh(ctx.tasks(), ctx.services());
        ctx.tasks().run("settings", ctx.services()::settings, s -> {
            settings = s;
            vm.setAltTextMode(s.altTextMode());
        }, e -> vm.messageProperty().set(Texts.error(e)));
    }

    UploadViewModel viewModel() {
        return vm;
    }
}
