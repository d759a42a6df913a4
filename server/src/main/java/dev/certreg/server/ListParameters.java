package dev.certreg.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.ListQuery;
import dev.certreg.core.ListResult;
import dev.certreg.core.ListedCertificate;
import dev.certreg.core.TokenPage;
import dev.certreg.protocol.Member;
import java.io.IOException;
import java.util.function.BiConsumer;

/** The paging members the list operations share, read from the query and written to the response. */
final class ListParameters {
    private ListParameters() {}

    /** The paging members of one list operation, read in the order the service checks them. */
    static ListQuery query(ApiRequest request, Member pageSize, Member marker, Member ascendingOrder) {
        return new ListQuery(request.integer(pageSize), request.string(marker),
                Boolean.TRUE.equals(request.bool(ascendingOrder)));
    }

    /** Writes the members of one listed certificate's object. */
    @FunctionalInterface
    interface ItemWriter {
        void write(JsonGenerator json, ListedCertificate certificate) throws IOException;
    }

    /** {@code {"certificates": [...], "nextMarker": ...}}, each item's members written by {@code item}, streamed. */
    static JsonSerializable render(ListResult result, ItemWriter item) {
        return Json.streamed(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("certificates");
            for (ListedCertificate certificate : result.certificates()) {
                json.writeStartObject();
                item.write(json, certificate);
                json.writeEndObject();
            }
            json.writeEndArray();
            if (result.nextMarker().isPresent()) {
                json.writeStringField("nextMarker", result.nextMarker().get());
            }
            json.writeEndObject();
        });
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
