package dev.certreg.client;

import java.util.function.Function;
import software.amazon.awssdk.services.iot.model.CACertificate;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.ListCaCertificatesRequest;
import software.amazon.awssdk.services.iot.model.ListCaCertificatesResponse;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaRequest;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaResponse;
import software.amazon.awssdk.services.iot.model.ListCertificatesRequest;
import software.amazon.awssdk.services.iot.model.ListCertificatesResponse;

/**
 * The IoT certificate lists as {@link ListOperation}s. All three share botocore's paginator entry:
 * {@code input_token: marker}, {@code output_token: nextMarker}, {@code limit_key: pageSize},
 * {@code result_key: certificates}. Each takes the function that sends the request, usually a method of
 * {@code IotClient}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ListOperations {
    private ListOperations() {}

    /** ListCertificatesByCA, sent with {@code call}. */
    public static ListOperation<ListCertificatesByCaRequest, ListCertificatesByCaResponse, Certificate>
            listCertificatesByCa(Function<ListCertificatesByCaRequest, ListCertificatesByCaResponse> call) {
        return new ListOperation<>(
                "ListCertificatesByCA",
                "certificates",
                ListCertificatesByCaRequest::marker,
                (request, marker) -> request.toBuilder().marker(marker).build(),
                ListCertificatesByCaRequest::pageSize,
                (request, pageSize) -> request.toBuilder().pageSize(pageSize).build(),
                call,
                ListCertificatesByCaResponse::certificates,
                ListCertificatesByCaResponse::nextMarker);
    }

    /** ListCertificates, sent with {@code call}. */
    public static ListOperation<ListCertificatesRequest, ListCertificatesResponse, Certificate> listCertificates(
            Function<ListCertificatesRequest, ListCertificatesResponse> call) {
        return new ListOperation<>(
                "ListCertificates",
                "certificates",
                ListCertificatesRequest::marker,
                (request, marker) -> request.toBuilder().marker(marker).build(),
                ListCertificatesRequest::pageSize,
                (request, pageSize) -> request.toBuilder().pageSize(pageSize).build(),
                call,
                ListCertificatesResponse::certificates,
                ListCertificatesResponse::nextMarker);
    }

    /** ListCACertificates, sent with {@code call}. */
    public static ListOperation<ListCaCertificatesRequest, ListCaCertificatesResponse, CACertificate>
            listCaCertificates(Function<ListCaCertificatesRequest, ListCaCertificatesResponse> call) {
        return new ListOperation<>(
                "ListCACertificates",
                "certificates",
                ListCaCertificatesRequest::marker,
                (request, marker) -> request.toBuilder().marker(marker).build(),
                ListCaCertificatesRequest::pageSize,
                (request, pageSize) -> request.toBuilder().pageSize(pageSize).build(),
                call,
                ListCaCertificatesResponse::certificates,
                ListCaCertificatesResponse::nextMarker);
    }
}
