package org.adabet.sweep;

import java.io.Serializable;
import java.util.List;
import org.adabet.memory.MemoryEstimate;
import org.adabet.model.TrainableSpec;
import org.adabet.selection.Budget;
import org.adabet.selection.SelectionCost;

/**
 * One retraining run: a pair, what a selection method chose under a budget, a seed, and what the
 * choice costs by the analytic models (known before training).
 *
 * @param budget null for methods that take no budget
 * @param layers the layers touched by {@code spec}, in forward order
 * @param selectionMillis host time the method spent choosing: its forward / backward passes and
 *     scoring on a loaded batch and network (AdaBet: forward passes + persistence)
 * @param selectionPeakBytes the method's peak memory while choosing (analytic)
 * @param memory peak training memory of this selection (analytic, ours)
 * @param referenceMemoryBytes the same by the reference's formula
 * @param trainingFlops counted FLOPs of the whole retraining (all steps, all samples)
 * @param draw which draw of a drawn method ({@code random}: {@code selection.random-draws} per
 *     budget and seed); 0 for every other method
 * @param loadMillis host time the method's evidence tasks spent loading data and building the
 *     network, apart from {@code selectionMillis}
 */
public record RetrainTask(
        Pair pair,
        String method,
        Budget budget,
        long seed,
        TrainableSpec spec,
        List<String> layers,
        SelectionCost selectionCost,
        double selectionMillis,
        long selectionPeakBytes,
        MemoryEstimate memory,
        long referenceMemoryBytes,
        double trainingFlops,
        int draw,
        double loadMillis)
        implements Serializable {

    public RetrainTask {
        layers = List.copyOf(layers);
        if (draw < 0) {
            throw new IllegalArgumentException("retrain task draw must be >= 0, was " + draw);
        }
    }

    /** Without loading time. */
    public RetrainTask(
            Pair pair,
            String method,
            Budget budget,
            long seed,
            TrainableSpec spec,
            List<String> layers,
            SelectionCost selectionCost,
            double selectionMillis,
            long selectionPeakBytes,
            MemoryEstimate memory,
            long referenceMemoryBytes,
            double trainingFlops,
            int draw) {
        this(
                pair,
                method,
                budget,
                seed,
                spec,
                layers,
                selectionCost,
                selectionMillis,
                selectionPeakBytes,
                memory,
                referenceMemoryBytes,
                trainingFlops,
                draw,
                0);
    }

    /** The only draw of a method that is not drawn. */
    public RetrainTask(
            Pair pair,
            String method,
            Budget budget,
            long seed,
            TrainableSpec spec,
            List<String> layers,
            SelectionCost selectionCost,
            double selectionMillis,
            long selectionPeakBytes,
            MemoryEstimate memory,
            long referenceMemoryBytes,
            double trainingFlops) {
        this(
                pair,
                method,
                budget,
                seed,
                spec,
                layers,
                selectionCost,
                selectionMillis,
                selectionPeakBytes,
                memory,
                referenceMemoryBytes,
                trainingFlops,
                0);
    }

    /**
     * A stable key, used to derive this run's seeds and to order tables; draw 0 keeps the key it
     * had before methods were drawn.
     */
    public String key() {
        return pair.key()
                + "|"
                + method
                + "|"
                + (budget == null ? "-" : budget.label())
                + "|"
                + seed
                + (draw == 0 ? "" : "|draw=" + draw);
    }
}
