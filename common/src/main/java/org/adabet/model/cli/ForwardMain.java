package org.adabet.model.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.adabet.model.Architecture;
import org.adabet.model.Architectures;
import org.adabet.model.Network;
import org.adabet.model.NetworkParameters;
import org.adabet.model.Networks;
import org.adabet.weights.StateDictReader;
import org.adabet.weights.Npy;

/**
 * {@code adabet forward --model ARCH [--num-classes K] [--width W] [--head-seed S] --weights FILE
 * --input X.npy --out Y.npy}: one inference-mode forward pass over an NCHW float32 batch, writing
 * the logits (N x K float32) as {@code .npy}. FILE is a torchvision {@code state_dict} export
 * ({@code .npz}, {@code .safetensors}) or one of our checkpoints (any other extension). The class
 * count defaults to the file's head; a different {@code --num-classes} replaces the head by a
 * freshly initialised one (seeded by {@code --head-seed}, default 0). Exit status 0 on success,
 * 2 on bad arguments or input (message on standard error).
 */
public final class ForwardMain {
    static final String USAGE = "usage: adabet forward --model ARCH [--num-classes K] [--width W] [--head-seed S]"
            + " --weights FILE --input X.npy --out Y.npy";

    private ForwardMain() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Args a = new Args(args, List.of("--model", "--num-classes", "--width", "--head-seed", "--weights",
                    "--input", "--out"), USAGE);
            String model = a.required("--model", USAGE);
            Path weights = Path.of(a.required("--weights", USAGE));
            Path inputFile = Path.of(a.required("--input", USAGE));
            Path outFile = Path.of(a.required("--out", USAGE));
            Npy.Array input = Npy.read(inputFile);
            long[] s = input.shape();
            if (s.length != 4 || s[1] != 3 || s[2] != s[3]) {
                throw new IllegalArgumentException(inputFile + ": expected an N x 3 x S x S float array, has shape "
                        + java.util.Arrays.toString(s));
            }
            NetworkParameters parameters = readWeights(weights);
            int width = a.integer("--width", ModelsMain.DEFAULT_WIDTH);
            int size = (int) s[2];
            String head = Architectures.build(model, width, size, 1).headName();
            NetworkParameters.Tensor headWeight = parameters.tensors().get(head + ".weight");
            int fileClasses = headWeight == null ? -1 : (int) headWeight.shape()[0];
            int classes = a.integer("--num-classes", fileClasses);
            if (classes < 1) {
                throw new IllegalArgumentException(weights + " has no " + head + ".weight; give --num-classes");
            }
            Architecture arch = Architectures.build(model, width, size, classes);
            boolean newHead = classes != fileClasses;
            if (newHead) {
                err.println("adabet forward: " + weights + (fileClasses < 0 ? " has no " + head + ".weight"
                        : " has " + fileClasses + " classes") + "; the head " + head
                        + " is freshly initialised with " + classes);
            }
            int count = (int) s[0];
            try (Network net = Networks.load(arch, parameters, newHead, a.integer("--head-seed", 0),
                    weights.toString())) {
                Npy.write(outFile, new long[] {count, classes}, net.logits(input.values(), count));
            }
            out.println("adabet forward: wrote " + count + " x " + classes + " logits to " + outFile);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("adabet forward: " + e.getMessage());
            return 2;
        }
    }

    private static NetworkParameters readWeights(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".npz") || name.endsWith(".safetensors") ? StateDictReader.read(file)
                : NetworkParameters.load(file);
    }
}
