package io.lumasync.ui.upload;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.store.JobState;
import io.lumasync.sync.BatchProgress;
import io.lumasync.sync.ItemProgress;
import io.lumasync.sync.Sizes;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The upload queue: files in, one run for them all (each with its own alt text), results per file. */
public final class UploadViewModel {
    private final AppServices services;
    private final Tasks tasks;
    private final ObservableList<UploadItem> queue = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private String altTextMode = "filename";

    public UploadViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
    }

    public void setAltTextMode(String mode) {
        altTextMode = mode;
    }

    /** Adds dropped or chosen files and folders (folders recursively; non-images are skipped with a note). */
    public void addFiles(List<Path> dropped) {
        tasks.run("collect files", () -> FileCollector.collect(dropped), c -> {
            List<Path> known = queue.stream().map(UploadItem::file).toList();
            Set<String> names = queue.stream().map(UploadItem::name).collect(Collectors.toSet());
            List<String> sameName = new ArrayList<>();
            int added = 0;
            for (Path p : c.images()) {
                if (!known.contains(p) && !names.add(p.getFileName().toString())) {
                    // One upload publishes each file under its name: a second file of that name would replace it.
                    sameName.add(p.toString());
                } else if (!known.contains(p)) {
                    UploadItem item = new UploadItem(p, sizeOf(p));
                    if ("filename".equals(altTextMode)) {
                        item.altTextProperty().set(altFromName(item.name()));
                    }
                    queue.add(item);
                    added++;
                }
            }
            String text = Messages.get("upload.added", added);
            if (!c.skipped().isEmpty()) {
                text += Messages.get("upload.added.skipped", c.skipped().size(), firstFive(c.skipped()));
            }
            if (!sameName.isEmpty()) {
                text += Messages.get("upload.added.sameName", sameName.size(), firstFive(sameName));
            }
            message.set(text);
        }, e -> message.set(Texts.error(e)));
    }

    private static String firstFive(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? ", …" : "");
    }

    static String altFromName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String words = base.replaceAll("[_\\-.]+", " ").replaceAll("\\s+", " ").strip();
        return words.isEmpty() ? "" : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Uploads every file not yet done to the destinations, in one run: one plan, one progress, one summary. */
    public void upload(List<String> destinations, EncodeSettings settings) {
        if (destinations.isEmpty()) {
            message.set(Messages.get("upload.noDestination"));
            return;
        }
        List<UploadItem> todo = queue.stream().filter(i -> i.stateProperty().get() != JobState.DONE).toList();
        if (todo.isEmpty()) {
            message.set(Messages.get("upload.nothing"));
            return;
        }
        running.set(true);
        progress.set(0);
        message.set(Messages.get("upload.uploading", todo.size()));
        Map<Path, AssetMetadata> files = new LinkedHashMap<>();
        Map<String, UploadItem> byName = new HashMap<>();
        for (UploadItem i : todo) {
            i.stateProperty().set(JobState.PLANNED);
            i.resultProperty().set(Messages.get("upload.waiting"));
            i.progressProperty().set(0);
            files.put(i.file(), AssetMetadata.EMPTY.withAltText(i.altTextProperty().get()));
            byName.put(i.name(), i);
        }
        Coalescer<BatchProgress> batches = new Coalescer<>(tasks, p -> progress.set(p.fraction()));
        tasks.run("upload", () -> services.push(files, destinations, settings, false, new SyncListener() {
            @Override
            public void onItem(ItemProgress p) {
                UploadItem item = byName.get(p.assetName());
                if (item != null) {
                    double step = switch (p.state()) {
                        case PLANNED -> 0.05;
                        case ENCODING -> 0.3;
                        case UPLOADING -> 0.7;
                        case DONE, SKIPPED, FAILED -> 1.0;
                    };
                    tasks.onFx(() -> {
                        item.progressProperty().set(Math.max(item.progressProperty().get(),
                                step / destinations.size()));
                        item.stateProperty().set(p.state());
                        item.resultProperty().set(label(p));
                    });
                }
            }

            @Override
            public void onBatch(BatchProgress p) {
                batches.offer(p);
            }
        }), report -> {
            running.set(false);
            progress.set(1);
            for (UploadItem item : todo) {
                finish(item, report.results().stream().filter(p -> p.assetName().equals(item.name())).toList());
            }
            long failedFiles = todo.stream().filter(i -> i.stateProperty().get() == JobState.FAILED).count();
            message.set(failedFiles == 0 && report.problems().isEmpty() ? Messages.get("upload.done", todo.size())
                    : Messages.get("upload.failed", failedFiles)
                    + (report.problems().isEmpty() ? "" : " " + String.join(" ", report.problems())));
        }, e -> {
            running.set(false);
            message.set(Texts.error(e));
        });
    }

    private static void finish(UploadItem item, List<ItemProgress> results) {
        item.progressProperty().set(1);
        if (results.isEmpty()) {
            item.stateProperty().set(JobState.FAILED);
            item.resultProperty().set(Messages.get("upload.notUploaded"));
            return;
        }
        boolean anyFailed = results.stream().anyMatch(p -> p.state() == JobState.FAILED);
        item.stateProperty().set(anyFailed ? JobState.FAILED : JobState.DONE);
        item.resultProperty().set(String.join("; ", results.stream().map(UploadViewModel::label).toList()));
        results.stream().map(ItemProgress::url).filter(u -> u != null && !u.isBlank()).findFirst()
                .ifPresent(item.urlProperty()::set);
    }

    static String label(ItemProgress p) {
        String where = p.destination() == null || p.destination().isBlank() ? "" : p.destination() + ": ";
        return where + switch (p.state()) {
            case PLANNED -> Messages.get("upload.state.waiting");
            case ENCODING -> Messages.get("upload.state.compressing");
            case UPLOADING -> Messages.get("upload.state.uploading");
            case DONE -> Sizes.result(p);
            case SKIPPED -> Messages.get("upload.state.skipped");
            case FAILED -> p.message();
        };
    }

    public void clearFinished() {
        queue.removeIf(i -> i.stateProperty().get() == JobState.DONE);
    }

    public ObservableList<UploadItem> queue() {
        return queue;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }
}
