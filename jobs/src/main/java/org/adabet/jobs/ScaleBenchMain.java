package org.adabet.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.adabet.cli.VersionProvider;
import org.adabet.config.TrainConfig;
import org.adabet.data.ImageSet;
import org.adabet.model.Architecture;
import org.adabet.model.Architectures;
import org.adabet.model.LayerSpec;
import org.adabet.model.Network;
import org.adabet.model.Networks;
import org.adabet.retrain.Trainer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code adabet bench scale}: how the retraining stage's work scales from one to two local cores. A
 * fixed set of retraining tasks shaped like the quick sweep's ({@code convnet_s} and {@code
 * resnet8} at width 16, 32x32 images, 240 fitting images, 500 test images, 8 epochs, batch 32, full
 * fine-tuning, one libtorch thread per task) runs as one Spark job per task set, one task per
 * partition (the costliest first, as a sweep orders them), in {@code local[1]} and in {@code
 * local[2]}, alternating over {@code --rounds}. Printed: the median wall time of each and the
 * speed-up. Tasks sharing an executor train at the same time (no JVM-wide autograd lock), so on two
 * free cores the speed-up approaches 2.
 */
@Command(
        name = "scale",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Retraining tasks on local[1] against local[2]: the speed-up of two cores.")
public final class ScaleBenchMain implements Callable<Integer> {
    private static final TrainConfig TRAINING =
            new TrainConfig("bench.scale", 8, 32, 0.01, 0.9, 5e-4);
    private static final List<String> ARCHITECTURES =
            List.of(Architectures.CONVNET_S, Architectures.RESNET8);
    private static final java.util.Map<String, Double> FLOPS =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Option(
            names = "--tasks",
            defaultValue = "4",
            description =
                    "retraining tasks per job, architectures alternating (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(
            names = "--rounds",
            defaultValue = "2",
            description = "local[1] / local[2] pairs timed (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(
            names = "--oracle-rounds",
            defaultValue = "2",
            description =
                    "cache-off / cache-on pairs of the oracle arm timed, 0 to skip it (default:"
                            + " ${DEFAULT-VALUE})")
    int oracleRounds;

    @Override
    public Integer call() {
        if (tasks < 2 || rounds < 1) {
            throw new IllegalArgumentException(
                    "--tasks must be at least 2 and --rounds at least 1, were "
                            + tasks
                            + " and "
                            + rounds);
        }
        System.out.printf(
                "bench scale: %d retraining tasks (%s alternating, full fine-tuning, %d epochs x"
                        + " 240 images + 500 test), one Spark partition each; %d round(s), local[1]"
                        + " and local[2] alternating; %d cores visible to the JVM%n",
                tasks,
                String.join(", ", ARCHITECTURES),
                TRAINING.epochs(),
                rounds,
                Runtime.getRuntime().availableProcessors());
        // Warm-up: the engine loads and the JIT compiles once, outside every timed job.
        task(0);
        System.out.printf(
                "control: two threads of plain Java arithmetic keep %.2f cores busy (what this"
                        + " machine gives the JVM now; 2.00 on two free cores)%n",
                spinningCores(2, 2000));
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double[] a = job(1);
            double[] b = job(2);
            one.add(a[0]);
            two.add(b[0]);
            System.out.printf(
                    "round %d: local[1] %.0f ms (%.2f cores busy), local[2] %.0f ms (%.2f cores"
                            + " busy)%n",
                    round + 1, a[0], a[1], b[0], b[1]);
        }
        double a = BenchInputs.median(one);
        double b = BenchInputs.median(two);
        System.out.printf(
                "median wall time: local[1] %.0f ms, local[2] %.0f ms; speed-up %.2fx (ideal"
                        + " 2.00x)%n",
                a, b, a / b);
        return oracleRounds > 0 ? oracle() : 0;
    }

    /**
     * The oracle arm: the oracle stage of one pair per architecture on {@code local[2]}, the
     * frozen-prefix cache off and on, alternating; exit 1 when the two give different accuracies.
     */
    private int oracle() {
        List<Integer> runs = OracleBench.runs();
        System.out.printf(
                "%noracle arm: %d one-layer runs (every candidate layer of %s alone, 240 fitting +"
                        + " 60 validation + 500 test images, %d epochs, one seed), one Spark"
                        + " partition each, costliest first, on local[2]; the frozen-prefix cache"
                        + " off and on (a fresh cache per job), alternating %d time(s)%n",
                runs.size(),
                String.join(" and ", OracleBench.ARCHITECTURES),
                OracleBench.TRAINING.epochs(),
                oracleRounds);
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        boolean identical = true;
        for (int round = 0; round < oracleRounds; round++) {
            OracleBench.Job a = OracleBench.job(2, false, "off-" + round);
            OracleBench.Job b = OracleBench.job(2, true, "on-" + round);
            off.add(a.millis());
            on.add(b.millis());
            boolean same = a.results().equals(b.results());
            identical &= same;
            System.out.printf(
                    "round %d: cache off %.0f ms (%.2f cores busy), cache on %.0f ms (%.2f cores"
                            + " busy), %d of %d runs from the cache; final losses and per-epoch accuracies %s%n",
                    round + 1,
                    a.millis(),
                    a.busyCores(),
                    b.millis(),
                    b.busyCores(),
                    b.cachedRuns(),
                    runs.size(),
                    same ? "identical" : "DIFFER");
        }
        double a = BenchInputs.median(off);
        double b = BenchInputs.median(on);
        OracleBench.Model model = OracleBench.model();
        System.out.printf(
                "median wall time: cache off %.0f ms, cache on %.0f ms; cache on %.2fx faster (goal"
                        + " 3.00x)%nrun --plan's cost model for the same runs (one core, calibrated"
                        + " now): off %.0f ms (steps %.0f + evaluations %.0f), on %.0f ms (steps"
                        + " %.0f + evaluations %.0f + prefix outputs %.0f), %.2fx%n",
                a,
                b,
                a / b,
                model.off(),
                model.offSteps(),
                model.offEvaluations(),
                model.on(),
                model.onSteps(),
                model.onEvaluations(),
                model.onPrefix(),
                model.off() / model.on());
        if (!identical) {
            System.out.println(
                    "the cached runs' losses or accuracies differ from the uncached ones: exit 1");
            return 1;
        }
        return 0;
    }

    /**
     * Wall time of one Spark job running every task on {@code cores} local cores, and the cores
     * this JVM kept busy meanwhile (its CPU time over the wall time): below the cores asked for,
     * the machine did not give them (other processes) or the tasks waited on each other.
     */
    private double[] job(int cores) {
        SparkSession spark = LocalSpark.session("adabet-bench-scale", "local[" + cores + "]");
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            // Longest first, as a sweep's retraining stage orders its tasks (StageRunner).
            List<Integer> ids =
                    IntStream.range(0, tasks)
                            .boxed()
                            .sorted(
                                    java.util.Comparator.comparingDouble(ScaleBenchMain::flops)
                                            .reversed())
                            .toList();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            List<Double> done = jsc.parallelize(ids, tasks).map(ScaleBenchMain::task).collect();
            double ms = (System.nanoTime() - start) / 1e6;
            double busy = (processCpuNanos() - cpu) / 1e6 / ms;
            if (done.size() != tasks) {
                throw new IllegalStateException(done.size() + " of " + tasks + " tasks returned");
            }
            return new double[] {ms, busy};
        } finally {
            spark.stop();
        }
    }

    /** Forward FLOPs of one image through task {@code id}'s network: its relative cost. */
    static double flops(int id) {
        return FLOPS.computeIfAbsent(
                ARCHITECTURES.get(id % ARCHITECTURES.size()),
                name -> {
                    try (Network net = Networks.create(Architectures.build(name, 16, 32, 10), 0)) {
                        return net.layers().stream().mapToDouble(l -> l.forwardFlops()).sum();
                    }
                });
    }

    /** One retraining task; returns its final-epoch test accuracy (so the work is used). */
    static double task(int id) {
        String name = ARCHITECTURES.get(id % ARCHITECTURES.size());
        Architecture arch = Architectures.build(name, 16, 32, 10);
        SplittableRandom rng = new SplittableRandom(id + 1L);
        ImageSet train = BenchInputs.gaussianImages("scale-train", 240, rng);
        ImageSet test = BenchInputs.gaussianImages("scale-test", 500, rng);
        try (Network net = Networks.create(arch, id)) {
            net.setTrainable(arch.candidates().stream().map(LayerSpec::name).toList());
            return Trainer.train(net, train, test, TRAINING, id).finalAccuracy();
        }
    }

    /** Cores kept busy by {@code threads} threads of pure arithmetic for {@code ms}. */
    static double spinningCores(int threads, long ms) {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        List<Thread> running = new ArrayList<>();
        long[] sink = new long[threads];
        for (int t = 0; t < threads; t++) {
            int slot = t;
            Thread thread =
                    new Thread(
                            () -> {
                                long end = System.nanoTime() + ms * 1_000_000L;
                                long x = slot;
                                while (System.nanoTime() < end) {
                                    for (int i = 0; i < 10_000; i++) {
                                        x = x * 31 + i;
                                    }
                                }
                                sink[slot] = x;
                            });
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        double wall = (System.nanoTime() - start) / 1e6;
        return (processCpuNanos() - cpu) / 1e6 / wall;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
