package org.pana.registration;

import java.util.List;

/** One page of a list: {@code total} counts only what the caller may see. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public ResultPage {
        items = List.copyOf(items);
    }
}
