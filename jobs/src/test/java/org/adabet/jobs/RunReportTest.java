package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adabet.jobs.report.HeadlessChromium;
import org.adabet.jobs.report.RunReport;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a tiny sweep: written by the sweep itself, rewritten by {@code adabet report} with
 * the same bytes, self-contained, and shown by headless Chromium without errors.
 */
@Tag("spark")
@Tag("slow")
class RunReportTest {
    private static SparkSession spark;
    private static Path run;

    @BeforeAll
    static void sweep() {
        spark = LocalSpark.session("run-report-test", "local[2]");
        run = Path.of(java.net.URI.create(ReportSweep.get(spark).outputDir()));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Map<String, byte[]> outputs() throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (var files = Files.list(run)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.equals("report.html") || n.startsWith("plot-")) {
                    out.put(n, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    @Test
    void theSweepWritesEveryPlotInPngAndSvgAndTheReport() throws Exception {
        Map<String, byte[]> files = outputs();
        List<String> expected = new ArrayList<>();
        for (String pair : List.of("convnet_s_corrupted", "convnet_s_new_classes")) {
            expected.add("accuracy_memory-" + pair);
            expected.add("layer_profile-" + pair);
        }
        expected.add("agreement_heatmap");
        expected.add("selection_time");
        for (String name : expected) {
            for (String ext : List.of(".png", ".svg")) {
                assertTrue(
                        files.containsKey("plot-" + name + ext),
                        name + ext + " in " + files.keySet());
            }
        }
        assertEquals(expected.size() * 2 + 1, files.size(), files.keySet().toString());
        String html = new String(files.get("report.html"), java.nio.charset.StandardCharsets.UTF_8);
        for (String section :
                List.of(
                        "<h2>Comparison</h2>",
                        "<h2>Agreement with the oracle</h2>",
                        "<h2>Plots</h2>",
                        "<h2>Failures</h2>",
                        "<h2>Provenance</h2>",
                        "<table>",
                        "EmptySelection",
                        "git_commit")) {
            assertTrue(html.contains(section), "report.html lacks " + section);
        }
        // Self-contained: every image is embedded, nothing is fetched from anywhere.
        assertEquals(expected.size(), html.split("src=\"data:image/png;base64,", -1).length - 1);
        assertTrue(
                !html.contains("http://")
                        && !html.contains("https://")
                        && !html.contains("<script"),
                "report.html refers to the network or runs scripts");
    }

    @Test
    void rewritingTheReportGivesTheSameBytes() throws Exception {
        Map<String, byte[]> before = outputs();
        RunReport.Written w = RunReport.write(spark, ReportSweep.results(spark), "latest");
        assertEquals(ReportSweep.get(spark).runId(), w.runId());
        assertEquals(List.of(), w.notDrawn());
        Map<String, byte[]> after = outputs();
        assertEquals(before.keySet(), after.keySet());
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name);
        }
    }

    @Test
    void headlessChromiumShowsTheReportWithoutErrors(@TempDir Path profile) throws Exception {
        Path chromium = HeadlessChromium.requireBinary();
        HeadlessChromium.PageCheck page =
                HeadlessChromium.check(chromium, run.resolve("report.html"), profile);
        Path shot = Path.of("target", "report-sweep", "report-screenshot.png");
        Files.write(shot, page.screenshot());
        Files.write(shot.resolveSibling("report-screenshot-top.png"), page.viewport());
        assertEquals(List.of(), page.errors(), "errors in the browser");
        assertEquals(List.of(), page.brokenImages(), "images that did not load");
        assertEquals(6, page.images());
        assertTrue(page.textLength() > 2000, "page text: " + page.textLength() + " characters");
        assertTrue(
                page.screenshot().length > 10_000,
                "screenshot of " + page.screenshot().length + " bytes");
    }

    @Test
    void theBrowserCheckCatchesABrokenPage(@TempDir Path dir) throws Exception {
        Path chromium = HeadlessChromium.requireBinary();
        Path bad = dir.resolve("bad.html");
        Files.writeString(
                bad,
                "<!DOCTYPE html><html><body><img src=\"missing.png\">"
                        + "<script>console.error('boom'); undefinedFunction();</script></body></html>");
        HeadlessChromium.PageCheck page =
                HeadlessChromium.check(
                        chromium, bad, Files.createDirectories(dir.resolve("profile")));
        assertEquals(
                List.of("missing.png"),
                page.brokenImages().stream()
                        .map(s -> s.substring(s.lastIndexOf('/') + 1))
                        .toList());
        String errors = String.join("\n", page.errors());
        assertTrue(errors.contains("boom"), errors);
        assertTrue(errors.contains("undefinedFunction"), errors);
        assertTrue(errors.contains("ERR_FILE_NOT_FOUND"), errors);
        assertEquals(0, page.textLength());
    }
}
