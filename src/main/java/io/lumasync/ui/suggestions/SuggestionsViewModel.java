package io.lumasync.ui.suggestions;

import io.lumasync.sync.AltTextEntry;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.Suggestion;
import io.lumasync.sync.SyncListener;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.AppServices;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The engine's suggestions (act on one, dismiss one) and the published images' alt texts, editable by hand. */
public final class SuggestionsViewModel {
    private final AppServices services;
    private final Tasks tasks;
    private final Consumer<URI> browser;
    final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    final ObservableList<AltRow> altTexts = FXCollections.observableArrayList();
    /** New images held until their alt text is approved. */
    final ObservableList<PendingAlt> pending = FXCollections.observableArrayList();
    final BooleanProperty missingOnly = new SimpleBooleanProperty();
    final StringProperty message = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty();

    public SuggestionsViewModel(AppServices services, Tasks tasks) {
        this(services, tasks, uri -> { });
    }

    /** @param browser opens a sign-in page (called from a background thread) */
    public SuggestionsViewModel(AppServices services, Tasks tasks, Consumer<URI> browser) {
        this.services = services;
        this.tasks = tasks;
        this.browser = browser;
        missingOnly.addListener((o, a, b) -> refreshAltTexts());
    }

    /** Reads the suggestions and the alt texts again. */
    public void refresh() {
        refresh(null);
    }

    /** Reads everything again, then shows {@code note} (or, when null, how many suggestions there are). */
    private void refresh(String note) {
        tasks.run("suggestions", services::suggestions, list -> {
            suggestions.setAll(list);
            message.set(note != null ? note : Messages.get("suggestions.count", list.size()));
        }, e -> message.set(Texts.error(e)));
        refreshAltTexts();
        refreshPending();
    }

    private void refreshPending() {
        tasks.run("alt-pending", services::altPending,
                list -> pending.setAll(list.stream().map(PendingAlt::new).toList()), e -> message.set(Texts.error(e)));
    }

    private void refreshAltTexts() {
        boolean missing = missingOnly.get();
        tasks.run("alt-texts", () -> {
            List<AltRow> rows = new ArrayList<>();
            for (AltTextEntry e : services.altTexts(missing)) {
                rows.add(new AltRow(e, services.ownAltText(e.source(), e.assetId())));
            }
            return rows;
        }, altTexts::setAll, e -> message.set(Texts.error(e)));
    }

    /** Carries the suggestion out in the background (a sync), then reads everything again. */
    public void act(Suggestion s) {
        if (!s.canAct()) {
            message.set(Messages.get("suggestions.byHand", s.action()));
            return;
        }
        busy.set(true);
        message.set(Messages.get("suggestions.acting", s.title()));
        tasks.run("act", () -> services.actOnSuggestion(s.id(), SyncListener.NONE), (RunReport r) -> {
            busy.set(false);
            refresh(Messages.get("suggestions.done", Texts.summary(r)));
        }, e -> {
            busy.set(false);
            refresh(Texts.error(e));
        });
    }

    /** Opens the account's sign-in in the browser and waits for it in the background, then reads everything again. */
    public void signIn(Suggestion s) {
        busy.set(true);
        message.set(Messages.get("suggestions.signingIn", s.target()));
        tasks.runVoid("sign-in", () -> services.login(s.target(), browser), () -> {
            busy.set(false);
            refresh(Messages.get("suggestions.signedIn", s.target()));
        }, e -> {
            busy.set(false);
            refresh(Texts.error(e));
        });
    }

    /** Hides the suggestion until its finding changes. */
    public void dismiss(Suggestion s) {
        tasks.runVoid("dismiss", () -> services.dismissSuggestion(s.id()),
                () -> refresh(Messages.get("suggestions.dismissed", s.title())), e -> message.set(Texts.error(e)));
    }

    /** Sets the image's alt text by hand; the next push or sync sends it in place. */
    public void saveAltText(AltTextEntry entry, String text) {
        String clean = text == null ? "" : text.strip();
        tasks.runVoid("alt-set", () -> services.setAltText(entry.source(), entry.assetId(), clean),
                () -> refresh(clean.isEmpty() ? Messages.get("suggestions.alt.cleared", entry.assetName())
                        : Messages.get("suggestions.alt.saved", entry.assetName())), e -> message.set(Texts.error(e)));
    }

    /** Approves one held image with its text as shown (kept as the image's own when edited) and publishes it. */
    public void approve(PendingAlt item) {
        approve(List.of(item));
    }

    /** Approves every held image that has a text, each as shown, and publishes them in one run. */
    public void approveAll() {
        List<PendingAlt> ready = pending.stream().filter(p -> p.textProperty().get() != null
                && !p.textProperty().get().isBlank()).toList();
        if (ready.isEmpty()) {
            message.set(Messages.get("suggestions.pending.nothingReady"));
            return;
        }
        approve(ready);
    }

    private void approve(List<PendingAlt> items) {
        List<Long> ids = items.stream().map(p -> p.held().id()).toList();
        java.util.Map<Long, String> texts = new java.util.HashMap<>();
        items.forEach(p -> p.edited().ifPresent(t -> texts.put(p.held().id(), t)));
        busy.set(true);
        message.set(Messages.get("suggestions.pending.publishing", ids.size()));
        tasks.run("alt-approve", () -> services.approveAlt(ids, texts, SyncListener.NONE), (RunReport r) -> {
            busy.set(false);
            refresh(Messages.get("suggestions.done", Texts.summary(r)));
        }, e -> {
            busy.set(false);
            message.set(Texts.error(e));
        });
    }

    /** Keeps a held image unpublished (this version of the file). */
    public void skip(PendingAlt item) {
        tasks.runVoid("alt-skip", () -> services.skipAlt(List.of(item.held().id())),
                () -> refresh(Messages.get("suggestions.pending.skipped", item.held().assetName())),
                e -> message.set(Texts.error(e)));
    }

    /** Where an alt text came from, in plain words. */
    static String origin(AltRow row) {
        if (row.pending()) {
            return Messages.get("suggestions.origin.pending");
        }
        AltTextEntry e = row.entry();
        if (e.altText().isEmpty()) {
            return Messages.get("suggestions.origin.none");
        }
        return switch (e.origin()) {
            case "basic" -> Messages.get("suggestions.origin.basic");
            case "embedded" -> Messages.get("suggestions.origin.embedded");
            case "ai" -> Messages.get("suggestions.origin.ai");
            case "manual" -> Messages.get("suggestions.origin.manual");
            case "given" -> Messages.get("suggestions.origin.given");
            default -> Messages.get("suggestions.origin.unknown");
        };
    }

    /** What sort of suggestion it is, in plain words. */
    static String kind(Suggestion s) {
        return switch (s.kind()) {
            case MISSING_ALT_TEXT -> Messages.get("suggestions.kind.missingAlt");
            case SOURCE_CHANGED -> Messages.get("suggestions.kind.changed");
            case COULD_BE_SMALLER -> Messages.get("suggestions.kind.smaller");
            case FAILED -> Messages.get("suggestions.kind.failed");
            case DUPLICATE -> Messages.get("suggestions.kind.duplicate");
            case SIGN_IN_EXPIRING -> Messages.get("suggestions.kind.signIn");
            case LARGER_THAN_NEEDED -> Messages.get("suggestions.kind.larger");
        };
    }
}
