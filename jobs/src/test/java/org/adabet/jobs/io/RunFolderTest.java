package org.adabet.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    private final Configuration hadoop = new Configuration();

    @Test
    void anHdfsUriKeepsItsAuthority() {
        // java.nio's Path.of turned this into 'hdfs:/nn:8020/r'; no connection is made to name a
        // path.
        RunFolder folder = RunFolder.of("hdfs://127.0.0.1:8020/r", "quick-0123", hadoop);
        assertEquals("hdfs://127.0.0.1:8020/r/quick-0123", folder.uri());
        assertEquals(
                "hdfs://127.0.0.1:8020/r/quick-0123/retrain_runs", folder.table("retrain_runs"));
    }

    @Test
    void aPlainPathIsQualifiedToTheLocalFileSystem(@TempDir Path dir) {
        RunFolder folder = RunFolder.of(dir.toString(), "quick-0123", hadoop);
        assertEquals("file:" + dir.resolve("quick-0123"), folder.uri());
    }

    @Test
    void textIsWrittenAsUtf8AndReplacedOnRewrite(@TempDir Path dir) throws IOException {
        RunFolder folder = RunFolder.of(dir.resolve("results").toUri().toString(), "run", hadoop);
        assertFalse(folder.exists("comparison.md"));
        folder.writeText("comparison.md", "old");
        folder.writeText("comparison.md", "| Zürich | β1 |\n");
        assertTrue(folder.exists("comparison.md"));
        assertEquals(
                "| Zürich | β1 |\n",
                Files.readString(dir.resolve("results/run/comparison.md"), StandardCharsets.UTF_8));
        assertEquals("| Zürich | β1 |\n", folder.readText("comparison.md"));
    }
}
