package io.lumasync.destination;

import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.LumasyncException;

import java.util.List;

/** Describes one kind of destination: the GUI and CLI build forms from it; the registry lists it. */
public interface DestinationType {
    /** Stable id stored in the database, e.g. "folder", "wordpress". */
    String id();

    String displayName();

    /** One sentence for the "add destination" list. */
    String description();

    List<ConfigField> fields();

    AuthKind authKind();

    Destination create(AdapterContext context) throws LumasyncException;

    /** True when {@link #connectInBrowser} works: the destination's own web page hands Lumasync its credentials. */
    default boolean canConnectInBrowser() {
        return false;
    }

    /**
     * Signs in through the destination's own page in the browser (WordPress: "Authorize application"), blocking
     * until the user approves, declines or the wait ends. {@code known} holds the fields the user typed (e.g. the
     * site address); returns every field to save, secrets included.
     */
    default java.util.Map<String, String> connectInBrowser(java.util.Map<String, String> known,
                                                           java.util.function.Consumer<java.net.URI> browser,
                                                           java.time.Duration timeout) throws LumasyncException {
        throw new io.lumasync.core.ConfigurationException(displayName() + " has no sign-in page: fill in its fields.");
    }

    /**
     * Saves a file the user installs on the destination's side (WordPress: the companion plugin that replaces
     * images in place) into {@code dir}; empty when this kind of destination needs none.
     */
    default java.util.Optional<java.nio.file.Path> saveCompanion(java.nio.file.Path dir) throws LumasyncException {
        return java.util.Optional.empty();
    }

    /**
     * Checks the settings when they are saved, so a value that can never work is refused at once with its reason
     * instead of by every later run. {@code config} holds the non-secret fields (each already checked for its kind:
     * address, number, choice), {@code secrets} the secret fields given now (a secret kept from before is absent).
     */
    default void validate(io.lumasync.core.AdapterConfig config, java.util.Map<String, String> secrets)
            throws LumasyncException {
    }
}
