package org.adabet.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.config.TrainConfig;
import org.adabet.data.ImageSet;
import org.adabet.model.Architecture;
import org.adabet.model.Architectures;
import org.adabet.model.Network;
import org.adabet.model.Networks;
import org.adabet.retrain.PrefixCache;
import org.adabet.retrain.PrefixCaching;
import org.adabet.retrain.Trainer;
import org.adabet.retrain.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code adabet bench prefix-cache}: what frozen-prefix caching saves, in one JVM. For {@code
 * resnet8} and {@code convnet_s} (width 16, 32x32 images, the quick sweep's split sizes: 240
 * training, 60 validation and 500 test images, batch 32) and a head-only and a middle-layer
 * selection, each round times one retraining run three ways, in turn: uncached; cached with an
 * empty cache (the first run of a pair: the prefix outputs computed in the run); and cached with
 * the entries already there (every later run of the pair). Printed: the median wall time of each
 * over the rounds and the uncached / cached ratios. The images are seeded noise and the weights a
 * seeded initialisation: the time does not depend on either.
 */
@Command(
        name = "prefix-cache",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Retraining with and without the frozen-prefix cache, side by side.")
public final class PrefixCacheBenchMain implements Callable<Integer> {

    @Option(names = "--epochs", description = "epochs per run (default: ${DEFAULT-VALUE})")
    int epochs = 3;

    @Option(
            names = "--rounds",
            description = "rounds of the three runs (default: ${DEFAULT-VALUE})")
    int rounds = 3;

    public static void main(String[] args) {
        Cli.main(new PrefixCacheBenchMain(), args);
    }

    @Override
    public Integer call() {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be >= 1, was " + rounds);
        }
        TrainConfig config = new TrainConfig("--epochs", epochs, 32, 0.01, 0.9, 5e-4);
        ImageSet train = BenchInputs.gaussianImages("train", 240, new SplittableRandom(1));
        ImageSet validation = BenchInputs.gaussianImages("validation", 60, new SplittableRandom(2));
        ImageSet test = BenchInputs.gaussianImages("test", 500, new SplittableRandom(3));
        System.out.printf(
                "%-10s %-24s %10s %12s %12s %8s %8s%n",
                "arch", "selection", "off ms", "cold ms", "warm ms", "off/cold", "off/warm");
        String[][] cases = {
            {Architectures.RESNET8, "head", "fc"},
            {Architectures.RESNET8, "middle", "layer2.0.conv2"},
            {Architectures.CONVNET_S, "head", "classifier"},
            {Architectures.CONVNET_S, "middle", "features.2.conv"}
        };
        for (String[] c : cases) {
            Architecture arch =
                    Architectures.build(c[0], 16, BenchInputs.SIZE, BenchInputs.CLASSES);
            List<Double> off = new ArrayList<>();
            List<Double> cold = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            run(arch, c[2], train, validation, test, config, PrefixCaching.OFF); // warm-up
            for (int r = 0; r < rounds; r++) {
                off.add(run(arch, c[2], train, validation, test, config, PrefixCaching.OFF));
                PrefixCaching caching = new PrefixCaching(new PrefixCache(1L << 30), "bench");
                cold.add(run(arch, c[2], train, validation, test, config, caching));
                warm.add(run(arch, c[2], train, validation, test, config, caching));
            }
            double a = BenchInputs.median(off);
            double b = BenchInputs.median(cold);
            double w = BenchInputs.median(warm);
            System.out.printf(
                    "%-10s %-24s %10.0f %12.0f %12.0f %7.2fx %7.2fx%n",
                    c[0], c[1] + " " + c[2], a, b, w, a / b, a / w);
        }
        return 0;
    }

    private static double run(
            Architecture arch,
            String layer,
            ImageSet train,
            ImageSet validation,
            ImageSet test,
            TrainConfig config,
            PrefixCaching caching) {
        try (Network net = Networks.create(arch, 7)) {
            net.setTrainable(List.of(layer));
            long start = System.nanoTime();
            TrainingResult result =
                    Trainer.train(net, train, validation, test, config, 11, caching);
            if (result.prefixCached() != caching.enabled()) {
                throw new IllegalStateException(
                        arch.name() + " " + layer + ": expected prefixCached=" + caching.enabled());
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }
}
