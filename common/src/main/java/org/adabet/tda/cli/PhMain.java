package org.adabet.tda.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.adabet.tda.Barcode;
import org.adabet.tda.RipsOptions;
import org.adabet.tda.VietorisRips;

/**
 * {@code adabet ph [--format point-cloud|lower-distance|distance] [--dim k] [--threshold t] [FILE]}:
 * a Ripser-compatible command line over this project's engine. Reads FILE or standard input in
 * Ripser 1.2's formats and prints the barcode in Ripser 1.2.1's layout. Without --format the
 * input is read row by row, as Debian's ripser 1.2.1 really does (see {@link InputFormat}). Exit status 0 on success,
 * 2 on bad input or arguments (message on standard error).
 */
public final class PhMain {

  static final String USAGE =
      "usage: adabet ph [--format point-cloud|lower-distance|distance] [--dim k] [--threshold t] [FILE]";

  private PhMain() {}

  /** Entry point of {@code adabet ph}; exits with status 2 on bad input or arguments. */
  public static void main(String[] args) {
    int status = run(args, System.in, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command; returns the exit status. Testable without a process. */
  static int run(String[] args, java.io.InputStream stdin, PrintStream stdout, PrintStream stderr) {
    InputFormat format = null;
    int dim = 1;
    float threshold = Float.POSITIVE_INFINITY;
    String file = null;
    try {
      for (int a = 0; a < args.length; a++) {
        switch (args[a]) {
          case "--format" -> format = InputFormat.parse(value(args, ++a, "--format"));
          case "--dim" -> dim = parseInt(value(args, ++a, "--dim"), "--dim");
          case "--threshold" -> threshold = parseThreshold(value(args, ++a, "--threshold"));
          case "--help", "-h" -> {
            stdout.println(USAGE);
            return 0;
          }
          default -> {
            if (args[a].startsWith("--") || file != null) {
              throw new IllegalArgumentException("unexpected argument '" + args[a] + "'\n" + USAGE);
            }
            file = args[a];
          }
        }
      }
      RipsOptions options = new RipsOptions(dim, threshold);
      RipserInput input;
      try (BufferedReader in = file == null
          ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))
          : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
        input = RipserInput.read(in, format == null ? InputFormat.DISTANCE : format, format == null);
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
      return 2;
    } catch (IOException e) {
      stderr.println("adabet ph: cannot read " + (file == null ? "standard input" : file) + ": " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      stderr.println("adabet ph: " + (file == null ? "" : file + ": ") + e.getMessage());
      return 2;
    }
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  private static int parseInt(String s, String flag) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be an integer, was '" + s + "'");
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
