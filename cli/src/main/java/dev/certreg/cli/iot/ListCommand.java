package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.PaginationConfig;
import dev.certreg.client.Paginator;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * A paged list. By default it walks with the client module's paginator and prints {@code build_full_result()}:
 * {@code {"certificates": [...]}} plus {@code "NextToken"} when {@code --max-items} stopped it. With {@code
 * --no-paginate} it sends one request and prints the raw page, {@code nextMarker} included. Not thread-safe.
 *
 * @param <Req> the request type
 */
abstract class ListCommand<Req> extends OperationCommand {
    @Mixin
    PagingOptions paging;

    /** The request with this command's own options (not the paging ones). */
    abstract Req request();

    /** The list operation, sent with {@code iot}. */
    abstract ListOperation<Req, ?, ?> operation(IotClient iot);

    @Override
    final Function<IotClient, Object> prepare() {
        Req request = request();
        if (global.noPaginate) {
            paging.checkSinglePage();
            return iot -> singlePage(operation(iot), request);
        }
        PaginationConfig config = paging.config();
        return iot -> Paginator.of(operation(iot), request, config).buildFullResult().asMap();
    }

    private <Resp> Object singlePage(ListOperation<Req, Resp, ?> operation, Req request) {
        Req sized = paging.pageSize == null ? request : operation.withPageSize().apply(request, paging.pageSize);
        return operation.call().apply(sized);
    }
}
