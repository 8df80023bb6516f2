package io.lumasync.ui.sources;

import io.lumasync.core.AdapterType;
import io.lumasync.source.SourceTypes;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.common.AdapterListPane;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.ConfigForm;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Intervals;
import io.lumasync.ui.common.Messages;
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
    /** Read when the pane is built, so the words follow the bundle in use then. */
    private static Words words() {
        return new Words("source", Messages.get("sources.title"),
                Messages.get("sources.subtitle"), Messages.get("sources.empty.title"), Messages.get("sources.empty.text"),
                Messages.get("sources.addFirst"), Messages.get("sources.addFirst.tooltip"),
                Messages.get("sources.add.tooltip"), Messages.get("sources.remove.tooltip"),
                Messages.get("sources.save.tooltip"), Messages.get("sources.remove.warning"));
    }

    private final FlowPane destinationBoxes = new FlowPane(12, 6);
    private final CheckBox watch = new CheckBox(Messages.get("sources.watch"));
    private final ComboBox<String> interval = new ComboBox<>();
    private final CheckBox propagateDeletes = new CheckBox(Messages.get("sources.propagateDeletes"));
    private List<String> ticked = List.of();

    public SourcesPane(AppContext ctx) {
        super(ctx, new SourcesViewModel(ctx.services(), ctx.tasks()), SourceTypes.all(), words());
        interval.setId("source-interval");
        interval.getItems().add(Intervals.off());
        interval.getItems().addAll(Intervals.labels());
        interval.setValue(Intervals.off());
        interval.setTooltip(new Tooltip(Messages.get("sources.interval.tooltip")));
        watch.setId("source-watch");
        propagateDeletes.setId("source-propagate-deletes");
        destinationBoxes.setId("source-destinations");
        VBox extras = new VBox(10, new Label(Messages.get("sources.publishTo")), destinationBoxes, watch,
                Fx.row(new Label(Messages.get("sources.checkEvery")), interval), propagateDeletes);
        TitledPane sync = new TitledPane(Messages.get("sources.sync"), extras);
        sync.setCollapsible(false);
        editor.extras(sync);
        vm.destinationNames().addListener((ListChangeListener<String>) c -> fillDestinations());
    }

    @Override
    protected ListCell<SourceInfo> cell() {
        return new StatusCell<>(SourceInfo::name, SourceInfo::typeId,
                s -> Messages.get("sources.row", String.join(", ", s.destinations()),
                        s.watch() ? Messages.get("sources.row.watching") : Texts.interval(s.interval())),
                s -> Optional.empty());
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
        interval.setValue(Intervals.off());
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
            destinationBoxes.getChildren().add(Fx.muted(Messages.get("sources.noDestinations")));
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
