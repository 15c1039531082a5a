package org.adabet.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * What every {@code adabet} command line shares (picocli): {@code --help} and {@code --version}
 * exit 0; a usage error or bad input prints one line naming the command and exits 2.
 */
public final class Cli {
    /** The exit status of a usage error or unusable input. */
    public static final int USAGE_ERROR = 2;

    private Cli() {}

    /**
     * A command line for {@code command} writing to {@code out} and {@code err}; its name is
     * prefixed with {@code adabet} when it runs on its own.
     */
    public static CommandLine commandLine(Object command, PrintStream out, PrintStream err) {
        return configure(new CommandLine(command), out, err);
    }

    /**
     * Applies the shared conventions to {@code cl} and every subcommand it has now (add subcommands
     * first).
     */
    public static CommandLine configure(CommandLine cl, PrintStream out, PrintStream err) {
        if (!cl.getCommandName().startsWith("adabet")) {
            cl.setCommandName("adabet " + cl.getCommandName());
        }
        cl.setOut(
                new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(
                new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler(
                (e, args) -> {
                    CommandLine c = e.getCommandLine();
                    String name = c.getCommandSpec().qualifiedName();
                    c.getErr()
                            .println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
                    return USAGE_ERROR;
                });
        cl.setExecutionExceptionHandler(
                (e, c, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        c.getErr()
                                .println(
                                        c.getCommandSpec().qualifiedName() + ": " + e.getMessage());
                        return USAGE_ERROR;
                    }
                    throw e;
                });
        return cl;
    }

    /** Parses {@code args}, runs the command and returns its exit status. */
    public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        return commandLine(command, out, err).execute(args);
    }

    /** Runs a command as a process: exits with its status unless that is 0. */
    public static void main(Object command, String[] args) {
        int status = execute(command, args, System.out, System.err);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }
}
