package org.adabet.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.adabet.jobs.schema.Tables;
import org.adabet.provenance.RunSummary;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code runs} index of a results location: one single-row Parquet folder per run, at {@code
 * <output.dir>/<name>/runs/<run_id>/}, read together as one table. Each run replaces only its own
 * row's folder, which is what dynamic partition overwrite of a table partitioned by run would do,
 * without Spark's partition-type inference (a run id of hex digits would be read back as a number,
 * a run date as a date).
 */
public final class RunsIndex {
    private final SparkSession spark;
    private final Path results;

    /**
     * @param results the results location ({@code output.dir}): a Hadoop URI or a plain path
     */
    public RunsIndex(SparkSession spark, String results) {
        this.spark = spark;
        this.results = new Path(results);
    }

    /** Writes (or replaces) the row of {@code run}. */
    public void write(RunSummary run) {
        spark.createDataFrame(List.of(Tables.runRow(run)), Tables.RUNS_SCHEMA)
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(new Path(results, run.name() + "/runs/" + run.runId()).toString());
    }

    /** Every run's row, or null when the location holds no run. */
    public Dataset<Row> read() {
        Path pattern = new Path(results, "*/runs/*");
        FileStatus[] found;
        try {
            found =
                    pattern.getFileSystem(spark.sparkContext().hadoopConfiguration())
                            .globStatus(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pattern, e);
        }
        if (found == null || found.length == 0) {
            return null;
        }
        // The folders found, not the glob: Spark would look for a streaming sink's metadata under
        // the glob and log a stack trace.
        String[] folders = new String[found.length];
        for (int i = 0; i < found.length; i++) {
            folders[i] = found[i].getPath().toString();
        }
        return spark.read().schema(Tables.RUNS_SCHEMA).parquet(folders);
    }
}
