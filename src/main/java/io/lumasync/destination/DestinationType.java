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
}
