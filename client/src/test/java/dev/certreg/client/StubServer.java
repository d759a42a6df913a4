package dev.certreg.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaRequest;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaResponse;

/**
 * The paginating stub of {@code docs/client-pagination.md} "Wire contract", in memory: items {@code i0..i22}, {@code nextMarker} =
 * base64 of {@code offset=<n>} (written M(n)), default page size 25, page sizes outside 1..250 rejected. Variants:
 * moto's single page, an empty or extra marker after the last page. Records each request's marker and page size.
 */
final class StubServer {
    private final int itemCount;
    private boolean singlePage;
    private boolean markerAfterFullLastPage;
    private String lastPageMarker;
    private final List<String> requests = new ArrayList<>();
    private final List<Integer> pageSizes = new ArrayList<>();

    private StubServer(int itemCount) {
        this.itemCount = itemCount;
    }

    /** The stub with 23 items. */
    static StubServer paging() {
        return new StubServer(23);
    }

    /** moto: one page with every item; pageSize and marker are ignored. */
    static StubServer singlePage() {
        StubServer server = paging();
        server.singlePage = true;
        return server;
    }

    /** Sends {@code marker} as the last page's nextMarker ({@code ""}, say) instead of omitting it. */
    StubServer lastPageMarker(String marker) {
        this.lastPageMarker = marker;
        return this;
    }

    /** Sends a marker after a last page that is full, then one empty page (V20). */
    StubServer markerAfterFullLastPage() {
        this.markerAfterFullLastPage = true;
        return this;
    }

    /** M(offset): the marker of the page that starts at item {@code offset}. */
    static String marker(int offset) {
        return Base64.getEncoder().encodeToString(("offset=" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    ListCertificatesByCaResponse call(ListCertificatesByCaRequest request) {
        requests.add(request.marker() == null ? "-" : "M" + offset(request.marker()));
        pageSizes.add(request.pageSize());
        if (singlePage) {
            return page(0, itemCount, null);
        }
        int size = request.pageSize() == null ? 25 : request.pageSize();
        if (size < 1 || size > 250) {
            throw InvalidRequestException.builder().message("pageSize " + size).build();
        }
        int from = request.marker() == null ? 0 : offset(request.marker());
        int to = Math.min(from + size, itemCount);
        boolean more = to < itemCount || (markerAfterFullLastPage && to - from == size);
        return page(from, to, more ? marker(to) : lastPageMarker);
    }

    /** The markers of the requests sent since the last call, {@code -} for none; then forgets them. */
    List<String> takeRequests() {
        List<String> taken = List.copyOf(requests);
        requests.clear();
        return taken;
    }

    /** The page sizes of all requests sent, {@code null} for none. */
    List<Integer> pageSizes() {
        return pageSizes;
    }

    private static int offset(String marker) {
        String text = new String(Base64.getDecoder().decode(marker), StandardCharsets.US_ASCII);
        if (!text.startsWith("offset=")) {
            throw InvalidRequestException.builder().message("bad marker " + marker).build();
        }
        return Integer.parseInt(text.substring("offset=".length()));
    }

    private static ListCertificatesByCaResponse page(int from, int to, String nextMarker) {
        List<Certificate> items = IntStream.range(from, to)
                .mapToObj(i -> Certificate.builder().certificateId("i" + i).build())
                .toList();
        return ListCertificatesByCaResponse.builder().certificates(items).nextMarker(nextMarker).build();
    }
}
