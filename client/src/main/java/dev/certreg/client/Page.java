package dev.certreg.client;

import java.util.List;
import java.util.Optional;

/**
 * One response of a walk, as the walk yields it: the items that count towards the result (after dropping a
 * StartingToken's skip and cutting at MaxItems) and the server's own {@code nextMarker}.
 *
 * <p>Resume with {@link Paginator#nextToken()}, never with {@code nextMarker}: when MaxItems cut this page, the
 * server's marker points past the items that were cut off.
 *
 * <p>Immutable and thread-safe.
 *
 * @param items the items of this page that the walk returns, possibly none
 * @param nextMarker the server's marker for the following page, empty on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> nextMarker) {
    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }
}
