package org.adabet.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.adabet.model.LayerSpec;
import org.adabet.model.Network;
import org.adabet.model.Networks;
import org.adabet.retrain.PrefixCache;
import org.adabet.retrain.PrefixCaching;
import org.adabet.retrain.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code adabet bench train}: the project's training loop ({@link Trainer} on DJL) against plain
 * PyTorch (Debian's {@code python3-torch}, the script {@code train_peer.py} shipped beside this
 * class) on the same work: {@code convnet_s} and {@code resnet8} at width 16, 32x32x3 images, 300
 * training and 500 test images, batch 32, 8 epochs of momentum SGD with a test pass after every
 * epoch, one libtorch thread on each side. Three cases per architecture: full fine-tuning, the head
 * only, one middle convolution. The two sides take turns case by case (one warm-up, then the median
 * of {@code --runs}); building the network and the data is not timed. Prints, never asserts; exit
 * status 2 when {@code python3-torch} is missing.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Times the project's training loop against PyTorch (apt-get install python3-torch).")
public final class TrainBenchMain implements Callable<Integer> {
    static final int WIDTH = 16;
    static final int TRAIN = 300;
    static final int TEST = 500;
    static final TrainConfig TRAINING = new TrainConfig("bench.train", 8, 32, 0.01, 0.9, 5e-4);

    @Option(
            names = "--runs",
            defaultValue = "3",
            description =
                    "timed runs per case and side, after one warm-up (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(
            names = "--python",
            defaultValue = "/usr/bin/python3",
            description = "the Python with torch (default: ${DEFAULT-VALUE})")
    String python;

    /** One benchmark case: an architecture and which layers train. */
    record Case(String architecture, String name) {
        /** The project's names of the layers this case trains. */
        List<String> layers(Architecture arch) {
            return switch (name) {
                case "full" -> arch.candidates().stream().map(LayerSpec::name).toList();
                case "head" -> List.of(arch.headName());
                case "middle" ->
                        List.of(
                                architecture.equals(Architectures.CONVNET_S)
                                        ? "features.2.conv"
                                        : "layer2.0.conv1");
                default -> throw new IllegalArgumentException("unknown case " + name);
            };
        }
    }

    public static void main(String[] args) {
        Cli.main(new TrainBenchMain(), args);
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, was " + runs);
        }
        if (!torchAvailable()) {
            System.err.println(
                    "adabet bench train: "
                            + python
                            + " cannot import torch; install it with: apt-get install -y"
                            + " python3-torch");
            return Cli.USAGE_ERROR;
        }
        Path script = extractPeer();
        try {
            System.out.printf(
                    "bench train: %d epochs x %d images (batch %d) + a %d-image test pass per epoch,"
                            + " %dx%dx3, width %d, libtorch threads %s (project) / 1 (PyTorch);"
                            + " median of %d runs after one warm-up, sides alternating per case%n",
                    TRAINING.epochs(),
                    TRAIN,
                    TRAINING.batchSize(),
                    TEST,
                    BenchInputs.SIZE,
                    BenchInputs.SIZE,
                    WIDTH,
                    System.getProperty("ai.djl.pytorch.num_threads", "1"),
                    runs);
            System.out.printf("%-20s %12s %12s %8s%n", "case", "adabet ms", "pytorch ms", "ratio");
            for (String arch : List.of(Architectures.CONVNET_S, Architectures.RESNET8)) {
                for (String name : List.of("full", "head", "middle")) {
                    Case c = new Case(arch, name);
                    double ours = BenchInputs.median(project(c));
                    double peer = BenchInputs.median(peer(script, c));
                    System.out.printf(
                            "%-20s %12.1f %12.1f %7.2fx%n",
                            arch + " " + name, ours, peer, ours / peer);
                }
            }
            System.out.println(
                    "ratio = project / PyTorch (above 1: the project is slower); the project trains"
                            + " as a sweep does, frozen-prefix cache on, each run cold (its own prefix"
                            + " outputs computed in the run)");
            return 0;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * Warm-up and timed runs of the project's loop as a sweep runs it (frozen-prefix cache on); a
     * fresh network and a fresh, empty cache for every run, so each timed run is a pair's first run
     * and pays for its own prefix outputs.
     */
    private double[] project(Case c) {
        Architecture arch =
                Architectures.build(c.architecture(), WIDTH, BenchInputs.SIZE, BenchInputs.CLASSES);
        SplittableRandom rng = new SplittableRandom(1);
        ImageSet train = BenchInputs.gaussianImages("bench-train", TRAIN, rng);
        ImageSet test = BenchInputs.gaussianImages("bench-test", TEST, rng);
        double[] ms = new double[runs];
        for (int run = -1; run < runs; run++) {
            try (Network net = Networks.create(arch, 3)) {
                net.setTrainable(c.layers(arch));
                long start = System.nanoTime();
                Trainer.train(
                        net,
                        train,
                        null,
                        test,
                        TRAINING,
                        7,
                        new PrefixCaching(new PrefixCache(1L << 30), "bench"));
                if (run >= 0) {
                    ms[run] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return ms;
    }

    /** The PyTorch side: one process per case, its first run the warm-up. */
    private double[] peer(Path script, Case c) throws IOException, InterruptedException {
        List<String> command =
                List.of(
                        python,
                        script.toString(),
                        "--arch",
                        c.architecture(),
                        "--case",
                        c.name(),
                        "--runs",
                        Integer.toString(runs + 1),
                        "--epochs",
                        Integer.toString(TRAINING.epochs()),
                        "--train",
                        Integer.toString(TRAIN),
                        "--test",
                        Integer.toString(TEST),
                        "--batch",
                        Integer.toString(TRAINING.batchSize()),
                        "--size",
                        Integer.toString(BenchInputs.SIZE));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("PyTorch peer failed for " + c + ": " + out);
        }
        List<Double> ms = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("ms=")) {
                ms.add(Double.parseDouble(line.substring(3).trim()));
            }
        }
        if (ms.size() != runs + 1) {
            throw new IllegalStateException(
                    "PyTorch peer printed " + ms.size() + " timings, expected " + (runs + 1));
        }
        return ms.subList(1, ms.size()).stream().mapToDouble(Double::doubleValue).toArray();
    }

    private boolean torchAvailable() {
        try {
            Process p =
                    new ProcessBuilder(python, "-c", "import torch")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path extractPeer() throws IOException {
        Path script = Files.createTempFile("adabet-train-peer", ".py");
        try (InputStream in =
                TrainBenchMain.class.getResourceAsStream("/org/adabet/jobs/bench/train_peer.py")) {
            if (in == null) {
                throw new IllegalStateException("train_peer.py is missing from the classpath");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }
}
