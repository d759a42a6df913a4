package dev.certreg.core;

import java.util.Optional;

/**
 * What a store needs to read one page.
 *
 * @param limit the number of items wanted; stores read {@code limit + 1} rows to learn whether more follow
 * @param ascending oldest first when true, newest first otherwise
 * @param after the page starts strictly after this key in the list order, or at the start when empty
 */
public record PageRequest(int limit, boolean ascending, Optional<PageKey> after) {}
