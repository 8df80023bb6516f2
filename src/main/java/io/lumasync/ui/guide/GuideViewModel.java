package io.lumasync.ui.guide;

import io.lumasync.core.LumasyncException;
import io.lumasync.store.ActivityEvent;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.SyncService;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.engine.AppServices;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The first-run guide's state: which of the three steps are done, read from the engine (sources, destinations,
 * the activity log), and whether the guide ended. Once the user finishes or skips it, that is written to the
 * engine's settings store and the guide never shows again for this data folder.
 */
public final class GuideViewModel {
    /** Stored as "ui.firstRunGuide" = "done" or "skipped". */
    static final String KEY = "firstRunGuide";

    public enum Step { SOURCE, DESTINATION, SYNC }

    private final AppServices services;
    private final Tasks tasks;
    /** Off until the first check: a guide that flashes up and vanishes for a returning user would be noise. */
    final BooleanProperty showing = new SimpleBooleanProperty(false);
    final ObjectProperty<Set<Step>> done = new SimpleObjectProperty<>(EnumSet.noneOf(Step.class));
    /** The step to do next; empty when all are done. */
    final ObjectProperty<Optional<Step>> current = new SimpleObjectProperty<>(Optional.of(Step.SOURCE));
    private boolean ended;

    public GuideViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
    }

    /** Reads where the user is; ends the guide for good once every step is done. */
    public void refresh() {
        if (ended) {
            return;
        }
        tasks.run("first-run guide", this::read, this::apply, e -> { });
    }

    private record Progress(boolean ended, Set<Step> done) {
    }

    private Progress read() throws LumasyncException {
        if (services.uiState(KEY).isPresent()) {
            return new Progress(true, EnumSet.allOf(Step.class));
        }
        Set<Step> steps = EnumSet.noneOf(Step.class);
        boolean anySource = !services.sources().isEmpty();
        if (anySource) {
            steps.add(Step.SOURCE);
        }
        // The default "local" folder exists without the user choosing it; a source picks its destinations, so a
        // source (or a destination the user added) means this step was taken.
        boolean ownDestination = services.destinations().stream().map(DestinationInfo::name)
                .anyMatch(n -> !n.equals(SyncService.DEFAULT_DESTINATION));
        if (anySource || ownDestination) {
            steps.add(Step.DESTINATION);
        }
        if (services.activity(Optional.empty(), false).stream().map(ActivityEvent::kind)
                .anyMatch(k -> k.equals("synced") || k.equals("replaced"))) {
            steps.add(Step.SYNC);
        }
        if (steps.containsAll(EnumSet.allOf(Step.class))) {
            services.saveUiState(KEY, "done");
            return new Progress(true, steps);
        }
        return new Progress(false, steps);
    }

    private void apply(Progress p) {
        ended = ended || p.ended();
        done.set(p.done());
        current.set(EnumSet.allOf(Step.class).stream().filter(s -> !p.done().contains(s)).findFirst());
        showing.set(!ended);
    }

    /** The user does not want the guide: it goes now and does not come back. */
    public void skip() {
        ended = true;
        showing.set(false);
        tasks.run("skip the guide", () -> {
            services.saveUiState(KEY, "skipped");
            return null;
        }, v -> { }, e -> { });
    }

    public boolean isShowing() {
        return showing.get();
    }
}
