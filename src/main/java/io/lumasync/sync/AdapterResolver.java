package io.lumasync.sync;

import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Destination;
import io.lumasync.source.Source;

/** Opens configured adapters by name (with their secrets). Instances are cached and closed by the owner. */
public interface AdapterResolver {
    Destination destination(String name) throws LumasyncException;

    Source source(String name) throws LumasyncException;
}
