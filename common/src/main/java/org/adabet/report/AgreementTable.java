package org.adabet.report;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The oracle agreement rows as Markdown, sorted by pair then by Spearman correlation (best first).
 */
public final class AgreementTable {
    private AgreementTable() {}

    public static String toMarkdown(List<AgreementRow> rows) {
        StringBuilder sb =
                new StringBuilder(
                        "| pair | method | Spearman | Kendall | top-k overlap | random Spearman"
                                + " (mean ± sd) | p vs random |\n");
        sb.append("|---|---|---:|---:|---|---:|---:|\n");
        rows.stream()
                .sorted(
                        Comparator.comparing(AgreementRow::pair)
                                .thenComparing(
                                        r ->
                                                Double.isNaN(r.spearman())
                                                        ? Double.POSITIVE_INFINITY
                                                        : -r.spearman())
                                .thenComparing(AgreementRow::method))
                .forEach(
                        r ->
                                sb.append("| ")
                                        .append(r.pair())
                                        .append(" | ")
                                        .append(r.method())
                                        .append(" | ")
                                        .append(ComparisonTable.fmt(r.spearman(), 3))
                                        .append(" | ")
                                        .append(ComparisonTable.fmt(r.kendall(), 3))
                                        .append(" | ")
                                        .append(
                                                r.topK().stream()
                                                        .map(t -> t.overlap() + "/" + t.k())
                                                        .collect(Collectors.joining(", ")))
                                        .append(" | ")
                                        .append(ComparisonTable.fmt(r.nullMean(), 3))
                                        .append(" ± ")
                                        .append(ComparisonTable.fmt(r.nullSd(), 3))
                                        .append(" | ")
                                        .append(ComparisonTable.fmt(r.nullP(), 3))
                                        .append(" |\n"));
        return sb.toString();
    }
}
