package org.adabet.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of this project and of the engines it was built against (from the build). */
public final class Versions {
    private static final Properties PROPS = load();

    private Versions() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in =
                Versions.class.getClassLoader().getResourceAsStream("adabet/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read adabet/version.properties", e);
        }
        return p;
    }

    public static String project() {
        return PROPS.getProperty("project.version", "unknown");
    }

    public static String djl() {
        return PROPS.getProperty("djl.version", "unknown");
    }

    public static String libtorch() {
        return PROPS.getProperty("libtorch.version", "unknown");
    }

    /** The Spark version the jobs were built against (the running one is recorded by the jobs). */
    public static String sparkBuilt() {
        return PROPS.getProperty("spark.version", "unknown");
    }

    /**
     * The git commit the code was built from, with {@code -dirty} when the working tree had
     * uncommitted changes to tracked files: {@code -Dadabet.git.commit} when set (the launcher
     * passes the checkout's HEAD), else what the build recorded into the jar, else {@code unknown}
     * (built outside a git checkout).
     */
    public static String gitCommit() {
        String given = System.getProperty("adabet.git.commit");
        if (given != null && !given.isBlank()) {
            return given;
        }
        String built = PROPS.getProperty("git.commit", "");
        // An unresolved ${...} placeholder: the build found no git folder.
        if (built.isBlank() || built.startsWith("${")) {
            return "unknown";
        }
        return "true".equals(PROPS.getProperty("git.dirty")) ? built + "-dirty" : built;
    }
}
