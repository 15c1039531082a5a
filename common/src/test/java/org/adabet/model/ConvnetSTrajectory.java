package org.adabet.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixed, short life of a small {@code convnet_s}: seeded initialisation, one inference pass
 * capturing every candidate layer, three SGD steps on four layers, then gradient statistics. What
 * the pretraining cache and the sweep's determinism rest on, gathered in one value.
 */
record ConvnetSTrajectory(
        Map<String, NetworkParameters.Tensor> initial,
        List<float[]> activations,
        Map<String, NetworkParameters.Tensor> trained,
        List<GradientStatistics> gradients) {

    static ConvnetSTrajectory compute() {
        Architecture arch = Architectures.build(Architectures.CONVNET_S, 4, 16, 5);
        SplittableRandom rng = new SplittableRandom(42);
        float[] x = new float[8 * 3 * 16 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        int[] labels = {0, 1, 2, 3, 4, 0, 1, 2};
        try (Network net = Networks.create(arch, 17)) {
            Map<String, NetworkParameters.Tensor> initial = net.parameters().tensors();
            List<float[]> acts = net.activations(x, 8);
            net.setTrainable(
                    List.of("features.1.conv", "features.2.bn", "features.4.bn", "classifier"));
            for (int step = 0; step < 3; step++) {
                net.trainStep(x, labels, 8, 0.05, 0.9, 5e-4);
            }
            Map<String, NetworkParameters.Tensor> trained = net.parameters().tensors();
            return new ConvnetSTrajectory(
                    initial, acts, trained, net.gradientStatistics(x, labels, 8));
        }
    }

    /**
     * Java hash of every tensor's name, shape and values: exact, so only for same-bits comparisons.
     */
    static String hash(Map<String, NetworkParameters.Tensor> tensors) {
        int h = 1;
        for (Map.Entry<String, NetworkParameters.Tensor> e : tensors.entrySet()) {
            h = 31 * h + e.getKey().hashCode();
            h = 31 * h + Arrays.hashCode(e.getValue().shape());
            h = 31 * h + Arrays.hashCode(e.getValue().values());
        }
        return Integer.toHexString(h);
    }

    /** Every bit of the trajectory in one line (equal lines: equal bits). */
    String checksums() {
        StringBuilder sb = new StringBuilder("init=").append(hash(initial)).append(";acts=");
        for (float[] a : activations) {
            sb.append(Integer.toHexString(Arrays.hashCode(a))).append(',');
        }
        sb.append(";trained=").append(hash(trained)).append(";grads=");
        for (GradientStatistics g : gradients) {
            sb.append(g.fisher())
                    .append('/')
                    .append(g.gradientNorm())
                    .append('/')
                    .append(g.parameterNorm())
                    .append(',');
        }
        return sb.toString();
    }

    /**
     * Every float the trajectory produced, by name (activations as {@code act.<layer index>},
     * parameters as {@code trained.<tensor>}, gradient statistics as {@code grad.<layer>}), for
     * comparisons within a tolerance.
     */
    Map<String, double[]> values() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < activations.size(); i++) {
            out.put("act." + i, toDouble(activations.get(i)));
        }
        trained.forEach((name, t) -> out.put("trained." + name, toDouble(t.values())));
        for (GradientStatistics g : gradients) {
            out.put(
                    "grad." + g.layer(),
                    new double[] {g.fisher(), g.gradientNorm(), g.parameterNorm()});
        }
        return out;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /**
     * Prints {@link #checksums()} (the cross-CPU test runs this in child JVMs, native and
     * emulated).
     */
    public static void main(String[] args) {
        System.out.println(compute().checksums());
    }
}
