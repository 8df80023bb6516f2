package io.lumasync.ui.browse;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.LumasyncException;
import io.lumasync.sync.AssetStatus;
import io.lumasync.sync.BatchProgress;
import io.lumasync.sync.Eta;
import io.lumasync.sync.BrowseItem;
import io.lumasync.sync.RenamePreview;
import io.lumasync.sync.RenameReport;
import io.lumasync.sync.ItemProgress;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.SyncListener;
import io.lumasync.ui.common.Coalescer;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.AppServices;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Browse: the items of one source (or all), a folder and text filter, a selection, and "sync the selection"
 * with live progress. Selection is kept by key so it survives filtering and reloading.
 */
public final class BrowseViewModel {
    public static final String ALL_SOURCES = "";
    private final AppServices services;
    private final Tasks tasks;
    private final ObservableList<String> sourceNames = FXCollections.observableArrayList();
    private final ObservableList<BrowseItem> items = FXCollections.observableArrayList();
    private final FilteredList<BrowseItem> visible = new FilteredList<>(items);
    private final ObservableSet<String> selected = FXCollections.observableSet();
    private final ObservableList<String> folders = FXCollections.observableArrayList();
    final StringProperty source = new SimpleStringProperty(ALL_SOURCES);
    final StringProperty folder = new SimpleStringProperty("");
    final StringProperty filter = new SimpleStringProperty("");
    final StringProperty message = new SimpleStringProperty("");
    final StringProperty progressText = new SimpleStringProperty("");
    final DoubleProperty progress = new SimpleDoubleProperty(0);
    final BooleanProperty running = new SimpleBooleanProperty();
    final BooleanProperty cancelling = new SimpleBooleanProperty();
    private final CardProgress cards = new CardProgress();
    private volatile boolean cancelRequested;
    /** No source configured at all: the pane shows the first steps instead of an empty grid. */
    final BooleanProperty noSources = new SimpleBooleanProperty();

    public BrowseViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
        source.addListener((o, a, b) -> load());
        folder.addListener((o, a, b) -> applyFilter());
        filter.addListener((o, a, b) -> applyFilter());
    }

    public static String key(BrowseItem b) {
        return b.source() + "\u0000" + b.item().id();
    }

    public void refreshSources() {
        tasks.run("list sources", services::sources, list -> {
            sourceNames.setAll(list.stream().map(SourceInfo::name).toList());
            noSources.set(list.isEmpty());
            load();
        }, this::fail);
    }

    /** Asks, off the FX thread, what renaming {@code item} at {@code destination} by its file-name template does. */
    void previewRename(BrowseItem item, String destination, Consumer<RenamePreview> then,
                       Consumer<Throwable> failed) {
        tasks.run("rename-preview", () -> services.previewRename(item.source(), item.item().id(), destination),
                then, failed);
    }

    /** Renames {@code item} at {@code destination}, then reads the source again so the card shows the new address. */
    void rename(BrowseItem item, String destination, Consumer<RenameReport> then, Consumer<Throwable> failed) {
        tasks.run("rename", () -> services.renamePublished(item.source(), item.item().id(), destination), r -> {
            load();
            then.accept(r);
        }, failed);
    }

    /** Loads the items of the current source (all sources when none is chosen). */
    public void load() {
        String which = source.get();
        List<String> names = ALL_SOURCES.equals(which) ? List.copyOf(sourceNames) : List.of(which);
        message.set(Messages.get("common.loading"));
        tasks.run("browse", () -> {
            List<BrowseItem> all = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (String n : names) {
                try {
                    all.addAll(services.browse(n));
                } catch (LumasyncException e) {
                    problems.add(n + ": " + e.getMessage());
                }
            }
            return new Loaded(all, problems);
        }, l -> {
            if (!which.equals(source.get())) {
                return; // the user switched tabs while this loaded
            }
            items.setAll(l.items());
            TreeSet<String> fs = new TreeSet<>();
            l.items().forEach(b -> fs.add(b.item().folder()));
            folders.setAll(fs);
            selected.retainAll(l.items().stream().map(BrowseViewModel::key).toList());
            applyFilter();
            message.set(l.problems().isEmpty() ? summary() : String.join(" ", l.problems()));
        }, this::fail);
    }

    private record Loaded(List<BrowseItem> items, List<String> problems) {
    }

    private void applyFilter() {
        String f = folder.get() == null ? "" : folder.get();
        String t = filter.get() == null ? "" : filter.get().toLowerCase(Locale.ROOT).strip();
        visible.setPredicate(b -> (f.isEmpty() || b.item().folder().equals(f) || b.item().folder().startsWith(f + "/"))
                && (t.isEmpty() || b.item().name().toLowerCase(Locale.ROOT).contains(t)));
    }

    /** "12 images: 9 published, 2 changed since published, 1 not published yet." — the truth of the sync map, in words. */
    String summary() {
        if (items.isEmpty()) {
            return sourceNames.isEmpty() ? "" : Messages.get("browse.summary.noImages");
        }
        long failed = items.stream().filter(b -> b.status().containsValue(AssetStatus.FAILED)).count();
        long changed = items.stream().filter(b -> !b.status().containsValue(AssetStatus.FAILED) && changed(b)).count();
        long never = items.stream().filter(b -> b.status().values().stream()
                .noneMatch(s -> s == AssetStatus.SYNCED || s == AssetStatus.CHANGED || s == AssetStatus.FAILED)).count();
        long published = items.size() - failed - changed - never;
        List<String> parts = new ArrayList<>();
        if (published > 0) {
            parts.add(Messages.get("browse.summary.published", published));
        }
        if (changed > 0) {
            parts.add(Messages.get("browse.summary.changed", changed));
        }
        if (never > 0) {
            parts.add(Messages.get("browse.summary.new", never));
        }
        if (failed > 0) {
            parts.add(Messages.get("browse.summary.failed", failed));
        }
        return Messages.get("browse.summary", items.size(), String.join(Messages.get("common.listSeparator"), parts));
    }

    static boolean changed(BrowseItem b) {
        return b.status().values().stream().anyMatch(s -> s == AssetStatus.CHANGED);
    }

    public void selectAll() {
        visible.forEach(b -> selected.add(key(b)));
    }

    /** Selects the visible items that changed since they were last synced. */
    public void selectUpdates() {
        selected.clear();
        visible.stream().filter(BrowseViewModel::changed).forEach(b -> selected.add(key(b)));
        message.set(Messages.get("browse.updatesSelected", selected.size()));
    }

    public void clearSelection() {
        selected.clear();
    }

    public void toggle(BrowseItem b) {
        if (!selected.remove(key(b))) {
            selected.add(key(b));
        }
    }

    /**
     * Syncs the selected items to the destinations, source by source: each card shows where its image is and its
     * badge changes as it finishes; the footer counts, with an estimate of the time left on long runs.
     */
    public void sync(List<String> destinations, EncodeSettings settings) {
        if (destinations.isEmpty()) {
            message.set(Messages.get("browse.noDestination"));
            return;
        }
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        items.stream().filter(b -> selected.contains(key(b)))
                .forEach(b -> bySource.computeIfAbsent(b.source(), k -> new ArrayList<>()).add(b.item().id()));
        if (bySource.isEmpty()) {
            message.set(Messages.get("browse.noSelection"));
            return;
        }
        cancelRequested = false;
        running.set(true);
        progress.set(0);
        progressText.set(Messages.get("browse.starting"));
        cards.start(List.copyOf(selected), destinations.size());
        Coalescer<Shown> updates = new Coalescer<>(tasks, v -> {
            progress.set(v.fraction());
            progressText.set(v.text());
        });
        Coalescer<Boolean> itemUpdates = new Coalescer<>(tasks, x -> drainItems());
        int sources = bySource.size();
        tasks.run("sync selected", () -> {
            List<RunReport> reports = new ArrayList<>();
            int n = 0;
            for (var e : bySource.entrySet()) {
                if (cancelRequested) {
                    break;
                }
                int index = n++;
                Eta eta = new Eta();
                reports.add(services.syncItems(e.getKey(), e.getValue(), destinations, settings, new SyncListener() {
                    @Override
                    public void onItem(ItemProgress p) {
                        cards.offer(p);
                        itemUpdates.offer(Boolean.TRUE);
                    }

                    @Override
                    public void onBatch(BatchProgress p) {
                        updates.offer(new Shown((index + p.fraction()) / sources, progressLine(p, eta.text(p))));
                    }
                }));
            }
            return reports;
        }, reports -> {
            drainItems();
            cards.clear();
            running.set(false);
            cancelling.set(false);
            progress.set(1);
            long failed = reports.stream().mapToLong(RunReport::failed).sum();
            String done = reports.stream().map(Texts::summary).reduce((a, b) -> a + "; " + b)
                    .orElse(Messages.get("browse.nothingSent"));
            if (cancelRequested) {
                // In the footer line, which the reload below leaves alone.
                progressText.set(Messages.get("browse.cancelled", done));
            } else {
                progressText.set(Messages.get("browse.finished", done));
                message.set(failed == 0 ? Messages.get("browse.syncFinished") : Messages.get("browse.syncFailed", failed));
            }
            load();
        }, e -> {
            cards.clear();
            running.set(false);
            cancelling.set(false);
            fail(e);
        });
    }

    private record Shown(double fraction, String text) {
    }

    /** "12 of 200 done · 1 failed · about 9 min left" (the time once it has been measured). */
    static String progressLine(BatchProgress p, String timeLeft) {
        return Messages.get("browse.progress", p.finished(), p.total())
                + (p.failed() > 0 ? Messages.get("browse.progress.failed", p.failed()) : "")
                + (timeLeft.isEmpty() ? "" : " · " + timeLeft);
    }

    /** Stops the run after the images in progress; the rest are left for the next sync. */
    public void cancel() {
        if (!running.get() || cancelRequested) {
            return;
        }
        cancelRequested = true;
        cancelling.set(true);
        message.set(Messages.get("browse.cancelling"));
        // Not through the task pool: it may be busy making thumbnails, and a cancel must land at once.
        services.cancelRun();
    }

    /** Applies the engine's item events on the FX thread: card states, and the badge of each finished one. */
    private void drainItems() {
        Map<String, List<ItemProgress>> finished = cards.drain();
        for (int i = 0; i < items.size() && !finished.isEmpty(); i++) {
            List<ItemProgress> results = finished.get(key(items.get(i)));
            if (results != null) {
                items.set(i, CardProgress.withResults(items.get(i), results));
            }
        }
    }

    private void fail(Throwable e) {
        message.set(Texts.error(e));
    }

    public ObservableList<String> sourceNames() {
        return sourceNames;
    }

    public ObservableList<BrowseItem> visible() {
        return visible;
    }

    ObservableMap<String, CardProgress.State> cardStates() {
        return cards.cards();
    }

    public ObservableSet<String> selected() {
        return selected;
    }

    public ObservableList<String> folders() {
        return folders;
    }
}
