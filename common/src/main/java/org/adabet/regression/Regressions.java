package org.adabet.regression;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A later run against an earlier one, per pair x method x budget. A regression is:
 *
 * <ul>
 *   <li>accuracy: the mean test accuracy dropped by more than {@link Tolerances#accuracyDrop}
 *       points <em>and</em>, when the earlier run had several seeds, fell below its interval;
 *   <li>memory: peak training memory grew by more than {@link Tolerances#memoryIncrease};
 *   <li>selection time: more than {@link Tolerances#selectionTimeFactor} times slower and more than
 *       {@link Tolerances#selectionTimeSlackMs} ms slower;
 *   <li>failures: more failed seeds than before;
 *   <li>a row the earlier run had and the later one lacks.
 * </ul>
 *
 * Rows only the later run has are listed, never a regression.
 */
public final class Regressions {
    private final List<Change> changes;
    private final String before;
    private final String after;
    private final Tolerances tolerances;

    private Regressions(String before, String after, Tolerances tolerances, List<Change> changes) {
        this.before = before;
        this.after = after;
        this.tolerances = tolerances;
        this.changes = List.copyOf(changes);
    }

    /**
     * @param beforeRun names the earlier run in the report (e.g. its id and date)
     * @param afterRun names the later run
     */
    public static Regressions compare(
            String beforeRun,
            List<RunMetrics> earlier,
            String afterRun,
            List<RunMetrics> later,
            Tolerances tol) {
        Map<String, RunMetrics> then = new LinkedHashMap<>();
        earlier.forEach(m -> then.put(m.key(), m));
        Map<String, RunMetrics> now = new LinkedHashMap<>();
        later.forEach(m -> now.put(m.key(), m));
        List<Change> out = new ArrayList<>();
        for (RunMetrics b : then.values()) {
            RunMetrics a = now.get(b.key());
            if (a == null) {
                out.add(change(b, "present", 1, 0, true, "missing from the later run"));
                continue;
            }
            out.add(accuracy(b, a, tol));
            out.add(memory(b, a, tol));
            out.add(selection(b, a, tol));
            out.add(
                    change(
                            b,
                            "failed",
                            b.failed(),
                            a.failed(),
                            a.failed() > b.failed(),
                            a.failed() > b.failed()
                                    ? (a.failed() - b.failed()) + " more failed seeds"
                                    : "no more failures"));
        }
        for (RunMetrics a : now.values()) {
            if (!then.containsKey(a.key())) {
                out.add(change(a, "present", 0, 1, false, "new in the later run"));
            }
        }
        return new Regressions(beforeRun, afterRun, tol, out);
    }

    private static Change accuracy(RunMetrics b, RunMetrics a, Tolerances tol) {
        if (!Double.isFinite(b.accuracy())) {
            return change(
                    b, "accuracy_pct", b.accuracy(), a.accuracy(), false, "no earlier accuracy");
        }
        if (!Double.isFinite(a.accuracy())) {
            return change(
                    b, "accuracy_pct", b.accuracy(), a.accuracy(), true, "no successful seed now");
        }
        double drop = b.accuracy() - a.accuracy();
        boolean beyond = drop > tol.accuracyDrop();
        boolean outside = !b.hasInterval() || a.accuracy() < b.low();
        String why =
                String.format(
                        Locale.ROOT,
                        "%s %.2f points (tolerance %.2f)%s",
                        drop > 0 ? "dropped" : "rose",
                        Math.abs(drop),
                        tol.accuracyDrop(),
                        b.hasInterval()
                                ? String.format(
                                        Locale.ROOT,
                                        ", %s the earlier interval [%.2f, %.2f]",
                                        outside ? "below" : "within",
                                        b.low(),
                                        b.high())
                                : "");
        return change(b, "accuracy_pct", b.accuracy(), a.accuracy(), beyond && outside, why);
    }

    private static Change memory(RunMetrics b, RunMetrics a, Tolerances tol) {
        boolean worse =
                b.peakBytes() > 0 && a.peakBytes() > b.peakBytes() * (1 + tol.memoryIncrease());
        double growth = b.peakBytes() > 0 ? a.peakBytes() / (double) b.peakBytes() - 1 : 0;
        return change(
                b,
                "peak_mem_bytes",
                b.peakBytes(),
                a.peakBytes(),
                worse,
                String.format(
                        Locale.ROOT,
                        "%+.2f%% (tolerance +%.2f%%)",
                        100 * growth,
                        100 * tol.memoryIncrease()));
    }

    private static Change selection(RunMetrics b, RunMetrics a, Tolerances tol) {
        boolean worse =
                a.selectionMs() > b.selectionMs() * tol.selectionTimeFactor()
                        && a.selectionMs() - b.selectionMs() > tol.selectionTimeSlackMs();
        return change(
                b,
                "selection_ms",
                b.selectionMs(),
                a.selectionMs(),
                worse,
                String.format(
                        Locale.ROOT,
                        "%+.0f ms (tolerance x%.1f and +%.0f ms)",
                        a.selectionMs() - b.selectionMs(),
                        tol.selectionTimeFactor(),
                        tol.selectionTimeSlackMs()));
    }

    private static Change change(
            RunMetrics m,
            String metric,
            double before,
            double after,
            boolean regressed,
            String why) {
        return new Change(m.pair(), m.method(), m.budget(), metric, before, after, regressed, why);
    }

    /** Every compared metric, in the earlier run's row order. */
    public List<Change> changes() {
        return changes;
    }

    /** The changes that count as regressions. */
    public List<Change> regressions() {
        return changes.stream().filter(Change::regressed).toList();
    }

    public boolean regressed() {
        return changes.stream().anyMatch(Change::regressed);
    }

    /** {@code regression.md}: the verdict, the tolerances and the regressed rows. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        long rows =
                changes.stream()
                        .map(c -> c.pair() + "|" + c.method() + "|" + c.budget())
                        .distinct()
                        .count();
        List<Change> bad = regressions();
        md.append("**")
                .append(bad.isEmpty() ? "No regression" : bad.size() + " regressions")
                .append("**: run ")
                .append(after)
                .append(" against run ")
                .append(before)
                .append(", ")
                .append(rows)
                .append(" pair x method x budget rows compared.\n\n");
        md.append(
                String.format(
                        Locale.ROOT,
                        "Tolerances: accuracy drop %.2f points (and below the earlier interval when it"
                                + " had several seeds), peak memory +%.2f%%, selection time x%.1f"
                                + " and +%.0f ms, no more failed seeds.\n\n",
                        tolerances.accuracyDrop(),
                        100 * tolerances.memoryIncrease(),
                        tolerances.selectionTimeFactor(),
                        tolerances.selectionTimeSlackMs()));
        if (!bad.isEmpty()) {
            md.append("| pair | method | budget | metric | before | after | why |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            for (Change c : bad) {
                md.append("| ")
                        .append(
                                String.join(
                                        " | ",
                                        cell(c.pair()),
                                        cell(c.method()),
                                        cell(c.budget()),
                                        c.metric(),
                                        number(c.before()),
                                        number(c.after()),
                                        cell(c.why())))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** {@code regression.csv}: every compared metric (RFC 4180). */
    public String toCsv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter p =
                new CSVPrinter(
                        out,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(
                                        "pair",
                                        "method",
                                        "budget",
                                        "metric",
                                        "before",
                                        "after",
                                        "regressed",
                                        "why")
                                .get())) {
            for (Change c : changes) {
                p.printRecord(
                        c.pair(),
                        c.method(),
                        c.budget(),
                        c.metric(),
                        number(c.before()),
                        number(c.after()),
                        c.regressed(),
                        c.why());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
