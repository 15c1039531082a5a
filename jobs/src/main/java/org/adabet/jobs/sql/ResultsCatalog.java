package org.adabet.jobs.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.adabet.jobs.io.RunsIndex;
import org.adabet.jobs.schema.Tables;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The runs under a results location ({@code output.dir}: a plain path or any Hadoop URI) and one
 * run's tables, registered as temporary views: {@code runs} (the {@link RunsIndex}, one row per
 * run) and one view per Parquet table of the chosen run, named as its folder ({@code retrain_runs},
 * {@code selections}, ...). What users, tests and notebooks query.
 */
public final class ResultsCatalog {
    /** The folder of one run and what its provenance says about it. */
    public record RunFolderInfo(String runId, String name, String created, String folder) {}

    private final SparkSession spark;
    private final Path results;

    public ResultsCatalog(SparkSession spark, String resultsLocation) {
        this.spark = spark;
        this.results = new Path(resultsLocation);
    }

    /** Every run folder (one holding {@code provenance.json}), oldest first. */
    public List<RunFolderInfo> runs() {
        List<RunFolderInfo> out = new ArrayList<>();
        Dataset<Row> index = index();
        if (index == null) {
            return out;
        }
        for (Row r : index.select("run_id", "name", "created", "folder").collectAsList()) {
            out.add(
                    new RunFolderInfo(
                            r.getString(0), r.getString(1), r.getString(2), r.getString(3)));
        }
        out.sort(Comparator.comparing(RunFolderInfo::created).thenComparing(RunFolderInfo::folder));
        return out;
    }

    /**
     * The run named by {@code id}: {@code latest} (the newest by creation time), a run id, or a
     * unique prefix of one.
     *
     * @throws IllegalArgumentException naming the location and what it holds when no run matches
     */
    public RunFolderInfo find(String id) {
        List<RunFolderInfo> runs = runs();
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(
                    "no runs under " + results + " (no runs index: */runs/*)");
        }
        if (id.equals("latest")) {
            return runs.get(runs.size() - 1);
        }
        List<RunFolderInfo> matching = runs.stream().filter(r -> r.runId().startsWith(id)).toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException(
                    (matching.isEmpty() ? "no run '" : "more than one run matches '")
                            + id
                            + "' under "
                            + results
                            + "; runs there: "
                            + String.join(", ", runs.stream().map(RunFolderInfo::runId).toList()));
        }
        return matching.get(0);
    }

    /**
     * Registers the {@code runs} view and every table of {@code run} as views; returns the table
     * names.
     */
    public List<String> register(RunFolderInfo run) {
        Dataset<Row> index = index();
        if (index != null) {
            index.createOrReplaceTempView(Tables.RUNS);
        }
        List<String> tables = new ArrayList<>();
        Path folder = new Path(run.folder());
        for (FileStatus child : list(folder)) {
            if (child.isDirectory()
                    && !child.getPath().getName().startsWith("_")
                    && !child.getPath().getName().startsWith(".")) {
                String table = child.getPath().getName();
                spark.read().parquet(child.getPath().toString()).createOrReplaceTempView(table);
                tables.add(table);
            }
        }
        tables.sort(String::compareTo);
        return tables;
    }

    /** The {@code runs} index of the location, or null when it holds no run. */
    private Dataset<Row> index() {
        list(results); // names a missing location
        return new RunsIndex(spark, results.toString()).read();
    }

    private List<FileStatus> list(Path dir) {
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(dir)) {
                throw new IllegalArgumentException("results location " + dir + " does not exist");
            }
            return Arrays.asList(fs.listStatus(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
