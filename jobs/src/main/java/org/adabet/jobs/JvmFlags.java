package org.adabet.jobs;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Prints the JVM options every adabet JVM needs, on one line: Spark's own Java module options
 * ({@link JavaModuleOptions}, the list spark-submit uses, Vector API module included), so they
 * never drift from the Spark version on the classpath. The launcher caches the line per build and
 * Maven hands it to the test JVMs.
 */
public final class JvmFlags {
    private JvmFlags() {}

    public static void main(String[] args) {
        System.out.println(line());
    }

    /** The options, space-separated. */
    public static String line() {
        return JavaModuleOptions.defaultModuleOptions().strip();
    }
}
