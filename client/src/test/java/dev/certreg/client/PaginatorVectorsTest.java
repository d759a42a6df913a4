package dev.certreg.client;

import static dev.certreg.client.Run.boundary;
import static dev.certreg.client.Run.ids;
import static dev.certreg.client.Run.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaRequest;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaResponse;

/** The test vectors V1..V23 of {@code docs/client-pagination.md} "Test vectors", against the in-memory stub. */
class PaginatorVectorsTest {
    private final StubServer server = StubServer.paging();

    private static PaginationConfig config(Integer pageSize, Integer maxItems, String startingToken) {
        return PaginationConfig.builder().pageSize(pageSize).maxItems(maxItems).startingToken(startingToken).build();
    }

    @Test
    void v01WithoutConfigOnePageOfTheServersDefaultSizeHoldsEverything() {
        Run run = Run.of(server, PaginationConfig.defaults());

        assertThat(run).isEqualTo(new Run(List.of("-"), List.of(23), ids(0, 23), Optional.empty()));
    }

    @Test
    void v02PageSizeFivePagesThroughEverythingLazily() {
        Run run = Run.of(server, config(5, null, null));

        assertThat(run.requests()).containsExactly("-", "M5", "M10", "M15", "M20");
        assertThat(run.pages()).containsExactly(5, 5, 5, 5, 3);
        assertThat(run.ids()).isEqualTo(ids(0, 23));
        assertThat(run.token()).isEmpty();
    }

    @Test
    void v03MaxItemsInsideTheFirstPageCutsItWithANullMarkerToken() {
        Run run = Run.of(server, config(10, 7, null));

        assertThat(run.requests()).containsExactly("-");
        assertThat(run.pages()).containsExactly(7);
        assertThat(run.token()).contains("eyJtYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiA3fQ==");
    }

    @Test
    void v04MaxItemsOnAPageBoundaryGivesTheBareNextMarker() {
        Run run = Run.of(server, config(5, 10, null));

        assertThat(run.requests()).containsExactly("-", "M5");
        assertThat(run.pages()).containsExactly(5, 5);
        assertThat(run.token()).contains("eyJtYXJrZXIiOiAiYjJabWMyVjBQVEV3In0=");
    }

    @Test
    void v05MaxItemsOnTheLastBoundaryGivesNoToken() {
        Run run = Run.of(server, config(5, 23, null));

        assertThat(run.requests()).hasSize(5);
        assertThat(run.pages()).containsExactly(5, 5, 5, 5, 3);
        assertThat(run.token()).isEmpty();
    }

    @Test
    void v06MaxItemsBeyondTheEndGivesNoToken() {
        Run run = Run.of(server, config(25, 50, null));

        assertThat(run.pages()).containsExactly(23);
        assertThat(run.token()).isEmpty();
    }

    @Test
    void v07ChainedRunsOfSevenWithPageSizeFiveReturnEachItemOnce() {
        List<Run> runs = Run.chain(server, token -> config(5, 7, token));

        assertThat(runs).extracting(Run::requests).extracting(List::size).containsExactly(2, 2, 3, 1);
        assertThat(runs).extracting(Run::pages)
                .containsExactly(List.of(5, 2), List.of(3, 4), List.of(1, 5, 1), List.of(2));
        assertThat(runs).extracting(Run::token).containsExactly(
                Optional.of(truncated(5, 2)), Optional.of(truncated(10, 4)), Optional.of(truncated(20, 1)),
                Optional.empty());
        assertThat(Run.allIds(runs)).isEqualTo(ids(0, 23));
    }

    @Test
    void v08ChainedRunsOfSevenWithPageSizeTenReturnEachItemOnce() {
        List<Run> runs = Run.chain(server, token -> config(10, 7, token));

        assertThat(runs).extracting(Run::requests).extracting(List::size).containsExactly(1, 2, 2, 1);
        assertThat(runs).extracting(Run::pages)
                .containsExactly(List.of(7), List.of(3, 4), List.of(6, 1), List.of(2));
        assertThat(runs).extracting(Run::token).containsExactly(
                Optional.of(truncated(null, 7)), Optional.of(truncated(10, 4)), Optional.of(truncated(20, 1)),
                Optional.empty());
        assertThat(runs.get(1).token())
                .contains("eyJtYXJrZXIiOiAiYjJabWMyVjBQVEV3IiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogNH0=");
        assertThat(Run.allIds(runs)).isEqualTo(ids(0, 23));
    }

    @Test
    void v09ChainedRunsWithPageSizeOneEndOnBoundaries() {
        List<Run> runs = Run.chain(server, token -> config(1, 7, token));

        assertThat(runs).extracting(Run::requests).extracting(List::size).containsExactly(7, 7, 7, 2);
        assertThat(runs).extracting(Run::token).containsExactly(
                Optional.of(boundary(7)), Optional.of(boundary(14)), Optional.of(boundary(21)), Optional.empty());
        assertThat(Run.allIds(runs)).isEqualTo(ids(0, 23));
    }

    @Test
    void v10OnASinglePageServerTheTruncateAmountGrowsFromANullMarker() {
        StubServer moto = StubServer.singlePage();

        List<Run> runs = Run.chain(moto, token -> config(5, 7, token));

        assertThat(runs).extracting(Run::pages)
                .containsExactly(List.of(7), List.of(7), List.of(7), List.of(2));
        assertThat(runs).extracting(Run::token).containsExactly(
                Optional.of(truncated(null, 7)), Optional.of(truncated(null, 14)), Optional.of(truncated(null, 21)),
                Optional.empty());
        assertThat(Run.allIds(runs)).isEqualTo(ids(0, 23));
    }

    @Test
    void v11MaxItemsOneTakesTwentyThreeRunsOfOneRequestEach() {
        List<Run> runs = Run.chain(server, token -> config(5, 1, token));

        assertThat(runs).hasSize(23).allSatisfy(run -> {
            assertThat(run.requests()).hasSize(1);
            assertThat(run.pages()).containsExactly(1);
        });
        List<Optional<String>> expected = new ArrayList<>();
        for (int i = 1; i < 23; i++) {
            int page = i / 5 * 5;
            expected.add(Optional.of(i % 5 == 0 ? boundary(page) : truncated(page == 0 ? null : page, i % 5)));
        }
        expected.add(Optional.empty());
        assertThat(runs).extracting(Run::token).isEqualTo(expected);
        assertThat(Run.allIds(runs)).isEqualTo(ids(0, 23));
    }

    @Test
    void v12ASecondCutInTheFirstPageAddsTheStartingSkip() {
        Run run = Run.of(server, config(5, 2, truncated(5, 2)));

        assertThat(run.requests()).containsExactly("M5");
        assertThat(run.ids()).containsExactly("i7", "i8");
        assertThat(run.token()).contains(truncated(5, 4));
    }

    @Test
    void v13ASkipThatEmptiesTheLastPageYieldsOneEmptyPage() {
        Run run = Run.of(server, config(5, null, truncated(20, 3)));

        assertThat(run.requests()).containsExactly("M20");
        assertThat(run.pages()).containsExactly(0);
        assertThat(run.token()).isEmpty();
    }

    @Test
    void v14TheSkipAppliesToTheFirstPageOnly() {
        Run run = Run.of(server, config(10, null, truncated(null, 7)));

        assertThat(run.requests()).containsExactly("-", "M10", "M20");
        assertThat(run.pages()).containsExactly(3, 10, 3);
        assertThat(run.ids()).isEqualTo(ids(7, 23));
    }

    @Test
    void v15ATokenIssuedUnderAnotherPageSizeNeitherRepeatsNorLosesItems() {
        // botocore drops at most one page's worth (5) and returns i5 and i6 again; we carry the other 2 over.
        Run run = Run.of(server, config(5, null, truncated(null, 7)));

        assertThat(run.requests()).containsExactly("-", "M5", "M10", "M15", "M20");
        assertThat(run.pages()).containsExactly(0, 3, 5, 5, 3);
        assertThat(run.ids()).isEqualTo(ids(7, 23));
    }

    @Test
    void v16ACutAfterAStartingSkipCountsBoth() {
        Run run = Run.of(server, config(20, 5, truncated(null, 7)));

        assertThat(run.requests()).containsExactly("-");
        assertThat(run.ids()).isEqualTo(ids(7, 12));
        assertThat(run.token()).contains(truncated(null, 12));
    }

    @Test
    void v17MaxItemsZeroIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> config(5, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MaxItems must be at least 1, not 0");
        assertThat(server.takeRequests()).isEmpty();
    }

    @Test
    void v18TheSameMarkerTwiceFailsAfterTheRepeatedPageWithoutAThirdRequest() {
        Paginator<Certificate> paginator =
                Paginator.of(ListOperations.listCertificatesByCa(this::repeatingM5), Run.REQUEST, config(5, null, null));
        Iterator<Page<Certificate>> pages = paginator.pages().iterator();

        assertThat(pages.next().items()).hasSize(5);
        assertThat(pages.next().items()).hasSize(5);
        assertThat(pages.hasNext()).isTrue();
        assertThatThrownBy(pages::next)
                .isInstanceOf(PaginationException.class)
                .hasMessageContaining(
                        "ListCertificatesByCA returned the marker '" + StubServer.marker(5) + "' a second time");
        assertThat(server.takeRequests()).containsExactly("-", "M5");
        assertThat(pages.hasNext()).isFalse();
        assertThatThrownBy(paginator::nextToken).isInstanceOf(IllegalStateException.class);
    }

    private ListCertificatesByCaResponse repeatingM5(ListCertificatesByCaRequest request) {
        ListCertificatesByCaResponse page = server.call(request);
        return page.toBuilder().nextMarker(StubServer.marker(5)).build();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void v19AnEmptyOrNullNextMarkerEndsTheListing(String lastMarker) {
        Run run = Run.of(server.lastPageMarker(lastMarker), config(5, null, null));

        assertThat(run.requests()).hasSize(5);
        assertThat(run.pages()).containsExactly(5, 5, 5, 5, 3);
        assertThat(run.token()).isEmpty();
    }

    @Test
    void v20AMarkerAfterAFullLastPageLeadsToOneEmptyPage() {
        Run run = Run.of(server.markerAfterFullLastPage(), config(23, null, null));

        assertThat(run.requests()).containsExactly("-", "M23");
        assertThat(run.pages()).containsExactly(23, 0);
        assertThat(run.token()).isEmpty();
    }

    @Test
    void v21MaxItemsOnAFullLastPageGivesATokenThatResumesToOneEmptyPage() {
        server.markerAfterFullLastPage();

        Run first = Run.of(server, config(23, 23, null));
        Run second = Run.of(server, config(23, 23, first.token().orElseThrow()));

        assertThat(first.requests()).containsExactly("-");
        assertThat(first.pages()).containsExactly(23);
        assertThat(first.token()).contains(boundary(23));
        assertThat(second).isEqualTo(new Run(List.of("M23"), List.of(0), List.of(), Optional.empty()));
    }

    @Test
    void v22AMarkerOnTheRequestIsWhereTheTokenResumes() {
        // botocore records a null marker here and so resumes at i3; the token must point into the M10 page.
        ListCertificatesByCaRequest fromM10 = Run.REQUEST.toBuilder().marker(StubServer.marker(10)).build();

        Run first = Run.of(server, fromM10, config(5, 3, null));
        Run second = Run.of(server, fromM10, config(5, 3, first.token().orElseThrow()));

        assertThat(first.requests()).containsExactly("M10");
        assertThat(first.ids()).isEqualTo(ids(10, 13));
        assertThat(first.token()).contains(truncated(10, 3));
        assertThat(second.ids()).isEqualTo(ids(13, 16));
    }

    @Test
    void v23WithoutPageSizeTheRequestsOwnPageSizeIsSent() {
        ListCertificatesByCaRequest nine = Run.REQUEST.toBuilder().pageSize(9).build();

        Run run = Run.of(server, nine, config(null, 4, null));

        assertThat(server.pageSizes()).containsExactly(9);
        assertThat(run.pages()).containsExactly(4);
        assertThat(run.token()).contains(truncated(null, 4));
    }
}
