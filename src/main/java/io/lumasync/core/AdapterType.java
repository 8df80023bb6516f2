package io.lumasync.core;

import java.util.List;
import java.util.Map;

/**
 * Describes one kind of source or destination, whichever family {@code T} names: the doors build their forms and
 * options from it, the engine creates adapters through it, and the family's registry lists it. Implementations are
 * stateless and safe to share between threads.
 *
 * @param <T> what {@link #create} makes: a source or a destination
 */
public interface AdapterType<T> {
    /** Stable id stored in the database and typed on the command line, e.g. "folder", "wordpress". */
    String id();

    String displayName();

    /** One sentence for the "add" form and the command-line help. */
    String description();

    List<ConfigField> fields();

    AuthKind authKind();

    /** An adapter over the saved settings and the secrets in {@code context}. */
    T create(AdapterContext context) throws LumasyncException;

    /**
     * Checks the settings when they are saved, so a value that can never work is refused at once with its reason
     * instead of by every later run. {@code config} holds the non-secret fields (each already checked for its kind:
     * address, number, choice), {@code secrets} the secret fields given now (a secret kept from before is absent).
     */
    default void validate(AdapterConfig config, Map<String, String> secrets) throws LumasyncException {
    }
}
