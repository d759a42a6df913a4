package dev.certreg.core;

import dev.certreg.protocol.Members;
import java.util.Optional;

/**
 * The paging rules shared by the three list operations: page size, marker checks, and the next marker. Thread-safe.
 */
public final class CertificateLists {
    private final MarkerCodec markers;

    public CertificateLists(MarkerCodec markers) {
        this.markers = markers;
    }

    /** Reads one page through {@code reader}, checking the query and sealing the next marker. */
    public ListResult page(Scope scope, ListBinding binding, ListQuery query, PageReader reader) {
        int pageSize = PageSize.of(Members.ListCertificates.PAGE_SIZE, query.pageSize());
        Optional<PageKey> after = query.marker() == null
                ? Optional.empty()
                : Optional.of(markers.decode(scope, binding, query.marker()));
        Page<ListedCertificate> page = reader.read(new PageRequest(pageSize, binding.ascending(), after));
        Optional<String> next = page.hasMore() && !page.items().isEmpty()
                ? Optional.of(markers.encode(scope, binding, page.items().get(page.items().size() - 1).key()))
                : Optional.empty();
        return new ListResult(page.items(), next);
    }

    /** Reads one page from a store. */
    @FunctionalInterface
    public interface PageReader {
        Page<ListedCertificate> read(PageRequest request);
    }
}
