package io.lumasync.ui.sources;

import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.SourceInfo;
import io.lumasync.ui.common.AdapterListViewModel;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.engine.AppServices;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;

/** State of the Sources pane, with the destination names a source can publish to. */
public final class SourcesViewModel extends AdapterListViewModel<SourceInfo> {
    private final ObservableList<String> destinationNames = FXCollections.observableArrayList();

    public SourcesViewModel(AppServices services, Tasks tasks) {
        super(services, tasks, "source", services::sources, services::removeSource,
                name -> Messages.get("sources.removed", name));
    }

    record Lists(List<SourceInfo> sources, List<DestinationInfo> destinations) {
    }

    @Override
    public void refresh() {
        tasks.run("list sources", () -> new Lists(services.sources(), services.destinations()), l -> {
            items().setAll(l.sources());
            destinationNames.setAll(l.destinations().stream().map(DestinationInfo::name).toList());
        }, this::fail);
    }

    public void save(SourceInfo info, Map<String, String> secrets) {
        if (info.destinations().isEmpty()) {
            refuse(Messages.get("sources.noDestination", info.name()));
            return;
        }
        save(info.name(), secrets, () -> services.addSource(info, secrets),
                Messages.get("sources.saved", info.name()));
    }

    public ObservableList<SourceInfo> sources() {
        return items();
    }

    public ObservableList<String> destinationNames() {
        return destinationNames;
    }
}
