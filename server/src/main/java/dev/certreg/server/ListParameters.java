package dev.certreg.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.ListQuery;
import dev.certreg.core.ListResult;
import dev.certreg.core.ListedCertificate;
import dev.certreg.core.TokenPage;
import dev.certreg.protocol.Member;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The paging members the list operations share, read from the query and written to the response. */
final class ListParameters {
    private ListParameters() {}

    /** The paging members of one list operation, read in the order the service checks them. */
    static ListQuery query(ApiRequest request, Member pageSize, Member marker, Member ascendingOrder) {
        return new ListQuery(request.integer(pageSize), request.string(marker),
                Boolean.TRUE.equals(request.bool(ascendingOrder)));
    }

    /** {@code {"certificates": [...], "nextMarker": ...}} with each item rendered by {@code item}. */
    static ObjectNode render(ListResult result, Function<ListedCertificate, ObjectNode> item) {
        ObjectNode body = Json.object();
        ArrayNode certificates = body.putArray("certificates");
        result.certificates().forEach(c -> certificates.add(item.apply(c)));
        result.nextMarker().ifPresent(marker -> body.put("nextMarker", marker));
        return body;
    }

    /** {@code {"<field>": [...], "nextToken": ...}} with each item added to the array by {@code add}. */
    static <T> ObjectNode render(TokenPage<T> page, String field, BiConsumer<ArrayNode, T> add) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray(field);
        page.items().forEach(item -> add.accept(items, item));
        page.nextToken().ifPresent(token -> body.put("nextToken", token));
        return body;
    }
}
