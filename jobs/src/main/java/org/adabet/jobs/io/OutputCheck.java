package org.adabet.jobs.io;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.SparkConf;

/**
 * Checks that {@code output.dir} is reachable and writable before any Spark work starts: creates
 * the folder, writes a probe file and deletes it. A run that cannot keep its results is stopped
 * with one line instead of after pretraining with a stack trace.
 */
public final class OutputCheck {
    private OutputCheck() {}

    /**
     * {@code output.dir} cannot be used; the message is one line naming the location and the
     * reason.
     */
    public static final class UnusableOutputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableOutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The Hadoop configuration the Spark session will have, built without starting Spark: the
     * {@code *-site.xml} files on the classpath plus every {@code spark.hadoop.*} property (set by
     * spark-submit as system properties), the way Spark itself builds it.
     */
    public static Configuration hadoopConfiguration(SparkConf spark) {
        Configuration conf = new Configuration();
        for (scala.Tuple2<String, String> kv : spark.getAll()) {
            if (kv._1().startsWith("spark.hadoop.")) {
                conf.set(kv._1().substring("spark.hadoop.".length()), kv._2());
            }
        }
        return conf;
    }

    /**
     * {@link #requireWritable(String, Configuration)} with the configuration spark-submit gave this
     * JVM.
     */
    public static void requireWritable(String outputDir) {
        requireWritable(outputDir, hadoopConfiguration(new SparkConf()));
    }

    /**
     * Creates {@code outputDir} if missing, then writes and deletes a probe file in it.
     *
     * @throws UnusableOutputException naming the location and the reason when any step fails
     */
    public static void requireWritable(String outputDir, Configuration hadoop) {
        String where = outputDir;
        try {
            Path dir = new Path(outputDir);
            // Our own instance, closed afterwards: the cached one is left for Spark to open with
            // its own settings.
            try (FileSystem fs = FileSystem.newInstance(dir.toUri(), hadoop)) {
                dir = fs.makeQualified(dir);
                where = dir.toString();
                if (!fs.mkdirs(dir)) {
                    throw new IOException("cannot create the folder");
                }
                Path probe = new Path(dir, ".adabet-write-probe-" + UUID.randomUUID());
                try (OutputStream out = fs.create(probe, false)) {
                    out.write('\n');
                }
                if (!fs.delete(probe, false)) {
                    throw new IOException("cannot delete the probe file " + probe.getName());
                }
            }
        } catch (IOException | RuntimeException e) {
            String reason = reason(e);
            if (missingFileSystemClass(e)) {
                // e.g. s3a:// named by Hadoop's defaults but hadoop-aws not on the classpath.
                reason += " (the file system's jar is not on the classpath)";
            }
            throw new UnusableOutputException(
                    "output.dir '"
                            + where
                            + "' is not "
                            + (unreachable(e) ? "reachable" : "writable")
                            + ": "
                            + reason,
                    e);
        }
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof UnsupportedFileSystemException) {
                return true;
            }
        }
        return missingFileSystemClass(e);
    }

    private static boolean missingFileSystemClass(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClassNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message (Hadoop wraps the OS's reason), on one line. */
    private static String reason(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null
                ? e.getClass().getSimpleName()
                : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
