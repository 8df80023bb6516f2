package io.lumasync.ui.sources;

import io.lumasync.core.AdapterType;
import io.lumasync.source.SourceTypes;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.common.AdapterListPane;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.ConfigForm;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Intervals;
import io.lumasync.ui.common.StatusCell;
import io.lumasync.ui.common.Texts;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sources: where images come from, where each one publishes to, and its autosync mode. */
public final class SourcesPane extends AdapterListPane<SourceInfo, SourcesViewModel> {
    private static final Words WORDS = new Words("source", "Sources",
            "Folders and accounts Lumasync reads images from, and where each one publishes.",
            "A source is where your images live: an export folder, Dropbox, Google Drive or a custom API. "
                    + "Choose its type in the form, tick where it publishes to, and press Save; Browse then shows "
                    + "its images.",
            "Save this source",
            "Lumasync stops reading this source. Images already published stay where they are.");

    private final FlowPane destinationBoxes = new FlowPane(12, 6);
    private final CheckBox watch = new CheckBox("Watch for changes (sync as soon as files change)");
    private final ComboBox<String> interval = new ComboBox<>();
    private final CheckBox propagateDeletes = new CheckBox("Remove published copies when a file is deleted here");
    private List<String> ticked = List.of();

    public SourcesPane(AppContext ctx) {
        super(ctx, new SourcesViewModel(ctx.services(), ctx.tasks()), SourceTypes.all(), WORDS);
        interval.setId("source-interval");
        interval.getItems().add("Off");
        interval.getItems().addAll(Intervals.labels());
        interval.setValue("Off");
        interval.setTooltip(new Tooltip("How often autosync checks this source"));
        watch.setId("source-watch");
        propagateDeletes.setId("source-propagate-deletes");
        destinationBoxes.setId("source-destinations");
        VBox extras = new VBox(10, new Label("Publish to"), destinationBoxes, watch,
                Fx.row(new Label("Check every"), interval), propagateDeletes);
        TitledPane sync = new TitledPane("Sync", extras);
        sync.setCollapsible(false);
        editor.extras(sync);
        vm.destinationNames().addListener((ListChangeListener<String>) c -> fillDestinations());
    }

    @Override
    protected ListCell<SourceInfo> cell() {
        return new StatusCell<>(SourceInfo::name, SourceInfo::typeId,
                s -> "→ " + String.join(", ", s.destinations()) + " · autosync " + (s.watch() ? "watching"
                        : Texts.interval(s.interval())), s -> Optional.empty());
    }

    @Override
    protected void selected(SourceInfo s) {
        ticked = s.destinations();
        watch.setSelected(s.watch());
        interval.setValue(Texts.interval(s.interval()));
        propagateDeletes.setSelected(s.propagateDeletes());
        fillDestinations();
    }

    @Override
    protected void cleared() {
        ticked = List.of();
        watch.setSelected(false);
        interval.setValue("Off");
        propagateDeletes.setSelected(false);
        fillDestinations();
    }

    private void fillDestinations() {
        destinationBoxes.getChildren().clear();
        for (String d : vm.destinationNames()) {
            CheckBox b = new CheckBox(d);
            b.setId("source-dest-" + d);
            b.setSelected(ticked.contains(d) || (ticked.isEmpty() && vm.destinationNames().size() == 1));
            destinationBoxes.getChildren().add(b);
        }
        if (vm.destinationNames().isEmpty()) {
            destinationBoxes.getChildren().add(Fx.muted("Add a destination first (Destinations pane)."));
        }
    }

    @Override
    protected void save(String name, AdapterType<?> type, ConfigForm form) {
        List<String> dests = new ArrayList<>();
        destinationBoxes.getChildren().forEach(n -> {
            if (n instanceof CheckBox b && b.isSelected()) {
                dests.add(b.getText());
            }
        });
        SourceInfo base = selection().orElseGet(() -> SourceInfo.of(name, type.id(), form.settings(), dests));
        vm.save(new SourceInfo(name, type.id(), form.settings(), dests, base.encode(), watch.isSelected(),
                Intervals.parse(interval.getValue()), propagateDeletes.isSelected(), base.deleteShare(),
                base.lastRunAt(), base.lastError()), form.secrets());
    }
}
