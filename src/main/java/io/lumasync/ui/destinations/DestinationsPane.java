package io.lumasync.ui.destinations;

import io.lumasync.core.AdapterType;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.ui.common.AdapterListPane;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.ConfigForm;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.StatusCell;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;

/** Destinations: a list with status and last error, a form generated from the destination type, and Test. */
public final class DestinationsPane extends AdapterListPane<DestinationInfo, DestinationsViewModel> {
    private static final Words WORDS = new Words("destination", "Destinations",
            "Where Lumasync publishes images. Passwords and keys are kept in the system keychain.",
            "A destination is where Lumasync publishes: a folder, a WordPress site, S3-compatible storage or a "
                    + "webhook. Fill in the form on the right and press Save; WordPress can be approved on the "
                    + "site's own page with its Connect button.",
            "Save these settings (secrets go to the keychain)",
            "Lumasync forgets this destination and its keychain entries. Files already published stay where they are.");

    public DestinationsPane(AppContext ctx) {
        super(ctx, new DestinationsViewModel(ctx.services(), ctx.tasks()), DestinationTypes.all(), WORDS);
        Button test = Fx.button("destination-test", "_Test", "Connect and check what this destination accepts",
                () -> vm.test(editor.name()));
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
