package org.adabet.model.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.model.Architecture;
import org.adabet.model.Architectures;
import org.adabet.model.Network;
import org.adabet.model.NetworkParameters;
import org.adabet.model.Networks;
import org.adabet.weights.Npy;
import org.adabet.weights.StateDictReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code adabet forward --model ARCH [--num-classes K] [--width W] [--head-seed S] --weights FILE
 * --input X.npy --out Y.npy}: one inference-mode forward pass over an NCHW float32 batch, writing
 * the logits (N x K float32) as {@code .npy}. FILE is a torchvision {@code state_dict} export
 * ({@code .npz}, {@code .safetensors}) or one of our checkpoints (any other extension). The class
 * count defaults to the file's head; a different {@code --num-classes} replaces the head by a
 * freshly initialised one (seeded by {@code --head-seed}, default 0). Exit status 0 on success, 2
 * on bad arguments or input (message on standard error).
 */
@Command(
        name = "forward",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "One inference-mode forward pass over an N x 3 x S x S float .npy batch; writes the logits.")
public final class ForwardMain implements Callable<Integer> {
    @Option(
            names = "--model",
            required = true,
            paramLabel = "ARCH",
            description = "the architecture")
    String model;

    @Option(
            names = "--num-classes",
            paramLabel = "K",
            description = "classes (default: the file's head; another count gets a fresh head)")
    Integer numClasses;

    @Option(
            names = "--width",
            paramLabel = "W",
            description = "base width of the small models (default: 16)")
    int width = ModelsMain.DEFAULT_WIDTH;

    @Option(
            names = "--head-seed",
            paramLabel = "S",
            description = "seed of a fresh head (default: 0)")
    int headSeed;

    @Option(
            names = "--weights",
            required = true,
            paramLabel = "FILE",
            description = "a state_dict export (.npz, .safetensors) or one of our checkpoints")
    Path weights;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "X.npy",
            description = "the NCHW float batch")
    Path inputFile;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "Y.npy",
            description = "where the logits go")
    Path outFile;

    private final PrintStream out;
    private final PrintStream err;

    /** A command printing to {@code out} and {@code err}. */
    public ForwardMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Cli.main(new ForwardMain(System.out, System.err), args);
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(new ForwardMain(out, err), args, out, err);
    }

    @Override
    public Integer call() {
        Npy.Array input = Npy.read(inputFile);
        long[] s = input.shape();
        if (s.length != 4 || s[1] != 3 || s[2] != s[3]) {
            throw new IllegalArgumentException(
                    inputFile
                            + ": expected an N x 3 x S x S float array, has shape "
                            + java.util.Arrays.toString(s));
        }
        NetworkParameters parameters = readWeights(weights);
        int size = (int) s[2];
        String head = Architectures.build(model, width, size, 1).headName();
        NetworkParameters.Tensor headWeight = parameters.tensors().get(head + ".weight");
        int fileClasses = headWeight == null ? -1 : (int) headWeight.shape()[0];
        int classes = numClasses != null ? numClasses : fileClasses;
        if (classes < 1) {
            throw new IllegalArgumentException(
                    weights + " has no " + head + ".weight; give --num-classes");
        }
        Architecture arch = Architectures.build(model, width, size, classes);
        boolean newHead = classes != fileClasses;
        if (newHead) {
            err.println(
                    "adabet forward: "
                            + weights
                            + (fileClasses < 0
                                    ? " has no " + head + ".weight"
                                    : " has " + fileClasses + " classes")
                            + "; the head "
                            + head
                            + " is freshly initialised with "
                            + classes);
        }
        int count = (int) s[0];
        try (Network net = Networks.load(arch, parameters, newHead, headSeed, weights.toString())) {
            Npy.write(outFile, new long[] {count, classes}, net.logits(input.values(), count));
        }
        out.println("adabet forward: wrote " + count + " x " + classes + " logits to " + outFile);
        return 0;
    }

    private static NetworkParameters readWeights(Path file) {
        String name =
                file.getFileName() == null
                        ? ""
                        : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".npz") || name.endsWith(".safetensors")
                ? StateDictReader.read(file)
                : NetworkParameters.load(file);
    }
}
