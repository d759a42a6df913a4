package dev.certreg.client;

import static dev.certreg.client.Run.ids;
import static dev.certreg.client.Run.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaRequest;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaResponse;

/** What {@link Paginator} adds around the vectors: laziness, one walk, the NextToken's life, errors. */
class PaginatorTest {
    private final StubServer server = StubServer.paging();

    private Paginator<Certificate> paginator(PaginationConfig config) {
        return paginator(server::call, Run.REQUEST, config);
    }

    private static Paginator<Certificate> paginator(
            Function<ListCertificatesByCaRequest, ListCertificatesByCaResponse> call,
            ListCertificatesByCaRequest request,
            PaginationConfig config) {
        return Paginator.of(ListOperations.listCertificatesByCa(call), request, config);
    }

    private static PaginationConfig pageSize(int pageSize) {
        return PaginationConfig.builder().pageSize(pageSize).build();
    }

    private static List<String> idsOf(List<Certificate> items) {
        return items.stream().map(Certificate::certificateId).toList();
    }

    @Test
    void pagesAreRequestedOnlyWhenTheIteratorReachesThem() {
        Paginator<Certificate> paginator = paginator(pageSize(5));
        Iterator<Page<Certificate>> pages = paginator.pages().iterator();

        assertThat(server.takeRequests()).isEmpty();
        pages.next();
        assertThat(server.takeRequests()).containsExactly("-");
    }

    @Test
    void aStreamThatStopsEarlyRequestsNoFurtherPages() {
        List<Certificate> first = paginator(pageSize(5)).items().limit(6).toList();

        assertThat(idsOf(first)).isEqualTo(ids(0, 6));
        assertThat(server.takeRequests()).containsExactly("-", "M5");
    }

    @Test
    void itemsStreamsEveryItemInServerOrder() {
        assertThat(idsOf(paginator(pageSize(4)).items().toList())).isEqualTo(ids(0, 23));
    }

    @Test
    void pagesCarryTheServersNextMarker() {
        Iterator<Page<Certificate>> pages = paginator(pageSize(20)).pages().iterator();

        assertThat(pages.next().nextMarker()).contains(StubServer.marker(20));
        assertThat(pages.next().nextMarker()).isEmpty();
        assertThat(pages.hasNext()).isFalse();
    }

    @Test
    void buildFullResultReturnsTheItemsAndTheNextTokenInBoto3sLayout() {
        PaginationConfig config = PaginationConfig.builder().pageSize(10).maxItems(7).build();

        FullResult<Certificate> result = paginator(config).buildFullResult();

        assertThat(idsOf(result.items())).isEqualTo(ids(0, 7));
        assertThat(result.nextToken()).contains(truncated(null, 7));
        assertThat(result.asMap()).containsExactly(
                Map.entry("certificates", result.items()), Map.entry("NextToken", truncated(null, 7)));
    }

    @Test
    void aFullResultWithoutNextTokenHasOnlyTheItems() {
        FullResult<Certificate> result = paginator(pageSize(25)).buildFullResult();

        assertThat(result.nextToken()).isEmpty();
        assertThat(result.asMap()).containsOnlyKeys("certificates");
    }

    @Test
    void aPaginatorIsWalkedOnlyOnce() {
        Paginator<Certificate> paginator = paginator(pageSize(5));
        Iterable<Page<Certificate>> pages = paginator.pages();
        assertThat(pages.iterator().hasNext()).isTrue();

        assertThatThrownBy(pages::iterator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already walked");
        assertThatThrownBy(paginator::items).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(paginator::buildFullResult).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theNextTokenIsRefusedUntilTheWalkHasEnded() {
        Paginator<Certificate> paginator = paginator(pageSize(5));
        Iterator<Page<Certificate>> pages = paginator.pages().iterator();
        pages.next();

        assertThatThrownBy(paginator::nextToken).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has not ended");
    }

    @Test
    void aCycleOfTwoMarkersIsStoppedBeforeAMarkerIsSentAgain() {
        String a = StubServer.marker(5);
        String b = StubServer.marker(10);
        Function<ListCertificatesByCaRequest, ListCertificatesByCaResponse> cycling = request -> {
            ListCertificatesByCaResponse page = server.call(request);
            return page.toBuilder().nextMarker(b.equals(request.marker()) ? a : page.nextMarker()).build();
        };
        Iterator<Page<Certificate>> pages = paginator(cycling, Run.REQUEST, pageSize(5)).pages().iterator();
        pages.next();
        pages.next();
        pages.next();

        assertThatThrownBy(pages::next).isInstanceOf(PaginationException.class)
                .hasMessageContaining("'" + a + "' a second time (distinct markers sent: 2)");
        assertThat(server.takeRequests()).containsExactly("-", "M5", "M10");
    }

    @Test
    void aServerThatAnswersWithTheStartingMarkerIsACycle() {
        String m5 = StubServer.marker(5);
        Function<ListCertificatesByCaRequest, ListCertificatesByCaResponse> stuck =
                request -> server.call(request).toBuilder().nextMarker(m5).build();
        PaginationConfig config = PaginationConfig.builder().startingToken(m5).build();
        Iterator<Page<Certificate>> pages = paginator(stuck, Run.REQUEST, config).pages().iterator();
        pages.next();

        assertThatThrownBy(pages::next).isInstanceOf(PaginationException.class);
        assertThat(server.takeRequests()).containsExactly("M5");
    }

    @Test
    void aServiceErrorPropagatesAfterTheEarlierPagesAndLeavesNoToken() {
        Function<ListCertificatesByCaRequest, ListCertificatesByCaResponse> failing = request -> {
            if (request.marker() != null) {
                throw InvalidRequestException.builder().message("marker rejected").build();
            }
            return server.call(request);
        };
        Paginator<Certificate> paginator = paginator(failing, Run.REQUEST, pageSize(5));
        Iterator<Page<Certificate>> pages = paginator.pages().iterator();

        assertThat(pages.next().items()).hasSize(5);
        assertThatThrownBy(pages::next).isInstanceOf(InvalidRequestException.class);
        assertThat(pages.hasNext()).isFalse();
        assertThatThrownBy(paginator::nextToken).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed");
    }

    @Test
    void pageSizeReplacesTheRequestsOwnPageSize() {
        ListCertificatesByCaRequest nine = Run.REQUEST.toBuilder().pageSize(9).build();

        paginator(server::call, nine, pageSize(5)).buildFullResult();

        assertThat(server.pageSizes()).containsOnly(5).hasSize(5);
    }

    @Test
    void aRequestPageSizeOutsideTheModelRangeIsRefusedBeforeAnyRequest() {
        for (int size : new int[] {0, 251}) {
            ListCertificatesByCaRequest request = Run.REQUEST.toBuilder().pageSize(size).build();

            assertThatThrownBy(() -> paginator(server::call, request, PaginationConfig.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The request's pageSize must be between 1 and 250, not " + size);
        }
        assertThat(server.takeRequests()).isEmpty();
    }

    @Test
    void aStartingTokenReplacesTheRequestsMarker() {
        ListCertificatesByCaRequest fromM10 = Run.REQUEST.toBuilder().marker(StubServer.marker(10)).build();
        PaginationConfig config = PaginationConfig.builder().pageSize(5).startingToken(truncated(null, 2)).build();

        List<Certificate> items = paginator(server::call, fromM10, config).items().toList();

        assertThat(idsOf(items)).isEqualTo(ids(2, 23));
        assertThat(server.takeRequests()).startsWith("-", "M5");
    }

    @Test
    void aRawServiceMarkerResumesAsBoto3Would() {
        PaginationConfig config = PaginationConfig.builder().pageSize(5).startingToken(StubServer.marker(5)).build();

        assertThat(idsOf(paginator(config).items().toList())).isEqualTo(ids(5, 23));
    }

    @Test
    void aLegacyTokenResumesAsBoto3Would() {
        String legacy = StubServer.marker(5) + "___2";
        PaginationConfig config = PaginationConfig.builder().pageSize(5).startingToken(legacy).build();

        assertThat(idsOf(paginator(config).items().toList())).isEqualTo(ids(7, 23));
    }

    @Test
    void aMissingResultListCountsAsAnEmptyPage() {
        Function<ListCertificatesByCaRequest, ListCertificatesByCaResponse> empty =
                request -> ListCertificatesByCaResponse.builder().build();

        FullResult<Certificate> result = paginator(empty, Run.REQUEST, PaginationConfig.defaults()).buildFullResult();

        assertThat(result.items()).isEmpty();
        assertThat(result.nextToken()).isEmpty();
    }
}
