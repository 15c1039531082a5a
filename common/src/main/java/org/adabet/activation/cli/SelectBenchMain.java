package org.adabet.activation.cli;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.adabet.activation.LayerStatisticsCalculator;
import org.adabet.activation.StatisticsOptions;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.model.Architecture;
import org.adabet.model.Architectures;
import org.adabet.model.Network;
import org.adabet.model.Networks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code adabet bench select}: what AdaBet's selection costs over the forward passes it cannot do
 * without. On a network and batches already loaded, it times AdaBet's statistics of k batches of n
 * images (the forward pass capturing every candidate layer, then Vietoris–Rips persistence of each
 * layer's point cloud, as the statistics stage computes them: dimensions 0 and 1, no channels)
 * against the same k plain forward passes, and prints their ratio. For context it also times one
 * labelled forward + backward pass with per-layer gradient statistics (what the gradient methods
 * read). Networks: {@code convnet_s} and {@code resnet8} (width 16) at 32x32, {@code resnet18} at
 * 224x224; weights seeded, not pretrained (the distances dominate the persistence cost and do not
 * depend on training); one libtorch thread. Median of {@code --runs} after one warm-up.
 */
@Command(
        name = "select",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "AdaBet's selection time against the same k forward passes alone.")
public final class SelectBenchMain implements Callable<Integer> {
    @Option(
            names = "--runs",
            defaultValue = "3",
            description = "timed runs after one warm-up (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(
            names = "--batches",
            defaultValue = "4",
            description = "k, unlabeled batches (default: ${DEFAULT-VALUE}, the reference's)")
    int batches;

    @Option(
            names = "--batch-size",
            defaultValue = "32",
            description = "n, images per batch (default: ${DEFAULT-VALUE})")
    int batchSize;

    /** One network of the benchmark. */
    private record Subject(String architecture, int imageSize) {}

    private static final List<Subject> SUBJECTS =
            List.of(
                    new Subject(Architectures.CONVNET_S, 32),
                    new Subject(Architectures.RESNET8, 32),
                    new Subject(Architectures.RESNET18, 224));

    private static final StatisticsOptions OPTIONS = new StatisticsOptions(1, 0.1, false);

    public static void main(String[] args) {
        Cli.main(new SelectBenchMain(), args);
    }

    @Override
    public Integer call() {
        if (runs < 1 || batches < 1 || batchSize < 2) {
            throw new IllegalArgumentException(
                    "--runs and --batches must be at least 1 and --batch-size at least 2, were "
                            + runs
                            + ", "
                            + batches
                            + ", "
                            + batchSize);
        }
        System.out.printf(
                "bench select: k = %d batches of n = %d, network and batches loaded; libtorch"
                        + " threads %s; median of %d runs after one warm-up%n",
                batches, batchSize, System.getProperty("ai.djl.pytorch.num_threads", "1"), runs);
        System.out.printf(
                "%-18s %13s %13s %7s %16s%n",
                "network", "adabet ms", "k forward ms", "ratio", "1 fwd+bwd ms");
        for (Subject s : SUBJECTS) {
            Architecture arch = Architectures.build(s.architecture(), 16, s.imageSize(), 10);
            try (Network net = Networks.create(arch, 1)) {
                float[][] images = new float[batches][];
                SplittableRandom rng = new SplittableRandom(2);
                for (int b = 0; b < batches; b++) {
                    images[b] = gaussian(batchSize * 3 * s.imageSize() * s.imageSize(), rng);
                }
                int[] labels = new int[batchSize];
                Arrays.setAll(labels, i -> i % 10);
                double[] adabet = new double[runs];
                double[] forward = new double[runs];
                double[] gradients = new double[runs];
                for (int run = -1; run < runs; run++) {
                    double a = time(() -> statistics(net, images));
                    double f = time(() -> forward(net, images));
                    double g = time(() -> net.gradientStatistics(images[0], labels, batchSize));
                    if (run >= 0) {
                        adabet[run] = a;
                        forward[run] = f;
                        gradients[run] = g;
                    }
                }
                double a = median(adabet);
                double f = median(forward);
                System.out.printf(
                        "%-18s %13.1f %13.1f %6.2fx %16.1f%n",
                        s.architecture() + " " + s.imageSize() + "px",
                        a,
                        f,
                        a / f,
                        median(gradients));
            }
        }
        System.out.println(
                "ratio = AdaBet's statistics of k batches / k plain forward passes of the same"
                        + " batches");
        return 0;
    }

    private void statistics(Network net, float[][] images) {
        for (int b = 0; b < images.length; b++) {
            LayerStatisticsCalculator.compute(net, images[b], batchSize, b, OPTIONS);
        }
    }

    private void forward(Network net, float[][] images) {
        for (float[] batch : images) {
            net.logits(batch, batchSize);
        }
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static float[] gaussian(int length, SplittableRandom rng) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
