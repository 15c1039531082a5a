package org.adabet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
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
                        81.5,
                        80.25,
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
        assertEquals(22, records.get(0).size());
        assertEquals(22, records.get(1).size());
        assertEquals(pair, records.get(1).get(0));
        assertEquals("rpi4 jetson", records.get(1).get(14));
        assertEquals("conv1 \"fc\"", records.get(1).get(21));
        assertEquals("81.50", records.get(1).get(5));
    }
}
