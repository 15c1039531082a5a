package org.adabet.jobs.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The finished tasks of a run, one file per task under {@code <run folder>/_tasks/<stage>/},
 * written by the executor that ran the task as soon as it finishes, so a run killed half way keeps
 * what it did. A file holds the task's key and its outcome (Java serialization: the run id includes
 * the git commit, so only the code that wrote a file reads it). It is written under a temporary
 * name and renamed, so a task killed while writing leaves no file that looks finished, and a task
 * run twice (a retry, a speculative copy) leaves one file. Only succeeded tasks are kept: a failed
 * task is tried again by the next attempt.
 *
 * <p>Serializable: executors get a copy, with the Hadoop configuration the driver had.
 */
public final class TaskStore implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String ATTEMPTS = "attempts";

    private final String root;
    private final SerializableConfiguration hadoop;

    TaskStore(String root, Configuration hadoop) {
        this.root = root;
        this.hadoop = new SerializableConfiguration(hadoop);
    }

    /** Records {@code outcome} as the finished result of task {@code key} of {@code stage}. */
    public void save(String stage, String key, Serializable outcome) {
        Path dir = new Path(root, stage);
        Path target = new Path(dir, fileName(key));
        Path temporary = new Path(dir, "_" + UUID.randomUUID() + ".tmp");
        try {
            FileSystem fs = target.getFileSystem(hadoop.get());
            try (OutputStream raw = fs.create(temporary, true);
                    ObjectOutputStream out = new ObjectOutputStream(raw)) {
                out.writeUTF(key);
                out.writeObject(outcome);
            }
            // A file already there is the same task's same result (another copy of the task wrote
            // it).
            if (!fs.rename(temporary, target)) {
                fs.delete(temporary, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot record finished task " + key + " at " + target, e);
        }
    }

    /** The finished tasks of {@code stage} by key; empty when none (a first attempt). */
    public <R> Map<String, R> load(String stage, Class<R> type) {
        Path dir = new Path(root, stage);
        Map<String, R> done = new HashMap<>();
        try {
            FileSystem fs = dir.getFileSystem(hadoop.get());
            if (!fs.exists(dir)) {
                return done;
            }
            for (FileStatus file : fs.listStatus(dir)) {
                if (file.getPath().getName().startsWith("_")) {
                    continue; // a write that did not finish
                }
                try (InputStream raw = fs.open(file.getPath());
                        ObjectInputStream in = new ContextObjectInputStream(raw)) {
                    done.put(in.readUTF(), type.cast(in.readObject()));
                } catch (ClassNotFoundException | ClassCastException e) {
                    throw new IllegalStateException(
                            "finished task "
                                    + file.getPath()
                                    + " was written by other code; rerun with --force",
                            e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read finished tasks at " + dir, e);
        }
        return done;
    }

    /** Forgets every finished task and attempt (for {@code --force}). */
    public void clear() {
        Path dir = new Path(root);
        try {
            dir.getFileSystem(hadoop.get()).delete(dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Forgets the finished tasks of one stage (for {@code adabet stage NAME --force}). */
    public void clear(String stage) {
        Path dir = new Path(root, stage);
        try {
            dir.getFileSystem(hadoop.get()).delete(dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /**
     * Counts this attempt of the run: 1 for the first, then 2, 3, ... for each rerun until {@link
     * #clear}.
     */
    public int nextAttempt() {
        Path file = new Path(root, ATTEMPTS);
        try {
            FileSystem fs = file.getFileSystem(hadoop.get());
            int attempt = 1;
            if (fs.exists(file)) {
                try (InputStream in = fs.open(file)) {
                    attempt =
                            Integer.parseInt(
                                            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                                                    .trim())
                                    + 1;
                }
            }
            try (OutputStream out = fs.create(file, true)) {
                out.write(Integer.toString(attempt).getBytes(StandardCharsets.UTF_8));
            }
            return attempt;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(
                    "cannot count the attempts of the run at " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A file name for any key (keys hold '/' and '|'): its SHA-256, hex; the key itself is inside.
     */
    private static String fileName(String key) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16) + ".task";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Resolves classes with the thread's loader: under spark-submit the job's classes are only
     * there.
     */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc)
                throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                return super.resolveClass(desc);
            }
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }

    /** A Hadoop configuration that travels to executors (it is Writable, not Serializable). */
    private static final class SerializableConfiguration implements Serializable {
        private static final long serialVersionUID = 1L;
        private transient Configuration conf;

        SerializableConfiguration(Configuration conf) {
            this.conf = conf;
        }

        Configuration get() {
            return conf;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            conf.write(out);
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            conf = new Configuration(false);
            conf.readFields(in);
        }
    }
}
