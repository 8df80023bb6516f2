package io.lumasync.ui.destinations;

import io.lumasync.core.AdapterType;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.ui.common.AdapterListPane;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.ConfigForm;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.StatusCell;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;

/** Destinations: a list with status and last error, a form generated from the destination type, and Test. */
public final class DestinationsPane extends AdapterListPane<DestinationInfo, DestinationsViewModel> {
    /** Read when the pane is built, so the words follow the bundle in use then. */
    private static Words words() {
        return new Words("destination", Messages.get("destinations.title"),
                Messages.get("destinations.subtitle"), Messages.get("destinations.empty.title"),
                Messages.get("destinations.empty.text"), Messages.get("destinations.addFirst"),
                Messages.get("destinations.addFirst.tooltip"), Messages.get("destinations.add.tooltip"),
                Messages.get("destinations.remove.tooltip"), Messages.get("destinations.save.tooltip"),
                Messages.get("destinations.remove.warning"));
    }

    public DestinationsPane(AppContext ctx) {
        super(ctx, new DestinationsViewModel(ctx.services(), ctx.tasks()), DestinationTypes.all(), words());
        Button test = Fx.button("destination-test", Messages.get("destinations.test"),
                Messages.get("destinations.test.tooltip"), () -> vm.test(editor.name()));
        test.disableProperty().bind(nothingSelected());
        action(test);
    }

    @Override
    protected ListCell<DestinationInfo> cell() {
        return new StatusCell<>(DestinationInfo::name, DestinationInfo::typeId, DestinationInfo::status,
                DestinationInfo::lastError);
    }

    @Override
    protected void save(String name, AdapterType<?> type, ConfigForm form) {
        vm.save(name, type.id(), form.settings(), form.secrets());
    }
}
