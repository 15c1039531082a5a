package org.adabet.tda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CppFloatFormatTest {

    /**
     * Expected strings are what {@code std::cout << float} prints (checked against ripser's
     * output).
     */
    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "1, 1",
        "0.5, 0.5",
        "1.4142135, 1.41421",
        "1e-7, 1e-07",
        "1234567, 1.23457e+06",
        "123456, 123456",
        "0.0001, 0.0001",
        "0.00001234, 1.234e-05",
        "100000, 100000",
        "1000000, 1e+06",
        "2.5, 2.5",
        "3.5796876, 3.57969",
        "999999.5, 1e+06"
    })
    void printsLikeCppOstream(float value, String expected) {
        assertEquals(expected, CppFloatFormat.format(value));
    }
}
