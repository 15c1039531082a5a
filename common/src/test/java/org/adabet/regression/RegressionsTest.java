package org.adabet.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegressionsTest {
    private static final double NAN = Double.NaN;

    static RunMetrics row(
            String method, double acc, double low, double high, long mem, double ms, int failed) {
        return new RunMetrics(
                "convnet_s/corrupted",
                method,
                "rho=0.3",
                low == low ? 3 : 1,
                acc,
                low,
                high,
                mem,
                ms,
                failed);
    }

    @Test
    void identicalRunsHaveNoRegression() {
        List<RunMetrics> run =
                List.of(
                        row("adabet", 70, NAN, NAN, 1000, 500, 0),
                        row("full", 80, 78, 82, 5000, 0, 0));
        Regressions r = Regressions.compare("A", run, "B", run, Tolerances.DEFAULT);
        assertFalse(r.regressed());
        assertEquals(8, r.changes().size());
        assertTrue(
                r.toMarkdown()
                        .startsWith(
                                "**No regression**: run B against run A, 2 pair x method x budget rows compared."),
                r.toMarkdown());
    }

    @Test
    void anAccuracyDropBeyondTheToleranceIsARegressionWithOneSeed() {
        Regressions r =
                Regressions.compare(
                        "A",
                        List.of(row("adabet", 70, NAN, NAN, 1000, 500, 0)),
                        "B",
                        List.of(row("adabet", 68.5, NAN, NAN, 1000, 500, 0)),
                        Tolerances.DEFAULT);
        assertEquals(
                List.of("accuracy_pct"), r.regressions().stream().map(Change::metric).toList());
        assertEquals("dropped 1.50 points (tolerance 1.00)", r.regressions().get(0).why());
        assertTrue(
                r.toMarkdown()
                        .contains(
                                "| convnet_s/corrupted | adabet | rho=0.3 | accuracy_pct | 70 | 68.50 | dropped 1.50 points (tolerance 1.00) |"),
                r.toMarkdown());
    }

    @Test
    void withSeveralSeedsADropInsideTheEarlierIntervalIsNoRegression() {
        RunMetrics before = row("full", 80, 76, 84, 5000, 0, 0);
        assertFalse(
                Regressions.compare(
                                "A",
                                List.of(before),
                                "B",
                                List.of(row("full", 77, 75, 79, 5000, 0, 0)),
                                Tolerances.DEFAULT)
                        .regressed());
        Regressions below =
                Regressions.compare(
                        "A",
                        List.of(before),
                        "B",
                        List.of(row("full", 75, 74, 76, 5000, 0, 0)),
                        Tolerances.DEFAULT);
        assertEquals(
                "dropped 5.00 points (tolerance 1.00), below the earlier interval [76.00, 84.00]",
                below.regressions().get(0).why());
    }

    @Test
    void memorySelectionTimeFailuresAndMissingRowsRegressToo() {
        Regressions r =
                Regressions.compare(
                        "A",
                        List.of(
                                row("adabet", 70, NAN, NAN, 1000, 500, 0),
                                row("fisher", 60, NAN, NAN, 1000, 100, 0)),
                        "B",
                        List.of(
                                row("adabet", 70, NAN, NAN, 1011, 2000, 1),
                                row("random", 50, NAN, NAN, 1000, 0, 0)),
                        Tolerances.DEFAULT);
        assertEquals(
                List.of(
                        "adabet peak_mem_bytes",
                        "adabet selection_ms",
                        "adabet failed",
                        "fisher present"),
                r.regressions().stream().map(c -> c.method() + " " + c.metric()).toList());
        assertTrue(
                r.toCsv()
                        .contains(
                                "convnet_s/corrupted,random,rho=0.3,present,0,1,false,new in the later run"),
                r.toCsv());
        // A small slowdown is noise, not a regression.
        assertFalse(
                Regressions.compare(
                                "A",
                                List.of(row("a", 1, NAN, NAN, 1, 10, 0)),
                                "B",
                                List.of(row("a", 1, NAN, NAN, 1, 900, 0)),
                                Tolerances.DEFAULT)
                        .regressed());
    }

    @Test
    void tolerancesComeFromTheCompareBlockAndBadOnesAreNamed() {
        Tolerances t = Tolerances.from(ConfigFactory.parseString("accuracy-drop = 2.5"));
        assertEquals(new Tolerances(2.5, 0.01, 3.0, 1000), t);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Tolerances.from(
                                        ConfigFactory.parseString("selection-time-factor = 0.5")));
        assertEquals(
                "nightly.compare.selection-time-factor must be a number >= 1.0, was 0.5",
                e.getMessage());
    }
}
