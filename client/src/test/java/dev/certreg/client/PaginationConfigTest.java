package dev.certreg.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaginationConfigTest {
    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 251, 1000})
    void aPageSizeOutsideTheModelRangeIsRefused(int pageSize) {
        assertThatThrownBy(() -> PaginationConfig.builder().pageSize(pageSize).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PageSize must be between 1 and 250, not " + pageSize);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 250})
    void theModelsPageSizeBoundsAreAccepted(int pageSize) {
        assertThat(PaginationConfig.builder().pageSize(pageSize).build().pageSize()).hasValue(pageSize);
    }

    @Test
    void aNegativeMaxItemsIsRefused() {
        assertThatThrownBy(() -> PaginationConfig.builder().maxItems(-2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MaxItems must be at least 1, not -2");
    }

    @Test
    void anUnreadableStartingTokenIsRefusedByName() {
        assertThatThrownBy(() -> PaginationConfig.builder().startingToken("not-a-token").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid StartingToken 'not-a-token': ");
    }

    @Test
    void theDefaultsLeaveEverythingUnset() {
        PaginationConfig defaults = PaginationConfig.defaults();

        assertThat(defaults.maxItems()).isEmpty();
        assertThat(defaults.pageSize()).isEmpty();
        assertThat(defaults.startingToken()).isEmpty();
    }

    @Test
    void toBuilderKeepsEveryValueAndNullUnsetsOne() {
        PaginationConfig config = PaginationConfig.builder().maxItems(7).pageSize(5).startingToken("None").build();

        PaginationConfig copy = config.toBuilder().pageSize(null).build();

        assertThat(copy.maxItems()).hasValue(7);
        assertThat(copy.pageSize()).isEmpty();
        assertThat(copy.startingToken()).contains("None");
    }
}
