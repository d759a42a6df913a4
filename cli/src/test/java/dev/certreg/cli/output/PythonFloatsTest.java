package dev.certreg.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expected strings are what CPython 3.11 prints for {@code repr(float(value))}. */
class PythonFloatsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1795659742.736, 1795659742.736",
        "1795656133.0, 1795656133.0",
        "1795659742.730, 1795659742.73",
        "1795659742.7, 1795659742.7",
        "0.1, 0.1",
        "0.3333333333333333, 0.3333333333333333",
        "1e16, 1e+16",
        "123456789012345678, 1.2345678901234568e+17",
        "1.5e-5, 1.5e-05",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "-2.5, -2.5",
        "4.9e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "1795659742.123456789, 1795659742.1234567",
        "100, 100.0",
        "1e15, 1000000000000000.0",
        "9999999999999998, 9999999999999998.0",
        "-0.0, -0.0"
    })
    void reprIsTheShortestRoundTripInPythonsNotation(double value, String expected) {
        assertThat(PythonFloats.repr(value)).isEqualTo(expected);
    }
}
