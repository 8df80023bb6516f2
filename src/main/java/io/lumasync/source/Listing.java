package io.lumasync.source;

import java.util.List;
import java.util.Optional;

/**
 * The answer of {@link Source#list}.
 *
 * @param items     the items present (a full listing) or changed (an incremental one)
 * @param removed   ids removed since the cursor (incremental listings only)
 * @param complete  true when {@code items} is everything at the source, so anything absent was removed
 * @param cursor    where to continue next time (Dropbox cursor, Drive page token), if the source has one
 * @param problems  items that could not be listed, each with a plain reason (unreadable file, symlink loop)
 */
public record Listing(List<SourceItem> items, List<String> removed, boolean complete, Optional<String> cursor,
                      List<String> problems) {
    public Listing {
        items = List.copyOf(items);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
    }
}
