package org.adabet.tda;

/**
 * The per-layer numbers AdaBet's ranking stage reads from one barcode.
 *
 * <p>Betti numbers count intervals with {@code death > birth} (compared in float32, as Ripser
 * does), essential ones included. Total and maximum persistence are over <em>finite</em> intervals
 * only: essential classes have infinite persistence and would swamp every sum (with the default
 * enclosing-radius threshold the only essential class is the one H0 component anyway).
 *
 * @param points n, number of points in the cloud
 * @param dimension D, coordinates per point (a long: activations can be large)
 * @param beta0 H0 intervals with death > birth
 * @param beta1 H1 intervals with death > birth
 * @param totalPersistence0 sum of death - birth over finite H0 intervals
 * @param totalPersistence1 sum of death - birth over finite H1 intervals
 * @param maxPersistence0 largest death - birth over finite H0 intervals (0 if none)
 * @param maxPersistence1 largest death - birth over finite H1 intervals (0 if none)
 */
public record BettiStatistics(
        int points,
        long dimension,
        int beta0,
        int beta1,
        double totalPersistence0,
        double totalPersistence1,
        double maxPersistence0,
        double maxPersistence1) {

    /** Validates {@code points >= 1}, {@code dimension >= 1} and non-negative counts. */
    public BettiStatistics {
        if (points < 1) {
            throw new IllegalArgumentException("points must be >= 1, was " + points);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, was " + dimension);
        }
        if (beta0 < 0 || beta1 < 0) {
            throw new IllegalArgumentException(
                    "Betti numbers must be >= 0, were " + beta0 + ", " + beta1);
        }
    }

    /**
     * Collects the statistics of {@code barcode} for a cloud of {@code points} x {@code dimension}.
     */
    public static BettiStatistics of(Barcode barcode, int points, long dimension) {
        double[] total = new double[2];
        double[] max = new double[2];
        for (PersistenceInterval p : barcode.intervals()) {
            int d = p.dimension();
            if (d <= 1 && !p.isEssential()) {
                double length = (double) p.death() - p.birth();
                total[d] += length;
                max[d] = Math.max(max[d], length);
            }
        }
        return new BettiStatistics(
                points,
                dimension,
                barcode.betti(0),
                barcode.betti(1),
                total[0],
                total[1],
                max[0],
                max[1]);
    }

    /** AdaBet's reference per-batch score {@code beta1 / (points * dimension)}. */
    public double referenceScore() {
        return beta1 / ((double) points * (double) dimension);
    }

    /**
     * H1 intervals with persistence strictly above {@code persistenceThreshold}; needs the barcode
     * because the statistics keep no individual bars. Same as {@code barcode.bettiAbove(1, t)}.
     */
    public static int beta1Above(Barcode barcode, double persistenceThreshold) {
        return barcode.bettiAbove(1, persistenceThreshold);
    }
}
