package org.adabet.tda.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.tda.Barcode;
import org.adabet.tda.RipsOptions;
import org.adabet.tda.VietorisRips;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adabet ph [--format point-cloud|lower-distance|distance] [--dim k] [--threshold t]
 * [FILE]}: a Ripser-compatible command line over this project's engine. Reads FILE or standard
 * input in Ripser 1.2's formats and prints the barcode in Ripser 1.2.1's layout. Without --format
 * the input is read row by row, as Debian's ripser 1.2.1 really does (see {@link InputFormat}).
 * Exit status 0 on success, 2 on bad input or arguments (message on standard error).
 */
@Command(
        name = "ph",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Vietoris-Rips barcodes of FILE (or standard input), Ripser-compatible.")
public final class PhMain implements Callable<Integer> {

    @Option(
            names = "--format",
            paramLabel = "F",
            description =
                    "point-cloud, lower-distance or distance (default: read row by row, as Debian's ripser)")
    String format;

    @Option(names = "--dim", paramLabel = "k", description = "top homology dimension (default: 1)")
    int dim = 1;

    @Option(
            names = "--threshold",
            paramLabel = "t",
            description = "largest edge length (default: none)")
    String threshold;

    @Parameters(
            arity = "0..1",
            paramLabel = "FILE",
            description = "the input (default: standard input)")
    String file;

    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;

    /** A command reading {@code stdin} when no FILE is given. */
    public PhMain(InputStream stdin, PrintStream stdout, PrintStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Entry point of {@code adabet ph}; exits with status 2 on bad input or arguments. */
    public static void main(String[] args) {
        Cli.main(new PhMain(System.in, System.out, System.err), args);
    }

    /** Runs the command; returns the exit status. Testable without a process. */
    static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        return Cli.execute(new PhMain(stdin, stdout, stderr), args, stdout, stderr);
    }

    @Override
    public Integer call() {
        try {
            InputFormat inputFormat = format == null ? null : InputFormat.parse(format);
            RipsOptions options =
                    new RipsOptions(
                            dim,
                            threshold == null
                                    ? Float.POSITIVE_INFINITY
                                    : parseThreshold(threshold));
            RipserInput input;
            try (BufferedReader in =
                    file == null
                            ? new BufferedReader(
                                    new InputStreamReader(stdin, StandardCharsets.UTF_8))
                            : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                input =
                        RipserInput.read(
                                in,
                                inputFormat == null ? InputFormat.DISTANCE : inputFormat,
                                inputFormat == null);
            }
            if (input.warning() != null) {
                stderr.println("adabet ph: " + input.warning());
            }
            Barcode barcode = VietorisRips.barcode(input.distances(), options);
            stdout.print(RipserOutput.render(input, options, barcode));
            stdout.flush();
            return 0;
        } catch (NoSuchFileException e) {
            stderr.println("adabet ph: no such file: " + e.getFile());
            return Cli.USAGE_ERROR;
        } catch (IOException e) {
            stderr.println(
                    "adabet ph: cannot read "
                            + (file == null ? "standard input" : file)
                            + ": "
                            + e.getMessage());
            return Cli.USAGE_ERROR;
        } catch (IllegalArgumentException e) {
            stderr.println("adabet ph: " + (file == null ? "" : file + ": ") + e.getMessage());
            return Cli.USAGE_ERROR;
        }
    }

    private static float parseThreshold(String s) {
        try {
            float t = Float.parseFloat(s);
            if (!(t >= 0f)) {
                throw new IllegalArgumentException("--threshold must be >= 0, was '" + s + "'");
            }
            return t;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threshold must be a number, was '" + s + "'");
        }
    }
}
