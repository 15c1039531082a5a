package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.adabet.jobs.report.RunComparison;
import org.adabet.regression.Tolerances;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adabet compare}'s wiring on a tiny sweep: a run against itself regresses nowhere, the
 * outputs land in the run's folder and its report; the regression rules themselves are tested in
 * {@code RegressionsTest}.
 */
@Tag("spark")
@Tag("slow")
class CompareRunsTest {
    private static SparkSession spark;
    private static String results;
    private static String runId;

    @BeforeAll
    static void sweep() {
        spark = LocalSpark.session("compare-runs-test", "local[2]");
        runId = ReportSweep.get(spark).runId();
        results = ReportSweep.results(spark);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aRunAgainstItselfRegressesNowhereAndTheReportSaysSo() throws Exception {
        RunComparison.Compared c =
                RunComparison.compare(spark, results, runId, results, "latest", Tolerances.DEFAULT);
        assertFalse(c.regressions().regressed(), c.regressions().toMarkdown());
        // 2 pairs x (fisher, adabet, random at 3 budgets + full, last_layer) x 4 metrics.
        assertEquals(2 * (3 * 3 + 2) * 4, c.regressions().changes().size());
        Path folder = Path.of(java.net.URI.create(c.folder()));
        assertTrue(
                Files.readString(folder.resolve("regression.md")).startsWith("**No regression**"));
        assertTrue(
                Files.readString(folder.resolve("regression.csv"))
                        .startsWith("pair,method,budget,metric,before,after,regressed,why"));
        String html = Files.readString(folder.resolve("report.html"));
        assertTrue(
                html.contains("<h2>Regression against the previous run</h2>"),
                "no regression section");
        // The failed memory budget (1K) is compared too: equal failures are no regression.
        assertTrue(
                c.regressions().changes().stream()
                        .anyMatch(
                                ch ->
                                        ch.budget().equals("mem=1024")
                                                && ch.metric().equals("failed")
                                                && ch.before() == 2
                                                && !ch.regressed()));
    }

    @Test
    void aRunWithoutAnEarlierOneOfItsNameHasNoPrevious() {
        assertNull(RunComparison.previous(spark, results, runId));
    }

    @Test
    void anUnknownRunIsNamedWithTheRunsThere() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                RunComparison.compare(
                                        spark,
                                        results,
                                        "ffff",
                                        results,
                                        "latest",
                                        Tolerances.DEFAULT));
        assertTrue(
                e.getMessage().startsWith("no run 'ffff' under ") && e.getMessage().contains(runId),
                e.getMessage());
    }

    @Test
    void theNightlyConfigurationHoldsTheSweepAndTheTolerances(@TempDir Path dir) throws Exception {
        NightlyConf conf = NightlyConf.load(Path.of("..", "conf", "nightly.conf").toString());
        assertEquals("quick", conf.sweep());
        assertEquals(java.util.List.of("name=nightly"), conf.set());
        assertEquals(Tolerances.DEFAULT, conf.tolerances());
        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "sweep = quick\ntolerance = 3\n");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> NightlyConf.load(bad.toString()));
        assertEquals(
                bad + ": unknown key 'tolerance' (known: sweep, set, compare)", e.getMessage());
    }
}
