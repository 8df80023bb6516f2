package io.lumasync.ui.destinations;

import io.lumasync.destination.Capabilities;
import io.lumasync.sync.AltTextSetup;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.alt.AltMode;
import io.lumasync.ui.common.AdapterListViewModel;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.engine.AppServices;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.util.Map;
import java.util.stream.Collectors;

/** State of the Destinations pane; all engine calls go through {@link Tasks}. */
public final class DestinationsViewModel extends AdapterListViewModel<DestinationInfo> {

    public DestinationsViewModel(AppServices services, Tasks tasks) {
        super(services, tasks, "destination", services::destinations, services::removeDestination,
                name -> Messages.get("destinations.removed", name));
    }

    /** The selected destination's alt-text mode and review switch, as the editor shows them. */
    final ObjectProperty<AltMode> altMode = new SimpleObjectProperty<>(AltMode.OFF);
    final BooleanProperty altReview = new SimpleBooleanProperty(false);

    public void save(String name, String typeId, Map<String, String> settings, Map<String, String> secrets) {
        AltTextSetup alt = new AltTextSetup(altMode.get() == null ? AltMode.OFF : altMode.get(), altReview.get());
        save(name, secrets, () -> {
            services.addDestination(name, typeId, settings, secrets);
            services.saveAltTextSetup(name, alt);
        }, Messages.get("destinations.saved", name));
    }

    /** Shows the alt-text settings of a destination (those of a new one are off). */
    public void loadAltText(String name) {
        if (name == null) {
            altMode.set(AltMode.OFF);
            altReview.set(false);
            return;
        }
        tasks.run("alt text of " + name, () -> services.altTextSetup(name), a -> {
            altMode.set(a.mode());
            altReview.set(a.review());
        }, this::fail);
    }

    public void test(String name) {
        busyProperty().set(true);
        messageProperty().set(Messages.get("destinations.testing", name));
        failedProperty().set(false);
        tasks.run("test destination " + name, () -> services.testDestination(name),
                caps -> ok(Messages.get("destinations.works", name, describe(caps))), e -> {
                    fail(e);
                    refresh();
                });
    }

    static String describe(Capabilities c) {
        String formats = c.formats().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        String replace = switch (c.replace()) {
            case SAME_ID_SAME_URL -> Messages.get("destinations.replace.sameUrl");
            case SAME_ID_NEW_URL -> Messages.get("destinations.replace.newUrl");
            case PUT_THEN_REMOVE -> Messages.get("destinations.replace.putThenRemove");
            case NEW_ASSET_REPOINTED -> Messages.get("destinations.replace.newAssetRepointed");
        };
        String notes = c.notes().isEmpty() ? "" : " " + String.join(" ", c.notes());
        return Messages.get("destinations.accepts", formats, replace) + notes;
    }

    public ObservableList<DestinationInfo> destinations() {
        return items();
    }
}
