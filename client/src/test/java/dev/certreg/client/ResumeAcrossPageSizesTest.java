package dev.certreg.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chaining each run's NextToken into the next run's StartingToken returns every item exactly once and in order: with
 * a fixed PageSize (as the spec measured for boto3), with a PageSize that changes from run to run (which boto3 gets
 * wrong, V15), and on a server that ignores paging (moto).
 */
class ResumeAcrossPageSizesTest {
    private static final int[] PAGE_SIZES = {1, 2, 3, 5, 10, 20, 23, 25, 250};
    private static final int[] MAX_ITEMS = {1, 2, 3, 4, 5, 7, 10, 22, 23, 24, 50};

    static Stream<Arguments> pageSizeAndMaxItems() {
        return IntStream.of(PAGE_SIZES).boxed()
                .flatMap(pageSize -> IntStream.of(MAX_ITEMS).mapToObj(maxItems -> Arguments.of(pageSize, maxItems)));
    }

    static Stream<Arguments> twoPageSizesAndMaxItems() {
        int[] sizes = {1, 3, 5, 10, 25};
        return IntStream.of(sizes).boxed().flatMap(first -> IntStream.of(sizes).filter(second -> second != first)
                .boxed()
                .flatMap(second -> IntStream.of(1, 4, 7).mapToObj(max -> Arguments.of(first, second, max))));
    }

    @ParameterizedTest(name = "PageSize {0}, MaxItems {1}")
    @MethodSource("pageSizeAndMaxItems")
    void chainedRunsWithOnePageSizeReturnEveryItemOnce(int pageSize, int maxItems) {
        List<Run> runs = Run.chain(StubServer.paging(), token -> config(pageSize, maxItems, token));

        assertThat(Run.allIds(runs)).isEqualTo(Run.ids(0, 23));
        assertThat(runs).allSatisfy(run -> assertThat(run.ids().size()).isLessThanOrEqualTo(maxItems));
    }

    @ParameterizedTest(name = "PageSize {0} then {1}, MaxItems {2}")
    @MethodSource("twoPageSizesAndMaxItems")
    void chainedRunsThatAlternatePageSizesReturnEveryItemOnce(int first, int second, int maxItems) {
        int[] run = {0};
        List<Run> runs = Run.chain(
                StubServer.paging(), token -> config(run[0]++ % 2 == 0 ? first : second, maxItems, token));

        assertThat(Run.allIds(runs)).isEqualTo(Run.ids(0, 23));
    }

    @ParameterizedTest(name = "MaxItems {0}")
    @MethodSource("maxItems")
    void chainedRunsOnAServerThatIgnoresPagingReturnEveryItemOnce(int maxItems) {
        List<Run> runs = Run.chain(StubServer.singlePage(), token -> config(10, maxItems, token));

        assertThat(Run.allIds(runs)).isEqualTo(Run.ids(0, 23));
    }

    static IntStream maxItems() {
        return IntStream.of(MAX_ITEMS);
    }

    private static PaginationConfig config(int pageSize, int maxItems, String token) {
        return PaginationConfig.builder().pageSize(pageSize).maxItems(maxItems).startingToken(token).build();
    }
}
