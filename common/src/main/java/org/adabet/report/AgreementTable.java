package org.adabet.report;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The oracle agreement rows as Markdown, sorted by pair then by Spearman correlation (best first);
 * with the oracle summaries, a section per pair saying how far the oracle itself can be trusted and
 * which layers it ranks first.
 */
public final class AgreementTable {
    private AgreementTable() {}

    /** The agreement table alone. */
    public static String toMarkdown(List<AgreementRow> rows) {
        StringBuilder sb =
                new StringBuilder(
                        "| pair | method | Spearman | Spearman 95% CI | noise ceiling | Kendall |"
                                + " top-k overlap | random Spearman (mean ± sd) | p vs random |"
                                + " oracle failed layers |\n");
        sb.append("|---|---|---:|---|---:|---:|---|---:|---:|---:|\n");
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
                                        .append(" | [")
                                        .append(ComparisonTable.fmt(r.spearmanCi95Low(), 3))
                                        .append(", ")
                                        .append(ComparisonTable.fmt(r.spearmanCi95High(), 3))
                                        .append("] | ")
                                        .append(ComparisonTable.fmt(r.noiseCeiling(), 3))
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
                                        .append(" | ")
                                        .append(r.oracleFailedLayers())
                                        .append(" |\n"));
        return sb.toString();
    }

    /** The agreement table, then what the oracle of each pair says on its own. */
    public static String toMarkdown(List<AgreementRow> rows, List<OracleSummary> oracle) {
        StringBuilder sb = new StringBuilder(toMarkdown(rows));
        sb.append("\nSpearman 95% CI: percentile bootstrap over layers, ")
                .append(Agreements.BOOTSTRAP_RESAMPLES)
                .append(" resamples seeded by the pair. Noise ceiling: the oracle's split-half")
                .append(" reliability across seeds, 2 r / (1 + r) with r the mean Spearman of the")
                .append(" two halves' mean gains over balanced splits of the seeds; no method's")
                .append(" Spearman can be expected above it. Correlations are NaN for a pair some")
                .append(" of whose layers have no successful oracle run.\n\n");
        sb.append("### The oracle per pair\n\n");
        sb.append(
                "| pair | layers | seeds | failed layers | splits | half Spearman | noise ceiling |"
                        + " top layers by mean gain (points) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (OracleSummary o : oracle) {
            sb.append("| ")
                    .append(o.pair())
                    .append(" | ")
                    .append(o.layers())
                    .append(" | ")
                    .append(o.seeds())
                    .append(" | ")
                    .append(o.failedLayers())
                    .append(" | ")
                    .append(o.reliability().splits())
                    .append(" | ")
                    .append(ComparisonTable.fmt(o.reliability().meanHalfSpearman(), 3))
                    .append(" | ")
                    .append(
                            o.seeds() < 2
                                    ? "null (one seed: no split)"
                                    : ComparisonTable.fmt(o.noiseCeiling(), 3))
                    .append(" | ")
                    .append(
                            o.top().stream()
                                    .map(
                                            g ->
                                                    g.layer()
                                                            + " ("
                                                            + ComparisonTable.fmt(100 * g.gain(), 2)
                                                            + ")")
                                    .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return sb.toString();
    }
}
