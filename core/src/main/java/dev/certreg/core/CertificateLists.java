package dev.certreg.core;

import dev.certreg.protocol.Members;
import java.util.Optional;

/**
 * The paging rules shared by the three list operations: page size, marker checks, and the next marker. Thread-safe.
 */
public final class CertificateLists {
    /** The page size when a request gives none. */
    public static final int DEFAULT_PAGE_SIZE = 25;

    private final MarkerCodec markers;

    public CertificateLists(MarkerCodec markers) {
        this.markers = markers;
    }

    /** Reads one page through {@code reader}, checking the query and sealing the next marker. */
    public ListResult page(Scope scope, ListBinding binding, ListQuery query, PageReader reader) {
        int pageSize = pageSize(query);
        Optional<PageKey> after = query.marker() == null
                ? Optional.empty()
                : Optional.of(markers.decode(scope, binding, query.marker()));
        Page<ListedCertificate> page = reader.read(new PageRequest(pageSize, binding.ascending(), after));
        Optional<String> next = page.hasMore() && !page.items().isEmpty()
                ? Optional.of(markers.encode(scope, binding, page.items().get(page.items().size() - 1).key()))
                : Optional.empty();
        return new ListResult(page.items(), next);
    }

    /**
     * The page size of {@code query}, {@link #DEFAULT_PAGE_SIZE} if it gives none, within the model's PageSize range
     * (in {@code protocol}'s member table) or an InvalidRequestException. Every list operation shares it.
     */
    static int pageSize(ListQuery query) {
        int pageSize = query.pageSize() == null ? DEFAULT_PAGE_SIZE : query.pageSize();
        long min = Members.ListCertificates.PAGE_SIZE.min();
        long max = Members.ListCertificates.PAGE_SIZE.max();
        if (pageSize < min || pageSize > max) {
            throw ServiceException.invalidRequest(
                    "pageSize must be between " + min + " and " + max + ", got " + pageSize);
        }
        return pageSize;
    }

    /** Reads one page from a store. */
    @FunctionalInterface
    public interface PageReader {
        Page<ListedCertificate> read(PageRequest request);
    }
}
