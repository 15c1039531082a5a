package org.adabet.model.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.model.Architecture;
import org.adabet.model.Architectures;
import org.adabet.model.LayerDescription;
import org.adabet.model.LayerInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code adabet models [--describe ARCH [--image-size S] [--num-classes K] [--width W]]}: lists the
 * architectures with their parameter counts (torchvision's full-size models at 224x224 and 1000
 * classes, the small ones at 32x32, 10 classes, width 16), or prints one architecture's per-layer
 * metadata table. Exit status 0 on success, 2 on bad arguments.
 */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Lists the architectures with their parameter counts, or describes one layer by layer.")
public final class ModelsMain implements Callable<Integer> {
    /** The torchvision models, described at their ImageNet configuration by default. */
    static final Set<String> FULL_SIZE =
            Set.of(
                    Architectures.RESNET18,
                    Architectures.RESNET50,
                    Architectures.VGG16,
                    Architectures.VGG16_BN,
                    Architectures.MOBILENET_V2,
                    Architectures.VIT_B_16);

    static final int DEFAULT_WIDTH = 16;

    @Option(
            names = "--describe",
            paramLabel = "ARCH",
            description = "print this architecture's layer table")
    String describe;

    @Option(
            names = "--image-size",
            paramLabel = "S",
            description =
                    "input size (default: 224 for torchvision's models, 32 for the small ones)")
    Integer imageSize;

    @Option(
            names = "--num-classes",
            paramLabel = "K",
            description = "classes (default: 1000 or 10, as above)")
    Integer numClasses;

    @Option(
            names = "--width",
            paramLabel = "W",
            description = "base width of the small models (default: 16)")
    int width = DEFAULT_WIDTH;

    private final PrintStream out;

    /** A command printing to {@code out}. */
    public ModelsMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        Cli.main(new ModelsMain(System.out), args);
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(new ModelsMain(out), args, out, err);
    }

    @Override
    public Integer call() {
        if (describe == null) {
            list(out);
        } else {
            boolean full = FULL_SIZE.contains(describe);
            Architecture arch =
                    Architectures.build(
                            describe,
                            width,
                            imageSize != null ? imageSize : full ? 224 : 32,
                            numClasses != null ? numClasses : full ? 1000 : 10);
            describe(arch, out);
        }
        out.flush();
        return 0;
    }

    /** Default configuration of a registered architecture. */
    static Architecture defaults(String name) {
        boolean full = FULL_SIZE.contains(name);
        return Architectures.build(name, DEFAULT_WIDTH, full ? 224 : 32, full ? 1000 : 10);
    }

    private static void list(PrintStream out) {
        out.printf(
                "%-18s %7s %8s %7s %14s%n",
                "architecture", "input", "classes", "layers", "parameters");
        for (String name : Architectures.names()) {
            Architecture arch = defaults(name);
            out.printf(
                    "%-18s %7s %8d %7d %,14d%n",
                    name,
                    arch.imageSize() + "x" + arch.imageSize(),
                    arch.numClasses(),
                    arch.candidates().size(),
                    arch.parameterCount());
        }
    }

    private static void describe(Architecture arch, PrintStream out) {
        List<LayerDescription> rows = LayerDescription.of(arch);
        out.printf(
                "# %s: %dx%d input, %d classes, %d candidate layers, %,d parameters; FLOPs per image%n",
                arch.name(),
                arch.imageSize(),
                arch.imageSize(),
                arch.numClasses(),
                rows.size(),
                arch.parameterCount());
        int width =
                Math.max(5, rows.stream().mapToInt(r -> r.layer().name().length()).max().orElse(5));
        String format = "%4s %-" + width + "s %-10s %12s %-16s %16s %5s %4s%n";
        out.printf(
                format,
                "idx",
                "layer",
                "type",
                "parameters",
                "output",
                "forward_flops",
                "relu",
                "head");
        long flops = 0;
        for (LayerDescription r : rows) {
            LayerInfo l = r.layer();
            flops += l.forwardFlops();
            out.printf(
                    format,
                    l.index(),
                    l.name(),
                    l.type(),
                    String.format("%,d", l.parameters()),
                    Arrays.toString(r.outputShape()).replace(" ", ""),
                    String.format("%,d", l.forwardFlops()),
                    l.reluAfter() ? "yes" : "-",
                    l.head() ? "yes" : "-");
        }
        out.printf("# total forward FLOPs of the candidate layers: %,d%n", flops);
    }
}
