package io.lumasync.destination;

import io.lumasync.core.AdapterType;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Describes one kind of destination, with what only destinations offer: browser sign-in and companion files. */
public interface DestinationType extends AdapterType<Destination> {
    /** The setting every destination has: the template new uploads are named by (blank keeps the file names). */
    ConfigField NAME_TEMPLATE = ConfigField.text("name_template", "File names", false,
            "Names new uploads, e.g. {date:yyyy}/{slug}.{ext}; tokens {title} {slug} {date} {sequence} {camera} "
                    + "{source} {folder} {original} {width} {prompt_short} {ext}. Published files keep their names.");

    /** This type's own fields and the settings every destination has (the file-name template). */
    default List<ConfigField> settingsFields() {
        List<ConfigField> all = new ArrayList<>(fields());
        if (all.stream().noneMatch(f -> f.key().equals(NAME_TEMPLATE.key()))) {
            all.add(NAME_TEMPLATE);
        }
        return List.copyOf(all);
    }

    /**
     * True when the destination shows a caption with each image (WordPress's attachment caption), so an AI alt-text
     * run asks the model for a short caption in the same request.
     */
    default boolean showsCaptions() {
        return false;
    }

    /** True when {@link #connectInBrowser} works: the destination's own web page hands Lumasync its credentials. */
    default boolean canConnectInBrowser() {
        return false;
    }

    /**
     * Signs in through the destination's own page in the browser (WordPress: "Authorize application"), blocking
     * until the user approves, declines or the wait ends. {@code known} holds the fields the user typed (e.g. the
     * site address); returns every field to save, secrets included.
     */
    default Map<String, String> connectInBrowser(Map<String, String> known, Consumer<URI> browser, Duration timeout)
            throws LumasyncException {
        throw new ConfigurationException(displayName() + " has no sign-in page: fill in its fields.");
    }

    /**
     * Saves the file the user installs on the destination's side (WordPress: the companion plugin that replaces
     * images in place) into {@code dir}, with how to install it; empty when this kind of destination needs none.
     */
    default Optional<CompanionFile> saveCompanion(Path dir) throws LumasyncException {
        return Optional.empty();
    }
}
