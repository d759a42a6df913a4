package dev.certreg.core;

import java.util.Optional;

/**
 * What a store needs to read one page of a list ordered by {@link NamedPosition}.
 *
 * @param limit the number of items wanted; stores read {@code limit + 1} rows to learn whether more follow
 * @param ascending oldest first when true, newest first otherwise
 * @param after the page starts strictly after this position in list order, or at the start when empty
 */
public record NamedPageRequest(int limit, boolean ascending, Optional<NamedPosition> after) {}
