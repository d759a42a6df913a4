package dev.certreg.core;

import dev.certreg.protocol.Member;

/** The page size of a list request, one rule for every list operation. Stateless. */
final class PageSize {
    /** The page size when a request gives none. */
    static final int DEFAULT = 25;

    private PageSize() {}

    /**
     * {@code requested}, or {@link #DEFAULT} if null, within the range {@code member} (PageSize or MaxResults, in
     * {@code protocol}'s member table) allows, or an InvalidRequestException naming the member.
     */
    static int of(Member member, Integer requested) {
        int size = requested == null ? DEFAULT : requested;
        if (size < member.min() || size > member.max()) {
            throw ServiceException.invalidRequest(member.wireName() + " must be between " + member.min() + " and "
                    + member.max() + ", got " + size);
        }
        return size;
    }
}
