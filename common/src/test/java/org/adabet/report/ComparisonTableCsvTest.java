package org.adabet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.adabet.stats.Summary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ComparisonTableCsvTest {
    @Test
    void namesWithCommasAndQuotesSurviveARoundTrip() throws IOException {
        String pair = "my \"pets\", v2->cub";
        ComparisonRow row =
                new ComparisonRow(
                        pair,
                        "adabet",
                        "rho=0.25",
                        2,
                        0,
                        Summary.of(new double[] {80.5, 82.5}),
                        80.25,
                        79.0,
                        10,
                        3,
                        9,
                        1200,
                        5000,
                        1 << 20,
                        2 << 20,
                        List.of("rpi4", "jetson"),
                        List.of(),
                        12.5,
                        4096,
                        false,
                        3,
                        0,
                        900,
                        "conv1 \"fc\"");
        String csv = new ComparisonTable(List.of(row), List.of()).toCsv();
        assertTrue(csv.contains("\"my \"\"pets\"\", v2->cub\""), csv);
        List<CSVRecord> records =
                CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180).getRecords();
        assertEquals(2, records.size());
        assertEquals(26, records.get(0).size());
        assertEquals(26, records.get(1).size());
        assertEquals(pair, records.get(1).get(0));
        assertEquals("rpi4 jetson", records.get(1).get(18));
        assertEquals("conv1 \"fc\"", records.get(1).get(25));
        // Two seeds, 80.5 and 82.5: sd = sqrt(2) = 1.41; t(0.975, 1) = 12.7062, so the interval is
        // 81.5 -/+ 12.7062 * sqrt(2) / sqrt(2) = [68.79, 94.21].
        assertEquals("acc_mean", records.get(0).get(5));
        assertEquals(
                List.of("81.50", "1.41", "68.79", "94.21", "80.25", "79.00"),
                List.of(
                        records.get(1).get(5),
                        records.get(1).get(6),
                        records.get(1).get(7),
                        records.get(1).get(8),
                        records.get(1).get(9),
                        records.get(1).get(10)));
    }
}
