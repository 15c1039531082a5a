package org.adabet.selection;

/** The reference budget rule: retrain floor(rho * L) of L candidate layers. */
public final class LayerBudget {
    private LayerBudget() {}

    /**
     * @return floor(rho * layers), with a tolerance of 1e-9 so that e.g. 0.29 * 100 counts as 29
     *     despite binary rounding
     * @throws IllegalArgumentException if that is zero: such a budget trains nothing
     */
    public static int layers(double rho, int layers) {
        int k = (int) Math.floor(rho * layers + 1e-9);
        if (k < 1) {
            throw new IllegalArgumentException(
                    "selection.rhos value "
                            + rho
                            + " selects no layer of "
                            + layers
                            + " (floor("
                            + rho
                            + " * "
                            + layers
                            + ") = 0)");
        }
        return Math.min(k, layers);
    }
}
