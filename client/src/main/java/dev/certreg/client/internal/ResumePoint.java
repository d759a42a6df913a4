package dev.certreg.client.internal;

/**
 * Where a walk starts: the marker of the page to fetch ({@code null} for the first page) and how many of the items
 * that follow that marker were already returned. botocore calls the count {@code boto_truncate_amount}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param marker the service marker to send, or {@code null} for none
 * @param skip the number of leading items to drop, at least 0
 */
public record ResumePoint(String marker, int skip) {
    /** The beginning of the listing: no marker, nothing to skip. */
    public static final ResumePoint START = new ResumePoint(null, 0);

    /** Rejects a negative skip. */
    public ResumePoint {
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative: " + skip);
        }
    }

    /** Whether this is the beginning of the listing, which no NextToken stands for. */
    public boolean isStart() {
        return marker == null && skip == 0;
    }
}
