package org.adabet.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputCheckTest {
    private final Configuration hadoop = new Configuration();

    @Test
    void aMissingFolderIsCreatedAndTheProbeFileRemoved(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("a/b/results");
        OutputCheck.requireWritable(out.toString(), hadoop);
        assertTrue(Files.isDirectory(out));
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "the probe file is deleted");
        }
    }

    @Test
    void aFileUriIsAcceptedLikeAPlainPath(@TempDir Path dir) {
        OutputCheck.requireWritable(dir.resolve("results").toUri().toString(), hadoop);
        assertTrue(Files.isDirectory(dir.resolve("results")));
    }

    @Test
    void aFolderBelowARegularFileIsNotWritableAndTheLineNamesIt(@TempDir Path dir)
            throws IOException {
        // A regular file as parent: refused even to root, unlike a chmod'ed folder.
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        String outputDir = file.resolve("results").toString();
        var e =
                assertThrows(
                        OutputCheck.UnusableOutputException.class,
                        () -> OutputCheck.requireWritable(outputDir, hadoop));
        String message = e.getMessage();
        assertTrue(
                message.startsWith(
                        "output.dir 'file:" + file.resolve("results") + "' is not writable: "),
                message);
        assertFalse(message.contains("\n"), message);
        assertFalse(Files.exists(file.resolve("results")));
    }

    @Test
    void aSchemeWithoutFileSystemIsNotReachable() {
        var e =
                assertThrows(
                        OutputCheck.UnusableOutputException.class,
                        () -> OutputCheck.requireWritable("nosuchfs://host/results", hadoop));
        assertTrue(
                e.getMessage()
                        .startsWith("output.dir 'nosuchfs://host/results' is not reachable: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("nosuchfs"), e.getMessage());
    }

    @Test
    void theHadoopConfigurationTakesSparkHadoopPropertiesWithoutTheirPrefix() {
        SparkConf spark =
                new SparkConf(false)
                        .set("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000")
                        .set("spark.master", "local[1]");
        Configuration conf = OutputCheck.hadoopConfiguration(spark);
        assertEquals("http://127.0.0.1:9000", conf.get("fs.s3a.endpoint"));
        assertEquals(null, conf.get("spark.master"));
        assertEquals(null, conf.get("master"));
    }
}
