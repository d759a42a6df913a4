package dev.certreg.client;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Describes a list operation that pages with a {@code marker} / {@code pageSize} request and a result list /
 * {@code nextMarker} response, so that one {@link Paginator} serves all of them. {@link ListOperations} has the IoT
 * certificate lists; a test can pass any function as {@code call}.
 *
 * <p>Immutable and thread-safe if its functions are.
 *
 * @param name the operation's API name, for messages ({@code ListCertificatesByCA})
 * @param resultKey the response member that holds the items, as botocore names it ({@code certificates})
 * @param marker reads the marker of a request, {@code null} if none
 * @param withMarker a copy of a request with another marker; {@code null} removes it
 * @param pageSize reads the page size of a request, {@code null} if none
 * @param withPageSize a copy of a request with another page size
 * @param call sends a request
 * @param items reads the items of a response
 * @param nextMarker reads the marker of the next page from a response, {@code null} or empty on the last page
 * @param <Req> the request type
 * @param <Resp> the response type
 * @param <T> the item type
 */
public record ListOperation<Req, Resp, T>(
        String name,
        String resultKey,
        Function<Req, String> marker,
        BiFunction<Req, String, Req> withMarker,
        Function<Req, Integer> pageSize,
        BiFunction<Req, Integer, Req> withPageSize,
        Function<Req, Resp> call,
        Function<Resp, List<T>> items,
        Function<Resp, String> nextMarker) {

    /** Rejects missing parts. */
    public ListOperation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resultKey, "resultKey");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(withMarker, "withMarker");
        Objects.requireNonNull(pageSize, "pageSize");
        Objects.requireNonNull(withPageSize, "withPageSize");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(nextMarker, "nextMarker");
    }
}
