package io.lumasync.destination;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CursorPagesTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 7).boxed().toList();
    private final List<String> asked = new ArrayList<>();

    /** An API paging ITEMS with the index of the next item as its cursor. */
    private CursorPages.Page<Integer> fetch(String cursor, int perPage) {
        asked.add(String.valueOf(cursor));
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(ITEMS.size(), from + perPage);
        return new CursorPages.Page<>(ITEMS.subList(from, to), to < ITEMS.size() ? Optional.of(Integer.toString(to))
                : Optional.empty());
    }

    @Test
    void pagesInOrderCostOneRequestEachAndEndEmpty() throws Exception {
        var pages = new CursorPages<Integer>(100);
        assertThat(pages.page(1, 3, this::fetch)).containsExactly(0, 1, 2);
        assertThat(pages.page(2, 3, this::fetch)).containsExactly(3, 4, 5);
        assertThat(pages.page(3, 3, this::fetch)).containsExactly(6);
        assertThat(asked).containsExactly("null", "3", "6");
        assertThat(pages.page(4, 3, this::fetch)).isEmpty();
    }

    @Test
    void aPageAskedFirstIsReachedFromTheStartAndTheWayIsRemembered() throws Exception {
        var pages = new CursorPages<Integer>(100);
        assertThat(pages.page(3, 2, this::fetch)).containsExactly(4, 5);
        assertThat(asked).containsExactly("null", "2", "4");
        asked.clear();
        assertThat(pages.page(2, 2, this::fetch)).containsExactly(2, 3);
        assertThat(asked).containsExactly("2");
    }

    @Test
    void pageSizesTheApiRefusesAndPagesBeforeTheFirstGetNothing() throws Exception {
        var pages = new CursorPages<Integer>(5);
        assertThat(pages.page(1, 6, this::fetch)).isEmpty();
        assertThat(pages.page(0, 2, this::fetch)).isEmpty();
        assertThat(asked).isEmpty();
    }
}
