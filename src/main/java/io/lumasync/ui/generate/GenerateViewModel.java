package io.lumasync.ui.generate;

import io.lumasync.store.Generations.Generation;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.GenerateRequest;
import io.lumasync.sync.GenerationResult;
import io.lumasync.sync.SyncListener;
import io.lumasync.sync.ai.AiEndpoint;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.AppServices;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AI generation: a prompt, model, aspect ratio and optional reference image make a new version shown as a preview
 * with its cost; Compress &amp; Sync publishes it; the history lists every version and rolls back to one.
 */
public final class GenerateViewModel {
    static final List<String> RATIOS = List.of("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9",
            "21:9");

    private final AppServices services;
    private final Tasks tasks;
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty prompt = new SimpleStringProperty("");
    final StringProperty model = new SimpleStringProperty("");
    final StringProperty ratio = new SimpleStringProperty("1:1");
    final ObjectProperty<Path> reference = new SimpleObjectProperty<>();
    final ObservableList<String> models = FXCollections.observableArrayList();
    final ObservableList<String> destinations = FXCollections.observableArrayList();
    final ObservableList<String> chosen = FXCollections.observableArrayList();
    final ObjectProperty<Generation> current = new SimpleObjectProperty<>();
    final ObjectProperty<Path> preview = new SimpleObjectProperty<>();
    final ObservableList<Generation> history = FXCollections.observableArrayList();
    final StringProperty message = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty();

    public GenerateViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
    }

    /** Reads the destinations and the image models the AI service lists. */
    public void refresh() {
        tasks.run("generate-destinations", services::destinations, list -> {
            destinations.setAll(list.stream().map(DestinationInfo::name).toList());
            chosen.retainAll(destinations);
        }, e -> message.set(Texts.error(e)));
        tasks.run("generate-models", () -> services.imageModels().stream().map(AiEndpoint.Model::id).toList(),
                list -> {
                    models.setAll(list);
                    if (model.get().isBlank() && !list.isEmpty()) {
                        model.set(list.getFirst());
                    }
                }, e -> message.set(Messages.get("generate.models.unavailable", Texts.error(e))));
    }

    /** Generates a new version in the background and shows it with its cost; nothing is published yet. */
    public void generate() {
        if (prompt.get().isBlank()) {
            message.set(Messages.get("generate.prompt.empty"));
            return;
        }
        GenerateRequest req = new GenerateRequest(name.get().strip(), prompt.get().strip(), model.get().strip(),
                ratio.get(), Optional.ofNullable(reference.get()), List.of());
        start(Messages.get("generate.generating", req.model().isBlank() ? Messages.get("generate.model.default")
                : req.model()));
        tasks.run("generate", () -> services.generateImage(req), r -> {
            show(r);
            message.set(Messages.get("generate.done", r.generation().version(), cost(r.generation())));
        }, this::failed);
    }

    /** Publishes the version shown to the chosen destinations (none chosen: where it is published already). */
    public void publish() {
        Generation g = current.get();
        if (g == null) {
            return;
        }
        List<String> to = List.copyOf(chosen);
        start(Messages.get("generate.publishing", g.asset()));
        tasks.run("generate-publish", () -> services.publishGenerated(g.asset(), to, SyncListener.NONE), r -> {
            show(r);
            message.set(r.published().map(p -> Messages.get("generate.published", Texts.summary(p)))
                    .orElse(Messages.get("generate.notPublished")));
        }, this::failed);
    }

    /** Makes an earlier version current again and republishes it in place. */
    public void rollback(Generation version) {
        start(Messages.get("generate.rollingBack", version.asset(), version.version()));
        tasks.run("generate-rollback", () -> services.rollbackGenerated(version.asset(), version.version(),
                SyncListener.NONE), r -> {
                    show(r);
                    message.set(Messages.get("generate.rolledBack", version.version(),
                            r.published().map(Texts::summary).orElse(Messages.get("generate.notPublished"))));
                }, this::failed);
    }

    private void start(String note) {
        busy.set(true);
        message.set(note);
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(Texts.error(e));
    }

    private void show(GenerationResult r) {
        busy.set(false);
        Generation g = r.generation();
        current.set(g);
        preview.set(services.generatedFile(g).orElse(null));
        name.set(g.asset());
        if (!g.destinations().isBlank()) {
            chosen.setAll(List.of(g.destinations().split(",")));
        }
        tasks.run("generate-history", () -> services.generationHistory(g.asset()),
                list -> history.setAll(list.reversed()), e -> message.set(Texts.error(e)));
    }

    /** A version's cost in dollars, as the AI service reported it. */
    static String cost(Generation g) {
        return String.format(Locale.ROOT, "$%.4f", g.costUsd());
    }
}
