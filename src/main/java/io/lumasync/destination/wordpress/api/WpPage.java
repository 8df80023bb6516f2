package io.lumasync.destination.wordpress.api;

import java.util.List;

/** One page of a WordPress collection with the totals from {@code X-WP-Total} / {@code X-WP-TotalPages}. */
public record WpPage<T>(List<T> items, long total, int totalPages) {
    public WpPage {
        items = List.copyOf(items);
    }
}
