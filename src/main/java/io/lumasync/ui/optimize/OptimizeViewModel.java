package io.lumasync.ui.optimize;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.store.JobState;
import io.lumasync.sync.BatchProgress;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.ItemProgress;
import io.lumasync.sync.OptimizeReport;
import io.lumasync.sync.OptimizeResult;
import io.lumasync.sync.SyncListener;
import io.lumasync.ui.common.Coalescer;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.AppServices;
import io.lumasync.ui.common.engine.OptimizeService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;

/** Optimize: page through a destination's media, preview one image, recompress a selection in place. */
public final class OptimizeViewModel {
    public static final int PER_PAGE = 50;
    private final AppServices services;
    private final Tasks tasks;
    private final ObservableList<String> destinations = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    final StringProperty destination = new SimpleStringProperty();
    final IntegerProperty page = new SimpleIntegerProperty(1);
    final IntegerProperty quality = new SimpleIntegerProperty(80);
    final IntegerProperty maxSize = new SimpleIntegerProperty(EncodeSettings.DEFAULT_MAX_SIZE);
    final ObjectProperty<OptimizeService.Preview> preview = new SimpleObjectProperty<>();
    final StringProperty previewText = new SimpleStringProperty(Messages.get("optimize.preview.hint"));
    final StringProperty message = new SimpleStringProperty("");
    final DoubleProperty progress = new SimpleDoubleProperty(0);
    final BooleanProperty running = new SimpleBooleanProperty();
    final BooleanProperty lastPage = new SimpleBooleanProperty(true);

    /** One listed asset with its tick and its outcome. */
    public static final class Row {
        final RemoteAsset asset;
        final BooleanProperty selected = new SimpleBooleanProperty();
        final StringProperty result = new SimpleStringProperty("");

        Row(RemoteAsset asset) {
            this.asset = asset;
        }

        public RemoteAsset asset() {
            return asset;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        /** What Optimize did with it: before → after, format and quality, or why it was left alone. */
        public StringProperty resultProperty() {
            return result;
        }

        /** WebP and AVIF are already efficient; recompressing them rarely pays. */
        public boolean modern() {
            String m = asset.mimeType().toLowerCase(Locale.ROOT);
            return m.contains("webp") || m.contains("avif");
        }
    }

    public OptimizeViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
    }

    public void refreshDestinations() {
        tasks.run("destinations", services::destinations, list -> {
            destinations.setAll(list.stream().map(DestinationInfo::name).toList());
            if (destination.get() == null && !destinations.isEmpty()) {
                destination.set(destinations.getFirst());
            }
        }, e -> message.set(Texts.error(e)));
    }

    public void load(int wantedPage) {
        load(wantedPage, "");
    }

    /** Loads a page; {@code note} leads the message afterwards (e.g. the outcome of a rollback). */
    private void load(int wantedPage, String note) {
        String d = destination.get();
        if (d == null) {
            message.set(Messages.get("optimize.noDestination"));
            return;
        }
        message.set(Messages.get("optimize.loading", wantedPage, d));
        tasks.run("list media", () -> services.optimizer().list(d, wantedPage, PER_PAGE), list -> {
            page.set(wantedPage);
            rows.setAll(list.stream().map(Row::new).toList());
            lastPage.set(list.size() < PER_PAGE);
            long modern = rows.stream().filter(Row::modern).count();
            message.set(note + (list.isEmpty() ? Messages.get("optimize.page.empty")
                    : Messages.get("optimize.page.loaded", list.size(), wantedPage, modern)));
        }, e -> message.set(Texts.error(e)));
    }

    EncodeSettings settings() {
        return EncodeSettings.defaults().withFormat(OutputFormat.AUTO).withQuality(new Quality.Fixed(quality.get()))
                .withMaxSize(maxSize.get());
    }

    /** Selects every image that is not already in a modern format. */
    public void selectAll() {
        rows.forEach(r -> r.selected.set(!r.modern()));
    }

    public void preview(Row row) {
        if (row == null) {
            previewText.set(Messages.get("optimize.preview.noSelection"));
            return;
        }
        previewText.set(Messages.get("optimize.preview.compressing", row.asset.fileName()));
        tasks.run("preview", () -> services.optimizer().preview(destination.get(), row.asset, settings()), p -> {
            preview.set(p);
            previewText.set(Messages.get("optimize.preview.result", p.fileName(),
                    Texts.saving(p.before().length, p.after().length), p.afterFormat())
                    + (p.notes().isEmpty() ? "" : " · " + String.join(" ", p.notes())));
        }, e -> previewText.set(Texts.error(e)));
    }

    public void optimizeSelected() {
        List<Row> chosen = rows.stream().filter(r -> r.selected.get()).toList();
        if (chosen.isEmpty()) {
            message.set(Messages.get("optimize.noSelection"));
            return;
        }
        String d = destination.get();
        running.set(true);
        progress.set(0);
        Coalescer<BatchProgress> updates = new Coalescer<>(tasks, p -> progress.set(p.fraction()));
        tasks.run("optimize", () -> services.optimizer().optimize(d, chosen.stream().map(Row::asset).toList(),
                settings(), new SyncListener() {
                    @Override
                    public void onItem(ItemProgress p) {
                        if (!p.state().finished()) {
                            tasks.onFx(() -> chosen.stream().filter(r -> r.asset.ref().id().equals(p.assetId()))
                                    .forEach(r -> r.result.set(p.message() + "…")));
                        }
                    }

                    @Override
                    public void onBatch(BatchProgress p) {
                        updates.offer(p);
                    }
                }), report -> {
            running.set(false);
            progress.set(1);
            for (OptimizeResult r : report.items()) {
                chosen.stream().filter(row -> row.asset.ref().id().equals(r.assetId()))
                        .forEach(row -> row.result.set(describe(r)));
            }
            message.set(total(report) + (report.count(OptimizeResult.Outcome.OPTIMIZED) > 0
                    ? Messages.get("optimize.backedUp") : ""));
        }, e -> {
            running.set(false);
            message.set(Texts.error(e));
        });
    }

    /** The row's diagnostics: before → after, format and quality, or why it was left alone. */
    static String describe(OptimizeResult r) {
        return switch (r.outcome()) {
            case OPTIMIZED, REPLACED_BEFORE_INTERRUPTION, WOULD_OPTIMIZE -> Texts.saving(r.bytesBefore(), r.bytesAfter())
                    + " · " + r.formatBefore() + " → " + r.formatAfter() + " q" + r.quality()
                    + (r.urlChanged() ? Messages.get("optimize.newAddress", r.url()) : "");
            case MODERN_FORMAT, NOT_SMALLER, ALREADY_OPTIMIZED, RESTORED, FAILED -> r.message();
        };
    }

    static String total(OptimizeReport r) {
        List<OptimizeResult> done = r.items().stream().filter(i -> i.outcome().state() == JobState.DONE).toList();
        long before = done.stream().mapToLong(OptimizeResult::bytesBefore).sum();
        long after = done.stream().mapToLong(OptimizeResult::bytesAfter).sum();
        long failed = r.count(OptimizeResult.Outcome.FAILED);
        return Messages.get("optimize.total", done.size(), r.items().size() - done.size() - failed, failed)
                + (before > 0 ? Messages.get("optimize.saved", Texts.saving(before, after)) : "")
                + (r.items().stream().anyMatch(OptimizeResult::urlChanged) ? Messages.get("optimize.newAddresses") : "");
    }

    public void rollback() {
        String d = destination.get();
        tasks.run("rollback", () -> services.optimizer().rollback(d), r -> {
            long restored = r.count(OptimizeResult.Outcome.RESTORED);
            long failed = r.count(OptimizeResult.Outcome.FAILED);
            load(page.get(), (restored == 0 && failed == 0 ? Messages.get("optimize.rollback.nothing", d)
                    : Messages.get("optimize.rollback.restored", restored, d))
                    + (failed > 0 ? Messages.get("optimize.rollback.failed", failed) : ""));
        }, e -> message.set(Texts.error(e)));
    }

    public ObservableList<String> destinations() {
        return destinations;
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
