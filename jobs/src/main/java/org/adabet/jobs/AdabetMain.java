package org.adabet.jobs;

import java.util.concurrent.Callable;
import org.adabet.activation.cli.SelectBenchMain;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.model.cli.ForwardMain;
import org.adabet.model.cli.KernelPathBenchMain;
import org.adabet.model.cli.ModelsMain;
import org.adabet.tda.cli.PhBenchMain;
import org.adabet.tda.cli.PhMain;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code adabet}: every Java command under one picocli command line (the jar's Main-Class). {@code
 * bin/adabet} adds the shell-level ones (submit, cluster, test) and the JVM options.
 */
@Command(
        name = "adabet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Gradient-free layer selection (AdaBet) experiments on Spark.",
        subcommands = {
            RunMain.class,
            StageMain.class,
            SqlMain.class,
            ReportMain.class,
            CompareMain.class,
            NightlyMain.class,
            AdabetMain.Bench.class,
            AdabetMain.Completion.class
        })
public final class AdabetMain implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** The top-level command line, with every subcommand. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AdabetMain());
        cl.addSubcommand(new PhMain(System.in, System.out, System.err));
        cl.addSubcommand(new ModelsMain(System.out));
        cl.addSubcommand(new ForwardMain(System.out, System.err));
        return Cli.configure(cl, System.out, System.err);
    }

    public static void main(String[] args) {
        int status = commandLine().execute(args);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code adabet bench ph}: benchmarks. */
    @Command(
            name = "bench",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Benchmarks.",
            subcommands = {
                PhBenchMain.class,
                KernelPathBenchMain.class,
                PrefixCacheBenchMain.class,
                TrainBenchMain.class,
                ScaleBenchMain.class,
                SelectBenchMain.class
            })
    static final class Bench implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "name a benchmark (known: ph, reproducible, prefix-cache, train, scale, select)");
        }
    }

    /** {@code adabet completion}: a bash/zsh completion script generated from the command model. */
    @Command(
            name = "completion",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Prints a bash/zsh completion script: source <(bin/adabet completion)")
    static final class Completion implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            CommandLine root = spec.commandLine().getParent();
            spec.commandLine().getOut().print(AutoComplete.bash("adabet", root));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
