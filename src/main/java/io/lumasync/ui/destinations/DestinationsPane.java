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
import io.lumasync.sync.alt.AltMode;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
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
        editor.extras(altText());
    }

    /** Where the destination's alt text comes from, and whether new images wait until it is approved. */
    private TitledPane altText() {
        ComboBox<AltMode> mode = new ComboBox<>();
        mode.setId("destination-alt-mode");
        mode.getItems().setAll(AltMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(AltMode m) {
                return m == null ? "" : switch (m) {
                    case OFF -> Messages.get("destinations.alt.off");
                    case BASIC -> Messages.get("destinations.alt.basic");
                    case EMBEDDED -> Messages.get("destinations.alt.embedded");
                    case AI -> Messages.get("destinations.alt.ai");
                };
            }

            @Override
            public AltMode fromString(String text) {
                return mode.getItems().stream().filter(m -> toString(m).equals(text)).findFirst().orElse(null);
            }
        });
        mode.setTooltip(new Tooltip(Messages.get("destinations.alt.mode.tooltip")));
        mode.valueProperty().bindBidirectional(vm.altMode);
        CheckBox review = new CheckBox(Messages.get("destinations.alt.review"));
        review.setId("destination-alt-review");
        review.setTooltip(new Tooltip(Messages.get("destinations.alt.review.tooltip")));
        review.selectedProperty().bindBidirectional(vm.altReview);
        VBox box = new VBox(10, Fx.row(new Label(Messages.get("destinations.alt.mode")), mode), review,
                Fx.muted(Messages.get("destinations.alt.note")));
        TitledPane pane = new TitledPane(Messages.get("destinations.alt.title"), box);
        pane.setCollapsible(false);
        return pane;
    }

    @Override
    protected void selected(DestinationInfo item) {
        vm.loadAltText(item.name());
    }

    @Override
    protected void cleared() {
        vm.loadAltText(null);
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
