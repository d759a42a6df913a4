package dev.certreg.core;

import java.util.List;
import java.util.Optional;

/**
 * One page of a {@code nextToken} list as the API returns it.
 *
 * @param items the items, in list order
 * @param nextToken the token of the next page; empty on the last page
 * @param <T> the item type
 */
public record TokenPage<T>(List<T> items, Optional<String> nextToken) {
    public TokenPage {
        items = List.copyOf(items);
    }
}
