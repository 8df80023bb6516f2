package io.lumasync.ui.common;

import io.lumasync.sync.DestinationInfo;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.CheckComboBox;

import java.util.List;

/** Pick one or more destinations; refreshed from the engine whenever its pane is shown. */
public final class DestinationPicker {
    private final CheckComboBox<String> box = new CheckComboBox<>();

    public DestinationPicker(String id) {
        box.setId(id);
        // The title always names what is ticked: the control's own label misses ticks made before it is shown.
        var checked = box.getCheckModel().getCheckedItems();
        box.titleProperty().bind(Bindings.createStringBinding(
                () -> checked.isEmpty() ? Messages.get("common.picker.none") : String.join(", ", checked), checked));
        box.setShowCheckedCount(false);
        box.setTooltip(new Tooltip(Messages.get("common.picker.tooltip")));
        box.setMinWidth(200);
    }

    public CheckComboBox<String> view() {
        return box;
    }

    /** Replaces the choices, keeping what was ticked; a single destination is ticked for the user. */
    public void setDestinations(List<DestinationInfo> all) {
        List<String> kept = List.copyOf(box.getCheckModel().getCheckedItems());
        box.getItems().setAll(all.stream().map(DestinationInfo::name).toList());
        for (String k : kept) {
            box.getCheckModel().check(k);
        }
        if (box.getItems().size() == 1) {
            box.getCheckModel().check(0);
        }
    }

    public void refresh(Tasks tasks, io.lumasync.ui.common.engine.AppServices services) {
        tasks.run("list destinations", services::destinations, this::setDestinations, e -> {
        });
    }

    public List<String> checked() {
        return List.copyOf(box.getCheckModel().getCheckedItems());
    }

    public void check(String name) {
        box.getCheckModel().check(name);
    }
}
