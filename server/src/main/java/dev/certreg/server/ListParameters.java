package dev.certreg.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.ListQuery;
import dev.certreg.core.ListResult;
import dev.certreg.core.ListedCertificate;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The paging members the list operations share, read from the query and written to the response. */
final class ListParameters {
    private static final Pattern MARKER = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private ListParameters() {}

    /** {@code pageSize}, {@code marker} and {@code isAscendingOrder}; the page size range is the service's rule. */
    static ListQuery query(ApiRequest request) {
        return new ListQuery(request.queryInteger("pageSize"), marker(request),
                Boolean.TRUE.equals(request.queryBoolean("isAscendingOrder")));
    }

    /** {@code marker}: at most 1024 characters of base64. */
    static String marker(ApiRequest request) {
        return request.queryString("marker", 1, 1024, MARKER);
    }

    /** {@code {"certificates": [...], "nextMarker": ...}} with each item rendered by {@code item}. */
    static ObjectNode render(ListResult result, Function<ListedCertificate, ObjectNode> item) {
        ObjectNode body = Json.object();
        ArrayNode certificates = body.putArray("certificates");
        result.certificates().forEach(c -> certificates.add(item.apply(c)));
        result.nextMarker().ifPresent(marker -> body.put("nextMarker", marker));
        return body;
    }
}
