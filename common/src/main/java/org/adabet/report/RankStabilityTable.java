package org.adabet.report;

import java.util.List;
import java.util.stream.Collectors;

/** The rank stability rows as Markdown: across draws per pair, then across targets. */
public final class RankStabilityTable {
    /** Layers of each consensus ranking shown (the table holds all of them). */
    static final int SHOWN = 5;

    private RankStabilityTable() {}

    /**
     * @param batchDraws {@code statistics.batch-draws} of the run (1: no draw section to show)
     */
    public static String toMarkdown(List<RankStabilityRow> rows, int batchDraws) {
        StringBuilder sb = new StringBuilder("## Rank stability across statistics draws\n\n");
        List<RankStabilityRow> draws =
                rows.stream().filter(r -> r.scope().equals(RankStabilityRow.DRAWS)).toList();
        if (batchDraws < 2) {
            sb.append(
                    "statistics.batch-draws = 1: the statistics were computed on one set of"
                            + " batches only; set it to 2 or more to measure this.\n\n");
        } else {
            sb.append("Draw 0 is the first ")
                    .append("statistics.batches batches of the target's fitting split (the")
                    .append(" reference's rule, the one the selections use); draws 1..")
                    .append(batchDraws - 1)
                    .append(" are seeded random batches of it. Only methods whose scores come")
                    .append(" from those batches are compared.\n\n");
            table(sb, draws, "draws");
        }
        sb.append("## Rank agreement across targets (draw 0)\n\n");
        sb.append("Aggregated ranking: layers by mean rank over the targets (with complete")
                .append(" rankings, the Borda count's order); mean ranks in parentheses.\n\n");
        List<RankStabilityRow> targets =
                rows.stream().filter(r -> r.scope().equals(RankStabilityRow.TARGETS)).toList();
        if (targets.isEmpty()) {
            sb.append("No architecture has two or more targets scored.\n");
        } else {
            table(sb, targets, "targets");
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, List<RankStabilityRow> rows, String raters) {
        sb.append("| pair | architecture | method | layers | ")
                .append(raters)
                .append(" | mean pairwise Spearman | Kendall's W | consensus (top ")
                .append(SHOWN)
                .append(") |\n|---|---|---|---:|---:|---:|---:|---|\n");
        for (RankStabilityRow r : rows) {
            sb.append("| ")
                    .append(r.pair())
                    .append(" | ")
                    .append(r.architecture())
                    .append(" | ")
                    .append(r.method())
                    .append(" | ")
                    .append(r.layers())
                    .append(" | ")
                    .append(r.raters())
                    .append(" | ")
                    .append(ComparisonTable.fmt(r.meanSpearman(), 3))
                    .append(" | ")
                    .append(ComparisonTable.fmt(r.kendallW(), 3))
                    .append(" | ")
                    .append(
                            java.util.stream.IntStream.range(
                                            0, Math.min(SHOWN, r.consensus().size()))
                                    .mapToObj(
                                            i ->
                                                    r.consensus().get(i)
                                                            + " ("
                                                            + ComparisonTable.fmt(
                                                                    r.consensusMeanRank().get(i), 1)
                                                            + ")")
                                    .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        sb.append('\n');
    }
}
