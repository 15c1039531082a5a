package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adabet run} with an unusable {@code output.dir}, as a user meets it: a separate JVM, so
 * the real exit status and the real stderr are what is checked.
 */
class RunMainOutputCheckTest {

    @Test
    void anUnwritableOutputDirStopsTheRunWithOneLineAndExitCode2BeforeAnyPretraining(
            @TempDir Path dir) throws IOException, InterruptedException {
        // A regular file as the parent: not writable even for root, unlike a chmod'ed folder.
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Path cache = dir.resolve("models");
        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                RunMain.class.getName(),
                                "--set",
                                "output.dir=\"" + file.resolve("results") + "\"",
                                "--set",
                                "pretrain.cache-dir=\"" + cache + "\"")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }

        assertEquals(2, p.exitValue(), stderr);
        // The JVM's own notices ("WARNING: Using incubator modules") are not ours to count.
        List<String> lines = stderr.lines().filter(l -> !l.startsWith("WARNING: ")).toList();
        assertEquals(
                List.of(
                        "adabet run: output.dir 'file:"
                                + file.resolve("results")
                                + "' is not writable: Parent path is not a directory: file:"
                                + file),
                lines);
        assertFalse(Files.exists(cache), "nothing was pretrained");
    }
}
