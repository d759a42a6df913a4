package dev.certreg.core;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items, in list order
 * @param hasMore whether at least one item follows the last one
 */
public record Page<T>(List<T> items, boolean hasMore) {
    public Page {
        items = List.copyOf(items);
    }
}
