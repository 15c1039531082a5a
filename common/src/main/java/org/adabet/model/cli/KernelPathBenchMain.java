package org.adabet.model.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.model.Architecture;
import org.adabet.model.Architectures;
import org.adabet.model.LayerSpec;
import org.adabet.model.Network;
import org.adabet.model.Networks;
import org.adabet.platform.CpuInfo;
import org.adabet.platform.ReproducibleMode;
import org.adabet.tda.EuclideanDistances;
import org.adabet.tda.PointCloud;
import picocli.CommandLine.Command;

/**
 * {@code adabet bench reproducible}: what the reproducible mode costs on this CPU. The kernel path
 * is fixed when libtorch loads, so each measurement runs in a child JVM, native and reproducible
 * alternately, {@link #ROUNDS} rounds each; printed are the medians of the children's medians and
 * their ratio. Measured per child: a training step and an inference pass of {@code convnet_s} and
 * {@code resnet8} (batch 32, 32x32, width 16, one libtorch thread, as in the quick sweep) and the
 * persistence engine's distance matrix of 32 x 802,816 activations (resnet18's first stage).
 */
@Command(
        name = "reproducible",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "What ADABET_REPRODUCIBLE=1 costs here: native and pinned kernels side by side.")
public final class KernelPathBenchMain implements Callable<Integer> {
    static final int ROUNDS = 3;
    private static final String CHILD = "adabet.bench.child";

    /** In a child JVM: measures and prints name=value lines; else the command line. */
    public static void main(String[] args) {
        if (System.getProperty(CHILD) != null) {
            measure().forEach((k, v) -> System.out.println(k + "=" + v));
            return;
        }
        Cli.main(new KernelPathBenchMain(), args);
    }

    @Override
    public Integer call() throws Exception {
        CpuInfo cpu = CpuInfo.current();
        System.out.println(
                "CPU: "
                        + cpu.model()
                        + ", libtorch level "
                        + cpu.atenLevel()
                        + ", JVM UseAVX "
                        + cpu.jvmAvx()
                        + "; "
                        + ROUNDS
                        + " rounds, child JVMs alternating");
        Map<String, List<Double>> nativeMs = new LinkedHashMap<>();
        Map<String, List<Double>> pinnedMs = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            collect(child(false), nativeMs);
            collect(child(true), pinnedMs);
        }
        System.out.printf("%-28s %12s %14s %7s%n", "measure", "native ms", "reproducible", "ratio");
        for (String key : nativeMs.keySet()) {
            double a = median(nativeMs.get(key));
            double b = median(pinnedMs.get(key));
            System.out.printf("%-28s %12.2f %14.2f %6.2fx%n", key, a, b, b / a);
        }
        return 0;
    }

    private static void collect(Map<String, Double> from, Map<String, List<Double>> into) {
        from.forEach((k, v) -> into.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }

    private static Map<String, Double> child(boolean reproducible)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-D" + ReproducibleMode.PROPERTY)) {
                command.add(arg);
            }
        }
        command.addAll(
                List.of(
                        "-D" + CHILD + "=1",
                        "-D" + ReproducibleMode.PROPERTY + "=" + reproducible,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KernelPathBenchMain.class.getName()));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        ReproducibleMode.LIBTORCH_ENV.keySet().forEach(pb.environment()::remove);
        pb.environment().remove(ReproducibleMode.ENV);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(
                    "benchmark child (reproducible=" + reproducible + ") failed: " + out);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
            }
        }
        return m;
    }

    private static Map<String, Double> measure() {
        Map<String, Double> out = new LinkedHashMap<>();
        SplittableRandom rng = new SplittableRandom(1);
        float[] x = new float[32 * 3 * 32 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        int[] labels = new int[32];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        for (String name : List.of(Architectures.CONVNET_S, Architectures.RESNET8)) {
            Architecture arch = Architectures.build(name, 16, 32, 10);
            try (Network net = Networks.create(arch, 3)) {
                net.setTrainable(arch.candidates().stream().map(LayerSpec::name).toList());
                out.put(
                        name + " train step",
                        median(5, 20, () -> net.trainStep(x, labels, 32, 0.01, 0.9, 5e-4)));
                out.put(name + " forward", median(5, 20, () -> net.activations(x, 32)));
            }
        }
        float[] acts = new float[32 * 802_816];
        for (int i = 0; i < acts.length; i++) {
            acts[i] = Math.max(0f, (float) rng.nextGaussian());
        }
        PointCloud cloud = new PointCloud(32, 802_816, acts);
        out.put("distances 32x802816", median(3, 15, () -> EuclideanDistances.of(cloud)));
        return out;
    }

    private static double median(int warmups, int reps, Runnable work) {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[reps / 2];
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
