package org.adabet.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adabet.config.ConfigException;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.io.OutputCheck;
import org.adabet.report.AgreementTable;
import org.adabet.report.ComparisonTable;
import org.adabet.sweep.SweepPlan;
import org.apache.spark.sql.SparkSession;

/**
 * {@code adabet run}: runs one sweep and prints the comparison table.
 *
 * <pre>
 * run [--conf FILE|NAME] [--set key=value]... [--force]
 * </pre>
 */
public final class RunMain {
    private static final String USAGE = "usage: adabet run [--conf FILE|NAME] [--set key=value]... [--force]\n"
            + "  --conf  a HOCON file or a bundled configuration name (default: quick)\n"
            + "  --set   overrides one key, e.g. --set retrain.epochs=3 (the 'adabet.' prefix is optional)\n"
            + "  --force recomputes every task, even those an earlier attempt of the same run finished";

    private RunMain() {}

    public static void main(String[] args) {
        String source = "quick";
        List<String> overrides = new ArrayList<>();
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--conf" -> source = value(args, ++i, "--conf");
                case "--set" -> overrides.add(value(args, ++i, "--set"));
                case "--force" -> force = true;
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> fail("unknown argument '" + args[i] + "'\n" + USAGE);
            }
        }
        SweepConfig config;
        try {
            config = ConfigLoader.load(source, overrides);
            SweepPlan.of(config);
        } catch (ConfigException e) {
            fail("configuration error: " + e.getMessage());
            return;
        }
        // Output location: checked before Spark starts, so an unusable output.dir costs no pretraining.
        try {
            OutputCheck.requireWritable(config.outputDir());
        } catch (OutputCheck.UnusableOutputException e) {
            fail(e.getMessage());
            return;
        }
        SparkSession spark = LocalSpark.session("adabet-" + config.name(), config.spark().master());
        int status;
        try {
            SweepResult result = new SweepJob(spark, config, System.getProperty("adabet.git.commit"), force).run();
            print(result);
            status = result.exitStatus();
        } finally {
            spark.stop();
        }
        // Exit status: 0 all done, 2 bad arguments or output (above), 3 some task or selection failed.
        if (status != 0) {
            System.exit(status);
        }
    }

    private static void print(SweepResult result) {
        ComparisonTable table = result.comparison();
        System.out.println();
        System.out.println("AdaBet sweep " + result.runId() + " -> " + result.outputDir());
        System.out.println();
        System.out.print(table.toMarkdown());
        System.out.println();
        for (Map.Entry<String, double[]> e : table.spreadByPair().entrySet()) {
            double[] s = e.getValue();
            System.out.printf(java.util.Locale.ROOT, "%s: best method %.2f%%, worst %.2f%%, spread %.2f points%n",
                    e.getKey(), s[0], s[1], s[0] - s[1]);
        }
        if (!result.agreement().isEmpty()) {
            System.out.println();
            System.out.println("Agreement of each method's layer scores with the oracle (each layer retrained alone):");
            System.out.println();
            System.out.print(AgreementTable.toMarkdown(result.agreement()));
        }
        if (result.failureSummary() != null) {
            System.out.println(result.failureSummary());
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            fail(flag + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("adabet run: " + message);
        System.exit(2);
    }
}
