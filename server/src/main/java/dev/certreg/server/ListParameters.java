package dev.certreg.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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
    // A page writes each of these names up to 250 times: quoted and encoded once here.
    private static final SerializableString CERTIFICATE_ARN = new SerializedString("certificateArn");
    private static final SerializableString CERTIFICATE_ID = new SerializedString("certificateId");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString CERTIFICATE_MODE = new SerializedString("certificateMode");
    private static final SerializableString CREATION_DATE = new SerializedString("creationDate");

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

    /**
     * The members of one listed certificate, as ListCertificates, ListCertificatesByCA and ListCACertificates give
     * them: {@code certificateMode} only where {@code withMode} (the CA list has none).
     */
    static void item(JsonGenerator json, String arn, ListedCertificate certificate, boolean withMode)
            throws IOException {
        json.writeFieldName(CERTIFICATE_ARN);
        json.writeString(arn);
        json.writeFieldName(CERTIFICATE_ID);
        json.writeString(certificate.certificateId());
        json.writeFieldName(STATUS);
        json.writeString(certificate.status());
        if (withMode) {
            json.writeFieldName(CERTIFICATE_MODE);
            json.writeString(certificate.mode().name());
        }
        json.writeFieldName(CREATION_DATE);
        Json.writeEpochSeconds(json, certificate.creationDate());
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
