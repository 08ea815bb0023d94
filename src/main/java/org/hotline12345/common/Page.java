package org.hotline12345.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param page zero-based page number
 * @param size the requested page size
 * @param total the number of matching items across all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The page's number as people count, from 1. */
    public int number() {
        return page + 1;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
