package dev.certreg.client.internal;

import dev.certreg.client.ListOperation;
import dev.certreg.client.Page;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One walk through a listing, as botocore's {@code PageIterator} walks it ({@code docs/client-pagination.md} "Iteration"):
 * pages are fetched lazily, one per {@link #next()}; the starting skip is dropped first, and a page that would pass
 * MaxItems is cut and ends the walk with a token that points into that page.
 *
 * <p>Two departures from botocore: the starting skip carries over to the following pages when the first page is
 * shorter than the skip (a token issued under another page size neither repeats nor loses items), and a marker sent
 * before, not only the previous one, ends the walk with a {@link dev.certreg.client.PaginationException}.
 *
 * <p>Not thread-safe: one walk is driven by one thread at a time, like any {@link Iterator}.
 *
 * @param <Req> the request type
 * @param <Resp> the response type
 * @param <T> the item type
 */
public final class PageWalk<Req, Resp, T> implements Iterator<Page<T>> {
    private enum State { WALKING, ENDED, FAILED }

    private final ListOperation<Req, Resp, T> operation;
    private final Req request;
    private final OptionalInt maxItems;
    private final MarkerHistory history;
    private ResumePoint position;
    private int total;
    private State state = State.WALKING;
    private ResumePoint resumePoint;

    /**
     * A walk that has not sent anything yet.
     *
     * @param operation the list operation
     * @param request the request to send, with its page size set; its marker is replaced on each request
     * @param start where to begin
     * @param maxItems the most items to return in this walk, if limited
     */
    public PageWalk(ListOperation<Req, Resp, T> operation, Req request, ResumePoint start, OptionalInt maxItems) {
        this.operation = operation;
        this.request = request;
        this.position = start;
        this.maxItems = maxItems;
        this.history = new MarkerHistory(operation.name());
    }

    @Override
    public boolean hasNext() {
        return state == State.WALKING;
    }

    /**
     * Sends the next request and returns its page, cut as MaxItems and the starting skip require.
     *
     * @throws dev.certreg.client.PaginationException if the next marker was already sent
     */
    @Override
    public Page<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the walk has ended");
        }
        try {
            return fetch();
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /**
     * The NextToken that resumes after this walk, empty if the listing was exhausted.
     *
     * @throws IllegalStateException if the walk has not ended or has failed
     */
    public Optional<String> nextToken() {
        if (state != State.ENDED) {
            throw new IllegalStateException(state == State.FAILED
                    ? "the walk failed, so it has no NextToken; resume from the previous one"
                    : "the walk has not ended; iterate its pages or items to the end first");
        }
        return Optional.ofNullable(resumePoint).map(NextTokenCodec::encode);
    }

    private Page<T> fetch() {
        String marker = position.marker();
        history.record(marker);
        Resp response = operation.call().apply(operation.withMarker().apply(request, marker));
        List<T> items = itemsOf(response);
        int skipped = Math.min(position.skip(), items.size());
        List<T> fresh = items.subList(skipped, items.size());
        String nextMarker = nextMarkerOf(response);
        if (maxItems.isPresent() && total + fresh.size() > maxItems.getAsInt()) {
            return truncate(marker, skipped, fresh, nextMarker);
        }
        total += fresh.size();
        advance(nextMarker, position.skip() - skipped);
        return new Page<>(fresh, Optional.ofNullable(nextMarker));
    }

    /** Keeps what MaxItems allows; the token points into this page, past the skipped and the kept items. */
    private Page<T> truncate(String marker, int skipped, List<T> fresh, String nextMarker) {
        int keep = maxItems.getAsInt() - total;
        end(new ResumePoint(marker, skipped + keep));
        return new Page<>(fresh.subList(0, keep), Optional.ofNullable(nextMarker));
    }

    private void advance(String nextMarker, int skipStillDue) {
        if (nextMarker == null) {
            end(null);
        } else if (maxItems.isPresent() && total == maxItems.getAsInt()) {
            end(new ResumePoint(nextMarker, 0));
        } else {
            position = new ResumePoint(nextMarker, skipStillDue);
        }
    }

    private void end(ResumePoint resumeAt) {
        state = State.ENDED;
        resumePoint = resumeAt;
    }

    /** A missing result list counts as an empty page, as in botocore. */
    private List<T> itemsOf(Resp response) {
        List<T> items = operation.items().apply(response);
        return items == null ? List.of() : items;
    }

    /** An absent, null or empty {@code nextMarker} ends the listing, as in botocore and the AWS SDKs. */
    private String nextMarkerOf(Resp response) {
        String nextMarker = operation.nextMarker().apply(response);
        return nextMarker == null || nextMarker.isEmpty() ? null : nextMarker;
    }
}
