package dev.certreg.client;

import dev.certreg.client.internal.NextTokenCodec;
import dev.certreg.client.internal.PageWalk;
import dev.certreg.client.internal.ResumePoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One walk through a paged listing with boto3's semantics: pages are requested lazily, MaxItems may cut a page, and
 * {@link #nextToken()} then resumes exactly after the last item returned, in botocore's NextToken format.
 *
 * <p>Like boto3's {@code PageIterator} (or a {@link java.nio.file.DirectoryStream}), a paginator is walked once:
 * through {@link #pages()}, {@link #items()} or {@link #buildFullResult()}, whichever comes first. A second walk is
 * refused rather than silently continuing from the last marker, as botocore does; create a new paginator instead.
 *
 * <p>Not thread-safe.
 *
 * @param <T> the item type
 */
public final class Paginator<T> {
    private final String resultKey;
    private final PageWalk<?, ?, T> walk;
    private boolean walked;

    private Paginator(String resultKey, PageWalk<?, ?, T> walk) {
        this.resultKey = resultKey;
        this.walk = walk;
    }

    /**
     * A paginator for {@code operation}. Nothing is sent yet; everything is checked now.
     *
     * @param operation the list operation
     * @param request the first request; PageSize replaces its page size, a StartingToken replaces its marker
     * @param config MaxItems, PageSize and StartingToken
     * @param <Req> the request type
     * @param <Resp> the response type
     * @param <T> the item type
     * @throws IllegalArgumentException if the request's own page size is outside 1..250
     */
    public static <Req, Resp, T> Paginator<T> of(
            ListOperation<Req, Resp, T> operation, Req request, PaginationConfig config) {
        Req sized = withPageSize(operation, request, config);
        ResumePoint start = config.startingToken()
                .map(NextTokenCodec::decode)
                .orElseGet(() -> new ResumePoint(operation.marker().apply(request), 0));
        return new Paginator<>(operation.resultKey(), new PageWalk<>(operation, sized, start, config.maxItems()));
    }

    private static <Req> Req withPageSize(ListOperation<Req, ?, ?> operation, Req request, PaginationConfig config) {
        if (config.pageSize().isPresent()) {
            return operation.withPageSize().apply(request, config.pageSize().getAsInt());
        }
        Integer own = operation.pageSize().apply(request);
        if (own != null) {
            PaginationConfig.checkPageSize(own, "The request's pageSize");
        }
        return request;
    }

    /**
     * The pages, each requested when the iterator reaches it. The returned iterable gives one iterator only.
     *
     * @throws IllegalStateException from {@code iterator()} if this paginator was already walked
     */
    public Iterable<Page<T>> pages() {
        return this::claim;
    }

    /**
     * The items of all pages, pages requested as the stream reaches them.
     *
     * @throws IllegalStateException if this paginator was already walked
     */
    public Stream<T> items() {
        Spliterator<Page<T>> pages = Spliterators.spliteratorUnknownSize(
                claim(), Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(pages, false).flatMap(page -> page.items().stream());
    }

    /**
     * Walks to the end and returns all items and the NextToken, as botocore's {@code build_full_result()}.
     *
     * @throws IllegalStateException if this paginator was already walked
     */
    public FullResult<T> buildFullResult() {
        List<T> items = new ArrayList<>();
        claim().forEachRemaining(page -> items.addAll(page.items()));
        return new FullResult<>(resultKey, items, nextToken());
    }

    /**
     * The token that resumes after the last item returned, when MaxItems stopped the walk; empty when the listing was
     * exhausted. Pass it as the StartingToken of the next walk, in Java, boto3 or the AWS CLI.
     *
     * @throws IllegalStateException if the walk has not reached its end, or failed
     */
    public Optional<String> nextToken() {
        return walk.nextToken();
    }

    private Iterator<Page<T>> claim() {
        if (walked) {
            throw new IllegalStateException("this paginator was already walked; create a new one for another walk");
        }
        walked = true;
        return walk;
    }
}
