package io.lumasync.sync;

import io.lumasync.auth.SecretVault;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import io.lumasync.store.ConfigStore;
import io.lumasync.sync.ai.AiEndpoint;
import io.lumasync.sync.alt.AltMode;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.Optional;

/**
 * The AI and alt-text settings: per destination its alt-text mode and language; for the AI service its address
 * (OpenRouter or a local OpenAI-compatible server), the vision model for alt text, the image model for generation
 * and the monthly budget. The API key lives in the vault under {@link #KEY_SECRET}, never in the database.
 */
public final class AiSettings {
    public static final String KEY_SECRET = "ai/api-key";
    public static final String DEFAULT_ALT_MODEL = "google/gemini-2.5-flash";
    public static final String DEFAULT_IMAGE_MODEL = "google/gemini-2.5-flash-image";
    public static final double DEFAULT_BUDGET_USD = 5.0;
    static final String ENDPOINT = "ai.endpoint";
    static final String ALT_MODEL = "ai.alt.model";
    static final String IMAGE_MODEL = "ai.image.model";
    static final String BUDGET = "ai.budget.monthly";
    static final String LANGUAGE = "alt.language";

    private final ConfigStore config;
    private final SecretVault vault;
    private final HttpClient http;

    AiSettings(ConfigStore config, SecretVault vault, HttpClient http) {
        this.config = config;
        this.vault = vault;
        this.http = http;
    }

    public AltMode altMode(String destination) throws LumasyncException {
        return config.setting("alt.mode." + destination).flatMap(AltMode::parse).orElse(AltMode.OFF);
    }

    public void setAltMode(String destination, AltMode mode) throws LumasyncException {
        config.setSetting("alt.mode." + destination, mode.id());
    }

    /**
     * The language alt text is written in at a destination, as a BCP 47 tag ("en", "pt-PT"): its own, else the
     * default language.
     */
    public String language(String destination) throws LumasyncException {
        Optional<String> own = config.setting("alt.language." + destination);
        return own.isPresent() ? own.get() : defaultLanguage();
    }

    public void setLanguage(String destination, String tag) throws LumasyncException {
        config.setSetting("alt.language." + destination, languageTag(tag));
    }

    /** The language of alt text at destinations that name none of their own; English unless set. */
    public String defaultLanguage() throws LumasyncException {
        return config.setting(LANGUAGE).orElse("en");
    }

    public void setDefaultLanguage(String tag) throws LumasyncException {
        config.setSetting(LANGUAGE, languageTag(tag));
    }

    private static String languageTag(String tag) throws ConfigurationException {
        Locale l = Locale.forLanguageTag(tag.strip());
        if (l.getLanguage().isEmpty()) {
            throw new ConfigurationException("'" + tag + "' is not a language tag; use one like en, de or pt-BR.");
        }
        return l.toLanguageTag();
    }

    public URI endpoint() throws LumasyncException {
        return URI.create(config.setting(ENDPOINT).orElse(AiEndpoint.OPENROUTER));
    }

    public String altModel() throws LumasyncException {
        return config.setting(ALT_MODEL).orElse(DEFAULT_ALT_MODEL);
    }

    public String imageModel() throws LumasyncException {
        return config.setting(IMAGE_MODEL).orElse(DEFAULT_IMAGE_MODEL);
    }

    /** What AI calls may cost per calendar month, in US dollars; 0 stops every paid call. */
    public double monthlyBudget() throws LumasyncException {
        return config.setting(BUDGET).map(Double::parseDouble).orElse(DEFAULT_BUDGET_USD);
    }

    /** Sets the service, models and budget; blank values keep what is set. */
    public void configure(Optional<String> endpoint, Optional<String> altModel, Optional<String> imageModel,
                          Optional<Double> budget) throws LumasyncException {
        if (endpoint.isPresent()) {
            URI uri = address(endpoint.get());
            new AiEndpoint(http, uri, vault.get(KEY_SECRET));   // refuses a bad address, or a key over plain http
            config.setSetting(ENDPOINT, uri.toString());
        }
        if (altModel.isPresent()) {
            config.setSetting(ALT_MODEL, altModel.get().strip());
        }
        if (imageModel.isPresent()) {
            config.setSetting(IMAGE_MODEL, imageModel.get().strip());
        }
        if (budget.isPresent()) {
            checkBudget(budget.get());
            config.setSetting(BUDGET, Double.toString(budget.get()));
        }
    }

    private static void checkBudget(double usd) throws ConfigurationException {
        if (!(usd >= 0) || usd > 100_000) {
            throw new ConfigurationException("The monthly AI budget must be between 0 and 100000 US dollars.");
        }
    }

    private static URI address(String text) throws ConfigurationException {
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(text, "no scheme or host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException("'" + text.strip() + "' is not a web address: write it whole, like "
                    + "https://openrouter.ai/api/v1 or http://127.0.0.1:11434/v1.");
        }
    }

    /** The settings as the app shows them, with this month's spending. */
    AiSetup setup(double spentThisMonth) throws LumasyncException {
        return new AiSetup(endpoint().toString(), altModel(), defaultLanguage(), monthlyBudget(), spentThisMonth,
                hasApiKey());
    }

    /** Saves the AI section of the app's settings; each value is checked before any is kept. */
    void save(AiSetup s) throws LumasyncException {
        if (s.altModel().isBlank()) {
            throw new ConfigurationException("Name the model that writes alt text, e.g. " + DEFAULT_ALT_MODEL + ".");
        }
        String language = languageTag(s.language());
        checkBudget(s.monthlyBudget());
        // The address is checked first inside configure, before anything is written.
        configure(Optional.of(s.endpoint()), Optional.of(s.altModel()), Optional.empty(),
                Optional.of(s.monthlyBudget()));
        config.setSetting(LANGUAGE, language);
    }

    /** Saves the API key in the vault (an empty key forgets it). */
    public void setApiKey(String key) throws LumasyncException {
        if (key.isBlank()) {
            vault.delete(KEY_SECRET);
            return;
        }
        if (!vault.durable()) {
            throw new ConfigurationException("Passwords are kept only until Lumasync exits here (" + vault.backendName()
                    + "). Set a vault passphrase first, so the API key is not lost.");
        }
        new AiEndpoint(http, endpoint(), Optional.of(key.strip()));
        vault.put(KEY_SECRET, key.strip());
    }

    public boolean hasApiKey() {
        return vault.get(KEY_SECRET).isPresent();
    }

    /** The configured service, with its key. */
    public AiEndpoint open() throws LumasyncException {
        URI uri = endpoint();
        Optional<String> key = vault.get(KEY_SECRET);
        if (key.isEmpty() && uri.getHost() != null && uri.getHost().equalsIgnoreCase("openrouter.ai")) {
            throw new ConfigurationException("No OpenRouter API key is saved. Create one at openrouter.ai/keys and "
                    + "save it with `lumasync ai key`, or point Lumasync at a local model with `lumasync ai set "
                    + "--endpoint http://127.0.0.1:11434/v1`.");
        }
        return new AiEndpoint(http, uri, key);
    }
}
