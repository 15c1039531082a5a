package org.adabet.jobs.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * The folder of one run, {@code <output.dir>/<name>/run_date=YYYY-MM-DD/run_id=<id>}, on whatever
 * Hadoop file system {@code output.dir} names: many runs and many nights of one configuration name
 * live side by side, and a run id never shares a folder with another. Parquet tables are written
 * there by Spark under {@link #table}; text files (provenance, comparison tables) are written here
 * through the same file system, so a run on HDFS or S3 keeps all its outputs in one place. A plain
 * path without a scheme is resolved the way Hadoop resolves it: against {@code fs.defaultFS} (the
 * local file system unless configured) and the working directory.
 */
public final class RunFolder {
    private final Configuration hadoop;
    private final Path root;

    private RunFolder(Configuration hadoop, Path root) {
        this.hadoop = hadoop;
        this.root = root;
    }

    /**
     * The folder of run {@code runId} of configuration {@code name} made on {@code runDate}.
     *
     * @param outputDir {@code output.dir} as configured: a Hadoop URI or a plain path
     * @param hadoop the Hadoop configuration to open the file system with (the Spark session's)
     */
    public static RunFolder of(
            String outputDir, String name, String runDate, String runId, Configuration hadoop) {
        return of(outputDir, name + "/run_date=" + runDate + "/run_id=" + runId, hadoop);
    }

    /** An existing run folder, named by its URI (e.g. the {@code runs} index's {@code folder}). */
    public static RunFolder at(String folderUri, Configuration hadoop) {
        Path path = new Path(folderUri);
        try {
            return new RunFolder(hadoop, path.getFileSystem(hadoop).makeQualified(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open run folder '" + folderUri + "'", e);
        }
    }

    /**
     * The date of the newest folder of run {@code runId} of configuration {@code name}, or null
     * when it has none: a resumed run continues in its own folder, even on a later day.
     */
    public static String existingRunDate(
            String outputDir, String name, String runId, Configuration hadoop) {
        Path pattern = new Path(new Path(outputDir), name + "/run_date=*/run_id=" + runId);
        try {
            FileStatus[] found = pattern.getFileSystem(hadoop).globStatus(pattern);
            String newest = null;
            for (FileStatus f : found == null ? new FileStatus[0] : found) {
                String date = f.getPath().getParent().getName().substring("run_date=".length());
                if (newest == null || date.compareTo(newest) > 0) {
                    newest = date;
                }
            }
            return newest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pattern, e);
        }
    }

    /**
     * @param outputDir {@code output.dir} as configured: a Hadoop URI or a plain path
     * @param relative the folder inside it
     * @param hadoop the Hadoop configuration to open the file system with (the Spark session's)
     */
    public static RunFolder of(String outputDir, String relative, Configuration hadoop) {
        String name = relative;
        Path parent = new Path(outputDir);
        try {
            // Qualified once here, so Spark's writes and ours name the same absolute location.
            return new RunFolder(
                    hadoop, parent.getFileSystem(hadoop).makeQualified(new Path(parent, name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open output.dir '" + outputDir + "'", e);
        }
    }

    /** The folder's fully qualified URI, e.g. {@code hdfs://nn:8020/results/quick-0123abcd}. */
    public String uri() {
        return root.toString();
    }

    /** Where the Parquet table {@code table} of this run goes (for Spark's reader and writer). */
    public String table(String table) {
        return new Path(root, table).toString();
    }

    /** The finished tasks of this run, kept under {@code _tasks/} for a resumed attempt. */
    public TaskStore tasks() {
        return new TaskStore(new Path(root, "_tasks").toString(), hadoop);
    }

    /** Writes (or replaces) the text file {@code file} in the run folder, UTF-8. */
    public void writeText(String file, String text) {
        Path path = new Path(root, file);
        try (OutputStream out = path.getFileSystem(hadoop).create(path, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** Writes (or replaces) the binary file {@code file} in the run folder (a plot, say). */
    public void writeBytes(String file, byte[] bytes) {
        Path path = new Path(root, file);
        try (OutputStream out = path.getFileSystem(hadoop).create(path, true)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** Reads the text file {@code file} of the run folder, UTF-8. */
    public String readText(String file) {
        Path path = new Path(root, file);
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Whether the run folder holds {@code file} (a text file or a table). */
    public boolean exists(String file) {
        Path path = new Path(root, file);
        try {
            return path.getFileSystem(hadoop).exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up " + path, e);
        }
    }

    @Override
    public String toString() {
        return uri();
    }
}
