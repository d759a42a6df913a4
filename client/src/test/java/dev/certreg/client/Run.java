package dev.certreg.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaRequest;

/**
 * One paginator run against a {@link StubServer}, recorded in the columns of the spec's test vectors: the requests'
 * markers, the yielded page sizes, the item ids and the NextToken.
 */
record Run(List<String> requests, List<Integer> pages, List<String> ids, Optional<String> token) {
    static final ListCertificatesByCaRequest REQUEST =
            ListCertificatesByCaRequest.builder().caCertificateId("ca1").build();

    static Run of(StubServer server, PaginationConfig config) {
        return of(server, REQUEST, config);
    }

    static Run of(StubServer server, ListCertificatesByCaRequest request, PaginationConfig config) {
        Paginator<Certificate> paginator =
                Paginator.of(ListOperations.listCertificatesByCa(server::call), request, config);
        List<Integer> pages = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Page<Certificate> page : paginator.pages()) {
            pages.add(page.items().size());
            page.items().forEach(item -> ids.add(item.certificateId()));
        }
        return new Run(server.takeRequests(), pages, ids, paginator.nextToken());
    }

    /** Runs again and again, each from the previous run's NextToken, until one ends without a token. */
    static List<Run> chain(StubServer server, Function<String, PaginationConfig> configForToken) {
        List<Run> runs = new ArrayList<>();
        String token = null;
        do {
            Run run = of(server, configForToken.apply(token));
            runs.add(run);
            token = run.token().orElse(null);
        } while (token != null && runs.size() < 100);
        return runs;
    }

    static List<String> allIds(List<Run> runs) {
        return runs.stream().flatMap(run -> run.ids().stream()).toList();
    }

    static List<String> ids(int fromInclusive, int toExclusive) {
        return IntStream.range(fromInclusive, toExclusive).mapToObj(i -> "i" + i).toList();
    }

    /** The botocore token whose JSON is {@code {"marker": "M(offset)"}}. */
    static String boundary(int offset) {
        return base64("{\"marker\": \"" + StubServer.marker(offset) + "\"}");
    }

    /** The botocore token {@code {"marker": M(offset) or null, "boto_truncate_amount": amount}}. */
    static String truncated(Integer offset, int amount) {
        String marker = offset == null ? "null" : "\"" + StubServer.marker(offset) + "\"";
        return base64("{\"marker\": " + marker + ", \"boto_truncate_amount\": " + amount + "}");
    }

    static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
