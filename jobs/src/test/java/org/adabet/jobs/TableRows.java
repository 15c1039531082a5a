package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Tables of two runs compared as a reader would: rows as text, sorted, host-specific columns left
 * out.
 */
final class TableRows {
    private TableRows() {}

    /**
     * Rows as text, sorted, without the columns that legitimately differ between two runs of one
     * configuration: host wall times ({@code *_ms}) and the pretraining cache hit of a second run
     * ({@code from_cache}; {@code source_accuracy} is only known when trained). {@code run_id} is
     * compared on its own by the tests.
     */
    static List<String> sorted(Dataset<Row> df, String table) {
        Column[] kept =
                Arrays.stream(df.columns())
                        .filter(
                                c ->
                                        !c.equals("run_id")
                                                && !c.endsWith("_ms")
                                                && !c.equals("from_cache")
                                                && !c.equals("source_accuracy"))
                        .map(df::col)
                        .toArray(Column[]::new);
        List<String> rows =
                df.select(kept).collectAsList().stream().map(Row::toString).sorted().toList();
        assertTrue(!rows.isEmpty(), table + " has no rows");
        return rows;
    }
}
