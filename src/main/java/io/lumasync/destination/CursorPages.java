package io.lumasync.destination;

import io.lumasync.core.LumasyncException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbered pages ({@link Destination#list} counts from 1) over an API that pages with cursors (Shopify's
 * {@code endCursor}, HubSpot's {@code paging.next.after}): each page's cursor is remembered, so walking the pages in
 * order costs one request a page, and a page asked for out of order is reached from the nearest one known.
 * Thread-safe.
 *
 * @param <T> what a page holds
 */
public final class CursorPages<T> {

    /** One page as the API gave it, with the cursor of the next one (empty at the end). */
    public record Page<T>(List<T> items, Optional<String> next) {
    }

    /** Fetches the page after {@code cursor} (null: the first page). */
    @FunctionalInterface
    public interface Fetch<T> {
        Page<T> fetch(String cursor, int perPage) throws LumasyncException;
    }

    private final int maxPerPage;
    private final Map<Integer, Map<Integer, String>> cursors = new ConcurrentHashMap<>();

    /** {@code maxPerPage}: the most the API returns at once; larger requests get nothing. */
    public CursorPages(int maxPerPage) {
        this.maxPerPage = maxPerPage;
    }

    public List<T> page(int page, int perPage, Fetch<T> fetch) throws LumasyncException {
        if (page < 1 || perPage < 1 || perPage > maxPerPage) {
            return List.of();
        }
        Map<Integer, String> known = cursors.computeIfAbsent(perPage, k -> new ConcurrentHashMap<>());
        int from = page;
        while (from > 1 && !known.containsKey(from)) {
            from--;
        }
        String cursor = from == 1 ? null : known.get(from);
        for (int p = from; ; p++) {
            Page<T> got = fetch.fetch(cursor, perPage);
            int next = p + 1;
            got.next().ifPresent(c -> known.put(next, c));
            if (p == page) {
                return got.items();
            }
            if (got.next().isEmpty()) {
                return List.of();
            }
            cursor = got.next().get();
        }
    }
}
