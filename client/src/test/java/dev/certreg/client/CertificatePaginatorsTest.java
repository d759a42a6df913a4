package dev.certreg.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CACertificate;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.ListCaCertificatesRequest;
import software.amazon.awssdk.services.iot.model.ListCaCertificatesResponse;
import software.amazon.awssdk.services.iot.model.ListCertificatesRequest;
import software.amazon.awssdk.services.iot.model.ListCertificatesResponse;

/**
 * The three entry points reach the right {@link IotClient} method and page through its answers. The client is a
 * dynamic proxy over the interface that answers two pages (a, b then c), so nothing touches the network.
 */
class CertificatePaginatorsTest {
    private static final String SECOND_PAGE = "c2Vjb25k";

    private final List<String> calls = new ArrayList<>();
    private final IotClient iot = (IotClient) Proxy.newProxyInstance(
            IotClient.class.getClassLoader(), new Class<?>[] {IotClient.class}, twoPages());

    private InvocationHandler twoPages() {
        return (proxy, method, args) -> {
            calls.add(method.getName());
            if (args != null && args[0] instanceof ListCertificatesRequest request) {
                return certificates(request.marker());
            }
            if (args != null && args[0] instanceof ListCaCertificatesRequest request) {
                return caCertificates(request.marker());
            }
            throw new UnsupportedOperationException(method.getName());
        };
    }

    private static ListCertificatesResponse certificates(String marker) {
        List<String> ids = marker == null ? List.of("a", "b") : List.of("c");
        return ListCertificatesResponse.builder()
                .certificates(ids.stream().map(id -> Certificate.builder().certificateId(id).build()).toList())
                .nextMarker(marker == null ? SECOND_PAGE : null)
                .build();
    }

    private static ListCaCertificatesResponse caCertificates(String marker) {
        List<String> ids = marker == null ? List.of("a", "b") : List.of("c");
        return ListCaCertificatesResponse.builder()
                .certificates(ids.stream().map(id -> CACertificate.builder().certificateId(id).build()).toList())
                .nextMarker(marker == null ? SECOND_PAGE : null)
                .build();
    }

    @Test
    void listCertificatesPagesThroughIotClientListCertificates() {
        Paginator<Certificate> paginator = CertificatePaginators.listCertificates(
                iot, ListCertificatesRequest.builder().build(), PaginationConfig.defaults());

        assertThat(paginator.items().map(Certificate::certificateId)).containsExactly("a", "b", "c");
        assertThat(calls).containsExactly("listCertificates", "listCertificates");
    }

    @Test
    void listCaCertificatesPagesThroughIotClientListCaCertificatesAndResumes() {
        PaginationConfig firstTwo = PaginationConfig.builder().maxItems(2).build();

        FullResult<CACertificate> first = CertificatePaginators.listCaCertificates(
                        iot, ListCaCertificatesRequest.builder().build(), firstTwo)
                .buildFullResult();
        FullResult<CACertificate> rest = CertificatePaginators.listCaCertificates(
                        iot,
                        ListCaCertificatesRequest.builder().build(),
                        PaginationConfig.builder().startingToken(first.nextToken().orElseThrow()).build())
                .buildFullResult();

        assertThat(first.items()).extracting(CACertificate::certificateId).containsExactly("a", "b");
        assertThat(first.nextToken()).contains(Run.base64("{\"marker\": \"" + SECOND_PAGE + "\"}"));
        assertThat(rest.items()).extracting(CACertificate::certificateId).containsExactly("c");
        assertThat(calls).containsOnly("listCACertificates");
    }

    @Test
    void nothingIsSentUntilThePaginatorIsWalked() {
        CertificatePaginators.listCertificates(
                iot, ListCertificatesRequest.builder().build(), PaginationConfig.defaults());

        assertThat(calls).isEmpty();
    }
}
