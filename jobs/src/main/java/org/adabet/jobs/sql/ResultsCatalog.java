package org.adabet.jobs.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * The runs under a results location ({@code output.dir}: a plain path or any Hadoop URI) and one
 * run's tables, registered as temporary views: {@code runs} (one row per run folder, read from the
 * runs' {@code provenance.json}) and one view per Parquet table of the chosen run, named as its
 * folder ({@code retrain_runs}, {@code selections}, ...). What users, tests and notebooks query.
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
        Dataset<Row> provenance = provenance();
        if (provenance == null) {
            return out;
        }
        for (Row r : provenance.select("run_id", "name", "created", "folder").collectAsList()) {
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
                    "no runs under " + results + " (no folder there holds provenance.json)");
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
        Dataset<Row> provenance = provenance();
        if (provenance != null) {
            provenance.createOrReplaceTempView("runs");
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

    /** One row per run folder with its provenance's headline fields, or null when there is none. */
    private Dataset<Row> provenance() {
        List<String> files = new ArrayList<>();
        for (FileStatus child : list(results)) {
            Path p = new Path(child.getPath(), "provenance.json");
            if (child.isDirectory() && exists(p)) {
                files.add(p.toString());
            }
        }
        if (files.isEmpty()) {
            return null;
        }
        Dataset<Row> raw =
                spark.read().option("multiLine", "true").json(files.toArray(String[]::new));
        List<String> columns =
                new ArrayList<>(
                        List.of(
                                "run_id",
                                "config.name AS name",
                                "created",
                                "git_commit",
                                "project_version",
                                "spark_master",
                                "seed",
                                "regexp_replace(input_file_name(), '/provenance.json$', '')"
                                        + " AS folder"));
        for (String optional :
                List.of(
                        "failed_statistics_tasks",
                        "failed_gradient_tasks",
                        "failed_retrain_runs",
                        "failed_oracle_runs",
                        "timings_ms.total AS total_ms",
                        "cpu.aten_level AS aten_level",
                        "cpu.reproducible AS reproducible")) {
            String field = optional.split(" ")[0];
            if (hasField(raw, field)) {
                columns.add(optional);
            }
        }
        return raw.selectExpr(columns.toArray(String[]::new));
    }

    /** Whether the (nested) field exists: older runs' provenance lacks newer fields. */
    private static boolean hasField(Dataset<Row> df, String dotted) {
        DataType type = df.schema();
        for (String part : dotted.split("\\.")) {
            if (!(type instanceof StructType struct)
                    || !Arrays.asList(struct.fieldNames()).contains(part)) {
                return false;
            }
            type = struct.apply(part).dataType();
        }
        return true;
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

    private boolean exists(Path p) {
        try {
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up " + p, e);
        }
    }
}
