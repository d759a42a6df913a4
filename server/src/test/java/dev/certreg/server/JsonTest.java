package dev.certreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A listed certificate's date is written as the descriptions' dates are, digit for digit. */
class JsonTest {
    @ParameterizedTest
    @ValueSource(longs = {0, 5, 50, 999, 1_000, 1_001, 1_010, 1_100, 1_733_462_400_120L, 1_733_462_400_007L,
        253_402_300_799_999L, -1, -1_500})
    void aStreamedDateIsTheDescriptionsEpochSeconds(long millis) throws IOException {
        Instant instant = Instant.ofEpochMilli(millis);
        assertThat(written(instant)).isEqualTo(Json.epochSeconds(instant).toString());
    }

    private static String written(Instant instant) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            Json.writeEpochSeconds(json, instant);
        }
        return out.toString();
    }
}
