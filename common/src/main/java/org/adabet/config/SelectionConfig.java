package org.adabet.config;

import java.io.Serializable;
import java.util.List;

/**
 * Selection methods, their budgets and options.
 *
 * @param memoryBudgets peak training memory budgets in bytes
 * @param channelFraction fraction of output channels adabet_channel keeps
 * @param persistenceThreshold relative threshold of the {@code adabet:beta1_above} variant
 * @param randomDraws draws of {@code random} per budget and seed, each retrained; also the draws of
 *     random layer scores the oracle agreement is read against
 * @param headForcedVariants whether every budgeted method also runs as {@code <method>+head}, the
 *     whole classifier head added, on targets whose head is new
 */
public record SelectionConfig(
        List<String> methods,
        List<Double> rhos,
        List<Long> memoryBudgets,
        boolean forceHead,
        double channelFraction,
        double persistenceThreshold,
        int randomDraws,
        boolean headForcedVariants)
        implements Serializable {

    public SelectionConfig {
        methods =
                Check.distinct(
                        "adabet.selection.methods",
                        Check.nonEmpty("adabet.selection.methods", methods));
        rhos = Check.distinct("adabet.selection.rhos", List.copyOf(rhos));
        for (double rho : rhos) {
            Check.inUnitInterval("adabet.selection.rhos", rho, false);
        }
        memoryBudgets =
                Check.distinct("adabet.selection.memory-budgets", List.copyOf(memoryBudgets));
        for (long b : memoryBudgets) {
            if (b <= 0) {
                throw new ConfigException(
                        "adabet.selection.memory-budgets must hold sizes > 0, was " + b);
            }
        }
        if (rhos.isEmpty() && memoryBudgets.isEmpty()) {
            throw new ConfigException(
                    "adabet.selection needs at least one budget: rhos and memory-budgets are both empty");
        }
        Check.inUnitInterval("adabet.selection.channel-fraction", channelFraction, false);
        Check.between("adabet.selection.random-draws", randomDraws, 1, 100_000);
        if (forceHead && headForcedVariants) {
            throw new ConfigException(
                    "adabet.selection.head-forced-variants = true needs force-head = false (with"
                            + " force-head every budgeted method already has the head)");
        }
        if (!(persistenceThreshold >= 0) || Double.isInfinite(persistenceThreshold)) {
            throw new ConfigException(
                    "adabet.selection.persistence-threshold must be a finite number >= 0, was "
                            + persistenceThreshold);
        }
    }
}
