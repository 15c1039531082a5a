package org.adabet.jobs.sql;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A query's rows as text: a Markdown table (pipes in values escaped) or RFC 4180 CSV (Commons CSV).
 */
public final class ResultPrinter {
    private ResultPrinter() {}

    /** A GitHub-flavoured Markdown table; nulls print as empty cells. */
    public static String markdown(Dataset<Row> result) {
        String[] columns = result.columns();
        StringBuilder sb = new StringBuilder("|");
        for (String c : columns) {
            sb.append(' ').append(cell(c)).append(" |");
        }
        sb.append("\n|");
        sb.append("---|".repeat(columns.length)).append('\n');
        for (Row row : result.collectAsList()) {
            sb.append('|');
            for (int i = 0; i < columns.length; i++) {
                sb.append(' ')
                        .append(cell(row.isNullAt(i) ? "" : String.valueOf(row.get(i))))
                        .append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180 CSV with a header line. */
    public static String csv(Dataset<Row> result) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer =
                new CSVPrinter(
                        out, CSVFormat.RFC4180.builder().setHeader(result.columns()).get())) {
            List<Row> rows = result.collectAsList();
            for (Row row : rows) {
                Object[] values = new Object[row.length()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.isNullAt(i) ? "" : row.get(i);
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String cell(String value) {
        return value.replace("|", "\\|").replace("\n", " ");
    }
}
