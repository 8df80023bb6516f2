package io.lumasync.source;

import io.lumasync.core.LumasyncException;

/**
 * A source signed in with a token that can show its connection health with one cheap authenticated call (doctor,
 * the Sources pane), without listing everything.
 */
public interface Probed {
    /** Asks the service one small question with the stored token; throws, in plain words, when it is refused. */
    void probe() throws LumasyncException;
}
