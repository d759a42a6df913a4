package dev.certreg.client;

import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CACertificate;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.ListCaCertificatesRequest;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaRequest;
import software.amazon.awssdk.services.iot.model.ListCertificatesRequest;

/**
 * boto3-compatible paginators for the IoT certificate lists, over an AWS SDK v2 {@link IotClient}:
 *
 * <pre>{@code
 * FullResult<Certificate> result = CertificatePaginators.listCertificatesByCa(
 *                 iot,
 *                 ListCertificatesByCaRequest.builder().caCertificateId(caId).build(),
 *                 PaginationConfig.builder().maxItems(50).startingToken(previousToken).build())
 *         .buildFullResult();
 * }</pre>
 *
 * <p>Stateless and thread-safe; each paginator it returns is not (see {@link Paginator}).
 */
public final class CertificatePaginators {
    private CertificatePaginators() {}

    /** Pages through ListCertificatesByCA. Nothing is sent until the paginator is walked. */
    public static Paginator<Certificate> listCertificatesByCa(
            IotClient iot, ListCertificatesByCaRequest request, PaginationConfig config) {
        return Paginator.of(ListOperations.listCertificatesByCa(iot::listCertificatesByCA), request, config);
    }

    /** Pages through ListCertificates. Nothing is sent until the paginator is walked. */
    public static Paginator<Certificate> listCertificates(
            IotClient iot, ListCertificatesRequest request, PaginationConfig config) {
        return Paginator.of(ListOperations.listCertificates(iot::listCertificates), request, config);
    }

    /** Pages through ListCACertificates. Nothing is sent until the paginator is walked. */
    public static Paginator<CACertificate> listCaCertificates(
            IotClient iot, ListCaCertificatesRequest request, PaginationConfig config) {
        return Paginator.of(ListOperations.listCaCertificates(iot::listCACertificates), request, config);
    }
}
