package dev.certreg.core;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list as the API returns it.
 *
 * @param certificates the items
 * @param nextMarker the marker of the next page; empty on the last page
 */
public record ListResult(List<ListedCertificate> certificates, Optional<String> nextMarker) {
    public ListResult {
        certificates = List.copyOf(certificates);
    }
}
