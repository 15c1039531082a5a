package org.adabet.jobs;

import picocli.CommandLine.Option;

/**
 * The options that name one existing run, shared by the commands that read runs ({@code sql},
 * {@code stage}, {@code report}): {@code --results DIR} and {@code --run ID|latest}.
 */
public final class RunChoice {
    @Option(
            names = "--results",
            paramLabel = "DIR",
            description =
                    "where the runs are: output.dir, a path (from the caller's directory) or a Hadoop URI "
                            + "(default: the project's results folder)")
    String results;

    @Option(
            names = "--run",
            paramLabel = "ID",
            defaultValue = "latest",
            description = "run id, a unique prefix of one, or 'latest' (default)")
    String run = "latest";

    /** The run: an id, a unique prefix of one, or {@code latest}. */
    public String run() {
        return run;
    }

    /**
     * The results location: {@code --results} (a plain relative path is the caller's: the launcher
     * passes {@code -Dadabet.cwd}), or {@code results}.
     */
    public String location() {
        return location(results);
    }

    /**
     * A results location as a user typed it: a plain relative path is resolved against the caller's
     * directory (the launcher passes {@code -Dadabet.cwd}); {@code null} is {@code results}.
     */
    public static String location(String results) {
        if (results == null) {
            return "results";
        }
        String cwd = System.getProperty("adabet.cwd");
        boolean plainRelative =
                !results.contains(":") && !java.nio.file.Path.of(results).isAbsolute();
        return plainRelative && cwd != null
                ? java.nio.file.Path.of(cwd).resolve(results).toString()
                : results;
    }
}
