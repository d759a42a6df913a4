package dev.certreg.client.internal;

import dev.certreg.client.PaginationException;
import java.util.HashSet;
import java.util.Set;

/**
 * Every marker a walk has sent. botocore compares a marker only with the one just before it, so a server that cycles
 * A, B, A, B keeps it paging forever (botocore issue #3778); remembering them all stops any cycle before a marker is
 * sent a second time. Costs one string per page.
 */
final class MarkerHistory {
    private final String operation;
    private final Set<String> sent = new HashSet<>();

    MarkerHistory(String operation) {
        this.operation = operation;
    }

    /**
     * Records that {@code marker} is about to be sent; {@code null} (the first page) is not a marker.
     *
     * @throws PaginationException if it was sent before
     */
    void record(String marker) {
        if (marker != null && !sent.add(marker)) {
            throw new PaginationException(operation + " returned the marker '" + marker + "' a second time"
                    + " (distinct markers sent: " + sent.size() + "); following it would loop forever");
        }
    }
}
