package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adabet.jobs.stage.Stages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code adabet run --plan}: every stage printed, nothing run, calibration cached. */
class RunPlanTest {

    @Test
    void thePlanPrintsEveryStageCreatesNoRunFolderAndReusesItsCalibration(@TempDir Path dir)
            throws Exception {
        Path cache = dir.resolve("models");
        Path output = dir.resolve("results");
        List<String> args = new ArrayList<>(List.of("--plan", "--config", "quick"));
        for (String s :
                TinySweep.settings(
                        cache,
                        output.toString(),
                        "data.target.train-per-class=12",
                        "statistics.batches=2",
                        "spark.master=\"local[3]\"")) {
            args.add("--set");
            args.add(s);
        }

        String first = run(args);
        for (String stage : Stages.names()) {
            assertTrue(
                    first.lines().anyMatch(l -> l.matches(stage + " +\\d+  .+")),
                    stage + " missing:\n" + first);
        }
        assertTrue(first.lines().anyMatch(l -> l.matches("total +\\d+  .+")), first);
        assertTrue(first.contains("(3 cores)"), first);
        assertTrue(first.contains("calibration convnet_s (measured now)"), first);
        assertFalse(Files.exists(output), "no run folder, no output folder");
        try (Stream<Path> files = Files.list(cache)) {
            // Only the calibration: nothing was pretrained.
            assertEquals(
                    List.of("json"),
                    files.map(p -> p.toString().substring(p.toString().lastIndexOf('.') + 1))
                            .toList());
        }

        String second = run(args);
        assertTrue(second.contains("calibration convnet_s (cached)"), second);
    }

    private static String run(List<String> args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int status;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            status = new CommandLine(new RunMain()).execute(args.toArray(String[]::new));
        } finally {
            System.setOut(saved);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, out);
        return out;
    }
}
