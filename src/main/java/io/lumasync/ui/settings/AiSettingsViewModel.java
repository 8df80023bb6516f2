package io.lumasync.ui.settings;

import io.lumasync.sync.AiSetup;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.AppServices;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;

/**
 * The AI section of Settings: the service (OpenRouter or a local OpenAI-compatible server), the model that writes
 * alt text, its language, the monthly budget with this month's spending, and the API key, which goes to the vault
 * and is never shown again (only whether one is stored).
 */
public final class AiSettingsViewModel {
    /** The address of OpenRouter's API. */
    static final String OPENROUTER = "https://openrouter.ai/api/v1";
    /** Where a local server (Ollama) listens unless told otherwise. */
    static final String LOCAL_DEFAULT = "http://127.0.0.1:11434/v1";

    private final AppServices services;
    private final Tasks tasks;
    final BooleanProperty local = new SimpleBooleanProperty(false);
    final StringProperty localUrl = new SimpleStringProperty(LOCAL_DEFAULT);
    final StringProperty model = new SimpleStringProperty("");
    final StringProperty language = new SimpleStringProperty("en");
    final StringProperty budget = new SimpleStringProperty("");
    final StringProperty spent = new SimpleStringProperty("");
    final StringProperty key = new SimpleStringProperty("");
    final StringProperty keyState = new SimpleStringProperty("");
    final StringProperty message = new SimpleStringProperty("");

    public AiSettingsViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
    }

    public void load() {
        tasks.run("load AI settings", services::aiSetup, this::show, e -> message.set(Texts.error(e)));
    }

    private void show(AiSetup s) {
        boolean isLocal = !s.endpoint().startsWith("https://openrouter.ai");
        local.set(isLocal);
        if (isLocal) {
            localUrl.set(s.endpoint());
        }
        model.set(s.altModel());
        language.set(s.language());
        budget.set(String.format(Locale.ROOT, "%.2f", s.monthlyBudget()));
        spent.set(Messages.get("settings.ai.spentOf", String.format(Locale.ROOT, "$%.4f", s.spentThisMonth()),
                String.format(Locale.ROOT, "$%.2f", s.monthlyBudget())));
        keyState.set(s.keyStored() ? Messages.get("settings.ai.keyStored") : Messages.get("settings.ai.noKey"));
    }

    /** Saves service, model, language and budget; the engine checks each before any is kept. */
    public void save() {
        double usd;
        try {
            usd = Double.parseDouble(budget.get().strip().replace("$", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            message.set(Messages.get("settings.ai.badBudget", budget.get()));
            return;
        }
        String endpoint = local.get() ? localUrl.get() == null ? "" : localUrl.get().strip() : OPENROUTER;
        AiSetup wanted = new AiSetup(endpoint, model.get() == null ? "" : model.get().strip(),
                language.get() == null ? "" : language.get().strip(), usd, 0, false);
        tasks.run("save AI settings", () -> {
            services.saveAiSetup(wanted);
            return services.aiSetup();
        }, s -> {
            show(s);
            message.set(Messages.get("settings.ai.saved"));
        }, e -> message.set(Texts.error(e)));
    }

    /** Saves the typed key in the vault and clears the field; the key is never read back. */
    public void saveKey() {
        String typed = key.get() == null ? "" : key.get().strip();
        if (typed.isEmpty()) {
            message.set(Messages.get("settings.ai.typeKey"));
            return;
        }
        storeKey(typed, Messages.get("settings.ai.keySaved"));
    }

    /** Removes the stored key from the vault. */
    public void forgetKey() {
        storeKey("", Messages.get("settings.ai.keyForgotten"));
    }

    private void storeKey(String value, String done) {
        tasks.run("save AI key", () -> {
            services.saveAiKey(value);
            return services.aiSetup();
        }, s -> {
            key.set("");
            show(s);
            message.set(done);
        }, e -> message.set(Texts.error(e)));
    }
}
