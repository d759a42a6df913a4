package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which regions an instance serves: any region name by default, or exactly a configured list. */
class RegionsTest {
    @Test
    void byDefaultEveryRegionNameIsServedAndNothingElse() {
        Regions any = Regions.any();
        assertThat(List.of("us-east-1", "us-gov-west-1", "cn-northwest-1", "eu-isoe-west-1", "ap-southeast-5"))
                .allMatch(any::serves);
        assertThat(List.of("", "us", "us-east", "US-EAST-1", "us_east_1", "us-east-1a", "local", "mars"))
                .noneMatch(any::serves);
    }

    @Test
    void aConfiguredListServesExactlyItsRegions() {
        Regions two = Regions.of(List.of("eu-west-1", "us-east-1"));
        assertThat(two.serves("us-east-1")).isTrue();
        assertThat(two.serves("us-east-2")).isFalse();
        assertThat(two).hasToString("eu-west-1, us-east-1");
    }

    @Test
    void aListMustHoldRegionNamesAndNotBeEmpty() {
        assertThatThrownBy(() -> Regions.of(List.of("us-east-1", "moon")))
                .hasMessage("'moon' is not a region name such as us-east-1");
        assertThatThrownBy(() -> Regions.of(List.of())).hasMessage("the list of regions is empty");
    }
}
