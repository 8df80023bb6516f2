package io.lumasync.source;

import io.lumasync.core.LumasyncException;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where images come from. Blocking, thread-safe; failures are classified {@link LumasyncException}s with plain
 * messages. Adapters write no retry loops of their own: they run each call (a listing page, a download with its
 * checks) through the {@link io.lumasync.core.Retrier} of their {@link io.lumasync.core.AdapterContext}, so a
 * failure that still reaches the caller has already been retried as far as the policy allows.
 */
public interface Source extends AutoCloseable {

    /**
     * Lists the source: everything when {@code cursor} is empty or the source has no change feed, otherwise what
     * changed since the cursor. An expired cursor falls back to a complete listing (never to duplicates).
     */
    Listing list(Optional<String> cursor) throws LumasyncException;

    /** Opens one item's bytes. An item that vanished since listing is a GIVE_UP failure naming it. */
    InputStream open(SourceItem item) throws LumasyncException;

    /** A small preview if the provider makes one (JPEG/PNG bytes). */
    default Optional<byte[]> thumbnail(SourceItem item, int size) throws LumasyncException {
        return Optional.empty();
    }

    @Override
    default void close() {
    }
}
